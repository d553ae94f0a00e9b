import { readFileSync } from 'node:fs';
import { bearer } from './auth.js';
import type { TestApp } from './test-app.js';

export const SEED_HA_GIANG = 'test/fixtures/seeds/001_fa2d4705234aec79.txt';
export const SEED_LAM_DONG = 'test/fixtures/seeds/000_95fe18056013d91d.txt';

export interface UploadedDocument {
  id: string;
  kind: string;
  status: string;
  committee: string;
  clauses: {
    id: string;
    section: string | null;
    ordinal: string;
    leads: { name: string; orgId: string | null; group: boolean }[];
  }[];
}

/**
 * Uploads a file's text with a marker line so each test run gets a fresh sha256 (the same file
 * twice is refused by design).
 */
export async function uploadText(
  t: TestApp,
  token: string,
  path: string,
  marker = `${Date.now()}-${Math.random()}`,
): Promise<{ status: number; body: { items: UploadedDocument[] } & Record<string, unknown> }> {
  const text = `${readFileSync(path, 'utf8')}\n<!-- test ${marker} -->\n`;
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), path.split('/').pop() as string);
  const response = await t.api('/documents', {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  return { status: response.status, body: (await response.json()) as never };
}

export interface PublishedTask {
  id: string;
  origin: string;
  parentId: string | null;
  leadOrgId: string | null;
  status: string;
  version: number;
  dueOn: string | null;
  cadence: string;
}

export async function publish(
  t: TestApp,
  token: string,
  documentId: string,
  body: Record<string, unknown> = { issuedOn: '2022-05-20' },
): Promise<{
  status: number;
  body: { tasks: PublishedTask[]; obligations: number } & Record<string, unknown>;
}> {
  const response = await t.api(`/documents/${documentId}/publish`, {
    method: 'POST',
    headers: bearer(token, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}
