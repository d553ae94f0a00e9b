// HTTP against a spawned API (fetch, bounded by a timeout), and the few set-up steps the
// reliability suites share: log in, publish the Hà Giang seed, find the task a body leads.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pdfBytes, reportForm } from '../factories/evidence.factory.js';
import { DEMO_PASSWORD } from '../helpers/auth.js';
import { SEED_HA_GIANG, type PublishedTask } from '../helpers/documents.js';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One request; rejects only when no HTTP answer came (connection refused or reset, timeout). */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Like call(), but anything other than `expected` is an error naming the answer. */
export async function expectCall<T = unknown>(
  expected: number,
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const answer = await call<T>(base, method, path, options);
  if (answer.status !== expected) {
    throw new Error(
      `${method} ${path}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
    );
  }
  return answer.body;
}

export async function login(base: string, username: string): Promise<string> {
  const body = await expectCall<{ accessToken: string }>(200, base, 'POST', '/auth/login', {
    json: { username, password: DEMO_PASSWORD },
  });
  return body.accessToken;
}

/** The demo users (config of seed-demo) the suites act as. */
export const USERS = {
  admin: 'admin',
  office: 'vanphong.hg',
  inspector: 'ubkt.hg',
  /** leads the Ban Tuyên giáo's tasks */
  agency: 'tuyengiao.hg',
  agencyOrg: 'hg-ban-tuyen-giao',
  /** leads the Ban cán sự đảng UBND tỉnh's tasks */
  otherAgency: 'bcsd.hg',
  otherAgencyOrg: 'hg-bcsd-ubnd',
} as const;

/**
 * Uploads the Hà Giang seed as the office (with a marker, so its sha256 is new) and publishes
 * every document in it as issued on `issuedOn`. Returns every task created.
 */
export async function publishSeed(
  base: string,
  officeToken: string,
  issuedOn = '2022-05-20',
): Promise<PublishedTask[]> {
  const text = `${readFileSync(SEED_HA_GIANG, 'utf8')}\n<!-- reliability ${randomUUID()} -->\n`;
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), SEED_HA_GIANG.split('/').pop()!);
  const uploaded = await expectCall<{ items: { id: string }[] }>(201, base, 'POST', '/documents', {
    token: officeToken,
    form,
    timeoutMs: 60_000,
  });
  const tasks: PublishedTask[] = [];
  for (const doc of uploaded.items) {
    const published = await expectCall<{ tasks: PublishedTask[] }>(
      201,
      base,
      'POST',
      `/documents/${doc.id}/publish`,
      { token: officeToken, json: { issuedOn }, timeoutMs: 60_000 },
    );
    tasks.push(...published.tasks);
  }
  return tasks;
}

/** The clause task `org` leads (the task the agency user reports on). */
export function taskLedBy(tasks: PublishedTask[], org: string = USERS.agencyOrg): PublishedTask {
  const task = tasks.find((t) => t.origin === 'clause' && t.leadOrgId === org);
  if (!task) throw new Error(`no clause task led by ${org} in the published seed`);
  return task;
}

/**
 * A report request derived from its key alone, so a retry sends exactly the same request (the
 * same body and, for a multipart one, the same file bytes).
 */
export interface ReportRequest {
  key: string;
  withEvidence: boolean;
}

export function reportNarrative(key: string): string {
  return `Báo cáo tiến độ ${key}: đã quán triệt nghị quyết, đang triển khai kế hoạch.`;
}

export function postReport(
  base: string,
  token: string,
  taskId: string,
  request: ReportRequest,
  timeoutMs = 30_000,
): Promise<Answer<{ id?: string }>> {
  const fields = { percent: '40', narrative: reportNarrative(request.key) };
  const headers = { 'idempotency-key': request.key };
  if (request.withEvidence) {
    const form = reportForm(fields, [
      {
        name: `bien-ban-${request.key}.pdf`,
        bytes: pdfBytes(request.key),
        type: 'application/pdf',
      },
    ]);
    return call(base, 'POST', `/tasks/${taskId}/reports`, { token, form, headers, timeoutMs });
  }
  return call(base, 'POST', `/tasks/${taskId}/reports`, {
    token,
    headers,
    json: { percent: 40, narrative: reportNarrative(request.key) },
    timeoutMs,
  });
}
