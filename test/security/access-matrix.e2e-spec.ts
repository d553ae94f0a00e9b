import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { pdfBytes, reportForm } from '../factories/evidence.factory.js';
import { authed, bearer, DEMO_PASSWORD, login, uniqueName } from '../helpers/auth.js';
import { changedTables, exclusive, tableChecksums } from '../helpers/db-state.js';
import {
  publish,
  SEED_HA_GIANG,
  uploadText,
  type PublishedTask,
  type UploadedDocument,
} from '../helpers/documents.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startWorker, stopWorker, until } from '../reminders/reminder-fixtures.js';

type Role = 'admin' | 'office' | 'inspector' | 'agency';
/**
 * The callers: one user per role, where `agency` is the body that owns the objects below (Ban
 * Tuyên giáo, tuyengiao.hg), and `other` an agency of another body (Ban cán sự đảng UBND tỉnh,
 * bcsd.hg) that neither leads, coordinates nor delegated any of them.
 */
type Caller = Role | 'other';
type Who = Caller | 'anonymous';
/** 'token': the calendar feed, opened with its own token in the query, not with a login. */
type Gate = 'public' | 'token' | 'any' | Role[];

const USERS: Record<Caller, string> = {
  admin: 'admin',
  office: 'vanphong.hg',
  inspector: 'ubkt.hg',
  agency: 'tuyengiao.hg',
  other: 'bcsd.hg',
};
const CALLERS: Caller[] = ['admin', 'office', 'inspector', 'agency', 'other'];
const ROLE_OF: Record<Caller, Role> = {
  admin: 'admin',
  office: 'office',
  inspector: 'inspector',
  agency: 'agency',
  other: 'agency',
};
const OWNER_ORG = 'hg-ban-tuyen-giao';
const OTHER_ORG = 'hg-bcsd-ubnd';
const COORDINATOR_ORG = 'hg-ban-to-chuc';
// Webhook deliveries, should any be attempted, are refused at once (discard port).
const HOOK_URL = 'http://127.0.0.1:9/dondoc-matrix';
const CSV_HEADER =
  'code,name,shortName,kind,level,province,district,parent,aliases,groups,validFrom,validTo,successors';

/** Real objects made through the API in beforeAll; every path parameter names one of them. */
interface Fixtures {
  tokens: Record<Caller, string>;
  /** the calendar feed tokens of the owner and of the other body */
  feeds: { agency: string; other: string };
  seedText: string;
  /** a published document, and a draft with one of its clauses */
  document: string;
  draft: { id: string; clauseId: string };
  /** tasks led by the owner: t1 in progress with a report, t2 assigned (walked by transitions) */
  t1: string;
  t2: string;
  t2Deadline: string;
  /** a task led by the other body, to show scope cuts both ways */
  otherTask: string;
  report: string;
  evidence: string;
  pdf: Buffer;
  /** an in-app notification delivered to the owner */
  notification: string;
  user: string;
  organization: string;
  webhooks: { office: string; admin: string };
  /** ids of the owner's objects: the other body must never receive any of them */
  owned: Set<string>;
  /** made by the matrix itself, removed afterwards */
  madeWebhooks: string[];
  /** a task's current version, as the office reads it (writes carry it) */
  version(taskId: string): Promise<number>;
}

interface Call {
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  form?: FormData;
  raw?: { type: string; body: string };
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  bytes: Buffer;
  text: string;
}

interface Scenario {
  call: (f: Fixtures, who: Who) => Call | Promise<Call>;
  /** status of an allowed call (200 unless said) */
  ok?: number;
  /** where the route's own rules answer otherwise than the gate (state machine, own objects) */
  expect?: Partial<Record<Who, number>>;
  /** the allowed callers in this order (writes that must come after one another) */
  order?: Caller[];
  /** more checks on an answer; returns what is wrong */
  check?: (f: Fixtures, who: Who, answer: Answer) => string | null | Promise<string | null>;
}

interface Row {
  gate: Gate;
  /** the object named belongs to the owner: the other body gets 404 where the gate lets agencies in */
  owned?: boolean;
  scenarios: Scenario[];
}

const row = (gate: Gate, scenario: Scenario | Scenario[], owned = false): Row => ({
  gate,
  owned,
  scenarios: Array.isArray(scenario) ? scenario : [scenario],
});

const json = <T>(answer: Answer): T => JSON.parse(answer.text) as T;
const idsOf = (answer: Answer): string[] =>
  (json<{ items?: { id: string | number }[] }>(answer).items ?? []).map((i) => String(i.id));

/**
 * Who may call each route, and what each caller gets on real objects. Every route of
 * /docs-json must have a row: a new route without one fails this test, so access is always
 * decided on purpose. Rows run in this order; writes come after the reads of what they change.
 */
const MATRIX: Record<string, Row> = {
  'POST /api/v1/auth/login': row('public', {
    call: () => ({ json: { username: USERS.agency, password: DEMO_PASSWORD } }),
  }),
  'GET /api/v1/health': row('public', { call: () => ({}) }),
  'GET /metrics': row('public', { call: () => ({}) }),
  'GET /api/v1/calendar.ics': row('token', {
    // Opened with the caller's own feed token; the others send none.
    call: (f, who) =>
      who === 'agency' || who === 'other' ? { query: `token=${f.feeds[who]}` } : {},
    expect: { admin: 401, office: 401, inspector: 401, agency: 200, other: 200 },
    check: (f, who, a) =>
      who === 'agency' && !a.text.includes(`obligation-${f.t2Deadline}@dondoc`)
        ? "the owner's feed lacks its deadline"
        : null,
  }),
  'GET /api/v1/me': row('any', { call: () => ({}) }),
  'GET /api/v1/users': row(['admin'], { call: () => ({ query: 'pageSize=200' }) }),
  'POST /api/v1/users': row(['admin'], {
    call: (f) => ({
      json: {
        username: uniqueName('matrix.').toLowerCase(),
        displayName: 'Người dùng thử ma trận',
        password: 'mat-khau-thu-12345',
        role: 'agency',
        organizationId: f.organization,
      },
    }),
    ok: 201,
  }),
  'PATCH /api/v1/users/{id}': row(['admin'], {
    call: (f) => ({ params: { id: f.user }, json: { displayName: 'Người dùng thử đã đổi tên' } }),
  }),
  'GET /api/v1/organizations': row('any', { call: () => ({ query: 'q=tuyen%20giao' }) }),
  'GET /api/v1/organizations/resolve': row('any', {
    call: () => ({ query: `mention=${encodeURIComponent('Ban Tuyên giáo Tỉnh ủy')}` }),
  }),
  'GET /api/v1/organizations/{id}': row('any', { call: () => ({ params: { id: OWNER_ORG } }) }),
  'POST /api/v1/organizations': row(['admin'], {
    call: () => ({ json: newOrganization() }),
    ok: 201,
  }),
  'PATCH /api/v1/organizations/{id}': row(['admin'], {
    call: (f) => ({ params: { id: f.organization }, json: { shortName: 'Đơn vị thử (sửa)' } }),
  }),
  'POST /api/v1/organizations/import': row(['admin'], {
    call: () => {
      const o = newOrganization();
      return {
        raw: {
          type: 'text/csv',
          body: `${CSV_HEADER}\n${o.code},${o.name},,${o.kind},${o.level},${o.province},,,,,,,\n`,
        },
      };
    },
    ok: 201,
  }),
  'POST /api/v1/documents/parse': row(['office', 'admin'], {
    call: (f) => ({ json: { text: f.seedText } }),
  }),
  'POST /api/v1/documents': row(['office'], {
    call: (f) => {
      const form = new FormData();
      const text = `${f.seedText}\n<!-- matrix ${uniqueName('upload')} -->\n`;
      form.append('file', new Blob([text], { type: 'text/plain' }), 'nghi-quyet.txt');
      return { form };
    },
    ok: 201,
  }),
  'GET /api/v1/documents': row(['office', 'inspector', 'admin'], { call: () => ({}) }),
  'GET /api/v1/documents/{id}': row(['office', 'inspector', 'admin'], {
    call: (f) => ({ params: { id: f.document } }),
  }),
  'GET /api/v1/documents/{id}/source': row(['office', 'inspector', 'admin'], {
    call: (f) => ({ params: { id: f.document } }),
  }),
  'GET /api/v1/documents/{id}/plan': row(['office', 'inspector', 'admin'], {
    call: (f) => ({ params: { id: f.draft.id } }),
  }),
  'PATCH /api/v1/documents/{id}/clauses/{clauseId}': row(['office'], {
    call: (f) => ({
      params: { id: f.draft.id, clauseId: f.draft.clauseId },
      json: { cadence: 'annual' },
    }),
  }),
  'POST /api/v1/documents/{id}/publish': row(['office'], {
    call: (f) => ({ params: { id: f.draft.id }, json: { issuedOn: '2022-05-20' } }),
    ok: 201,
  }),
  'GET /api/v1/tasks/{id}': row(
    'any',
    {
      call: (f) => ({ params: { id: f.t1 } }),
      check: (f, who, a) =>
        who !== 'anonymous' && a.status === 200 && json<{ id: string }>(a).id !== f.t1
          ? 'another task answered'
          : null,
    },
    true,
  ),
  'PATCH /api/v1/tasks/{id}': row(
    ['office'],
    {
      call: async (f) => ({
        params: { id: f.t1 },
        json: { version: await f.version(f.t1), dueOn: '2026-12-31', reason: 'Gia hạn thử' },
      }),
    },
    true,
  ),
  'POST /api/v1/tasks/{id}/delegate': row(
    ['agency', 'office'],
    {
      // The owner (lead, tỉnh level) and the office each hand it to one district.
      call: (f, who) => ({
        params: { id: f.t1 },
        json: {
          organizationIds: [who === 'office' ? 'hg-huyen-uy-bac-me' : 'hg-huyen-uy-meo-vac'],
        },
      }),
      ok: 201,
      check: (f, who, a) => {
        if (a.status === 201) for (const id of idsOf(a)) f.owned.add(id);
        return null;
      },
    },
    true,
  ),
  'GET /api/v1/tasks': row('any', {
    call: (f) => ({ query: `documentId=${f.document}&pageSize=200` }),
    check: (f, who, a) => {
      if (who !== 'agency') return null;
      const missing = [f.t1, f.t2].filter((id) => !idsOf(a).includes(id));
      return missing.length ? `the owner's list lacks ${missing.join(', ')}` : null;
    },
  }),
  'GET /api/v1/obligations': row('any', {
    // Asked for the owner's obligations by name: the other body gets only those of tasks it
    // coordinates (none of these).
    call: () => ({ query: `organizationId=${OWNER_ORG}&pageSize=200` }),
  }),
  'POST /api/v1/tasks/{id}/reports': row(
    ['agency'],
    {
      call: (f) => ({
        params: { id: f.t1 },
        headers: { 'idempotency-key': uniqueName('matrix-') },
        json: { percent: 40, narrative: 'Đã tổ chức hội nghị quán triệt.' },
      }),
      ok: 201,
      check: (f, _who, a) => {
        if (a.status === 201) f.owned.add(json<{ id: string }>(a).id);
        return null;
      },
    },
    true,
  ),
  'GET /api/v1/tasks/{id}/reports': row(
    'any',
    {
      call: (f) => ({ params: { id: f.t1 } }),
      check: (f, who, a) =>
        who === 'agency' && !idsOf(a).includes(f.report) ? 'the report is missing' : null,
    },
    true,
  ),
  'GET /api/v1/reports': row(['inspector', 'office'], {
    call: () => ({ query: 'status=submitted&pageSize=200' }),
  }),
  'GET /api/v1/reports/{id}/evidence/{fileId}': row(
    'any',
    {
      call: (f) => ({ params: { id: f.report, fileId: f.evidence } }),
      check: (f, _who, a) =>
        a.status === 200 && !a.bytes.equals(f.pdf) ? 'the file differs from the upload' : null,
    },
    true,
  ),
  'POST /api/v1/reports/{id}/review': row(
    ['inspector', 'office'],
    {
      call: (f, who) => ({
        params: { id: f.report },
        json:
          who === 'office'
            ? { verdict: 'accepted', comment: 'Đạt yêu cầu.' }
            : { verdict: 'rework', comment: 'Cần bổ sung số liệu.' },
      }),
      ok: 201,
      order: ['inspector', 'office'],
    },
    true,
  ),
  'GET /api/v1/notifications': row('any', {
    call: () => ({ query: 'pageSize=200' }),
    check: (f, who, a) => {
      const has = idsOf(a).includes(f.notification);
      if (who === 'agency' && !has) return 'the own notification is missing';
      if (who !== 'agency' && has) return "another user's notification is listed";
      return null;
    },
  }),
  'POST /api/v1/notifications/{id}/read': row(
    'any',
    {
      // Own notifications only: for everyone else it does not exist.
      call: (f) => ({ params: { id: f.notification } }),
      expect: { admin: 404, office: 404, inspector: 404 },
    },
    true,
  ),
  'GET /api/v1/me/notification-preferences': row('any', { call: () => ({}) }),
  'PATCH /api/v1/me/notification-preferences': row('any', {
    // The default mode: the demo users keep what other suites expect.
    call: () => ({ json: { emailMode: 'immediate' } }),
  }),
  'POST /api/v1/me/calendar-token': row('any', { call: () => ({}), ok: 201 }),
  'DELETE /api/v1/me/calendar-token': row('any', { call: () => ({}), ok: 204 }),
  'GET /api/v1/webhooks': row(['admin', 'office'], {
    call: () => ({}),
    check: (f, who, a) =>
      who === 'office' && !idsOf(a).includes(f.webhooks.office) ? 'own webhook missing' : null,
  }),
  'POST /api/v1/webhooks': row(['admin', 'office'], {
    call: () => ({ json: { url: HOOK_URL } }),
    ok: 201,
    check: (f, _who, a) => {
      if (a.status === 201) f.madeWebhooks.push(json<{ id: string }>(a).id);
      return null;
    },
  }),
  'DELETE /api/v1/webhooks/{id}': row(['admin', 'office'], {
    call: (f, who) => ({ params: { id: who === 'admin' ? f.webhooks.admin : f.webhooks.office } }),
    ok: 204,
  }),
  'POST /api/v1/admin/reminders/sweep': row(['admin'], { call: () => ({ json: {} }) }),
  'GET /api/v1/audit': row(['inspector', 'admin'], {
    call: (f) => ({ query: `entityType=task&entityId=${f.t1}` }),
  }),
  'GET /api/v1/audit/verify': row(['inspector', 'admin'], { call: () => ({}) }),
  'GET /api/v1/summaries/overview': row(['office', 'inspector'], {
    call: (f) => ({ query: `documentId=${f.document}` }),
  }),
  'GET /api/v1/summaries/organizations': row(['office', 'inspector'], {
    call: (f) => ({ query: `documentId=${f.document}` }),
  }),
  'GET /api/v1/summaries/targets': row(['office', 'inspector'], {
    call: (f) => ({ query: `documentId=${f.document}` }),
  }),
  'GET /api/v1/exports/summary.{format}': row(['office', 'inspector'], {
    call: (f) => ({ params: { format: 'csv' }, query: `documentId=${f.document}` }),
  }),
  // Last: these move t2 to its end. The gate lets every role in; the state machine decides.
  'POST /api/v1/tasks/{id}/{action}': row(
    'any',
    [
      {
        call: async (f) => ({
          params: { id: f.t2, action: 'acknowledge' },
          json: { version: await f.version(f.t2) },
        }),
        expect: { admin: 403, office: 403, inspector: 403 },
      },
      {
        call: async (f) => ({
          params: { id: f.t2, action: 'cancel' },
          json: { version: await f.version(f.t2), reason: 'Không còn phù hợp' },
        }),
        expect: { admin: 403, inspector: 403, agency: 403 },
      },
    ],
    true,
  ),
};

let organizationCounter = 0;
function newOrganization() {
  organizationCounter += 1;
  const suffix = `${Date.now().toString(36)}${process.pid.toString(36)}${organizationCounter}`;
  // A body with no groups and no tasks, so no other suite's fan-out or scorecard changes.
  return {
    code: `hg-thu-ma-tran-${suffix}`,
    name: `Đơn vị Thử Ma Trận ${suffix.toUpperCase()} tỉnh Hà Giang`,
    kind: 'department',
    level: 'tinh',
    province: 'Hà Giang',
  };
}

/** What each caller should get: the gate first, then scope, then the route's own rules. */
function expected(r: Row, s: Scenario, who: Who): number {
  const explicit = s.expect?.[who];
  if (explicit !== undefined) return explicit;
  if (who === 'anonymous') return r.gate === 'public' ? (s.ok ?? 200) : 401;
  if (Array.isArray(r.gate) && !r.gate.includes(ROLE_OF[who])) return 403;
  if (who === 'other' && r.owned) return 404;
  return s.ok ?? 200;
}

describe('access matrix: every route × every kind of caller, on real objects', () => {
  let t: TestApp;
  let db: DataSource;
  let release: () => Promise<void>;
  let routes: string[];
  const f = {} as Fixtures;

  const api = async (path: string, init?: RequestInit) => t.api(path, init);
  const ok = async <T>(what: string, response: Promise<Response>, status = 200): Promise<T> => {
    const r = await response;
    const text = await r.text();
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  interface TaskView {
    id: string;
    leadOrgId: string | null;
    delegatedByOrgId: string | null;
    coordinatorOrgIds: string[];
    version: number;
    status: string;
    obligations: { id: string; periodKey: string; dueOn: string }[];
  }
  const task = (id: string, caller: Caller = 'office') =>
    ok<TaskView>(`GET /tasks/${id}`, api(`/tasks/${id}`, authed(f.tokens[caller], 'GET')));

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    release = await exclusive(db, 'dondoc-security-suites');
    f.tokens = {} as Record<Caller, string>;
    for (const caller of CALLERS) f.tokens[caller] = await login(t, USERS[caller]);
    f.version = async (id) => (await task(id)).version;
    f.owned = new Set();
    f.madeWebhooks = [];
    f.pdf = pdfBytes('Biên bản hội nghị quán triệt');
    f.seedText = readFileSync(SEED_HA_GIANG, 'utf8');

    // The office uploads the Hà Giang resolution, corrects two clauses so the owner leads them
    // without the other body (the seed names it a coordinator of the owner's clause), publishes.
    const office = f.tokens.office;
    const uploaded = await uploadText(t, office, SEED_HA_GIANG);
    expect(uploaded.status).toBe(201);
    type Clause = UploadedDocument['clauses'][number] & {
      coordinators: { orgId: string | null }[];
    };
    const doc = uploaded.body.items.find((d) => d.clauses.length > 0)!;
    const clauses = doc.clauses as Clause[];
    f.document = doc.id;
    const ownerClause = clauses.find((c) => c.leads.some((l) => l.orgId === OWNER_ORG))!;
    const spareClause = clauses.find(
      (c) =>
        c.id !== ownerClause.id &&
        c.leads.length > 0 &&
        c.leads.every((l) => !l.group && l.orgId !== OWNER_ORG && l.orgId !== OTHER_ORG) &&
        c.coordinators.every((p) => p.orgId !== OTHER_ORG),
    )!;
    const correct = (clauseId: string, body: object) =>
      ok(
        'correct clause',
        api(`/documents/${doc.id}/clauses/${clauseId}`, authed(office, 'PATCH', body)),
      );
    await correct(ownerClause.id, { coordinators: [COORDINATOR_ORG] });
    await correct(spareClause.id, { leads: [OWNER_ORG], coordinators: [], dueOn: '2027-06-30' });
    const published = await publish(t, office, doc.id);
    expect(published.status).toBe(201);
    const tasks = published.body.tasks as (PublishedTask & { clauseId: string })[];
    f.t1 = tasks.find((x) => x.clauseId === ownerClause.id && x.leadOrgId === OWNER_ORG)!.id;
    f.t2 = tasks.find((x) => x.clauseId === spareClause.id && x.leadOrgId === OWNER_ORG)!.id;
    f.otherTask = tasks.find((x) => x.leadOrgId === OTHER_ORG && !x.parentId)!.id;

    // The other body neither leads, coordinates nor delegated the owner's tasks.
    for (const id of [f.t1, f.t2]) {
      const view = await task(id);
      expect(view.leadOrgId).toBe(OWNER_ORG);
      expect(view.coordinatorOrgIds).not.toContain(OTHER_ORG);
      expect(view.delegatedByOrgId).toBeNull();
      for (const o of view.obligations) f.owned.add(o.id);
    }
    expect((await task(f.t1)).coordinatorOrgIds).toEqual([COORDINATOR_ORG]);
    f.t2Deadline = (await task(f.t2)).obligations.find((o) => o.dueOn === '2027-06-30')!.id;

    // A draft for the clause correction and publish rows.
    const draft = await uploadText(t, office, SEED_HA_GIANG);
    const draftDoc = draft.body.items.find((d) => d.clauses.length > 0)!;
    f.draft = { id: draftDoc.id, clauseId: draftDoc.clauses[0].id };

    // The owner takes t1 up and reports on it with a PDF.
    const agency = f.tokens.agency;
    for (const action of ['acknowledge', 'start']) {
      await ok(
        action,
        api(`/tasks/${f.t1}/${action}`, authed(agency, 'POST', { version: await f.version(f.t1) })),
      );
    }
    const report = await ok<{ id: string; evidence: { id: string }[] }>(
      'report',
      api(`/tasks/${f.t1}/reports`, {
        method: 'POST',
        headers: bearer(agency, { 'idempotency-key': uniqueName('matrix-setup-') }),
        body: reportForm({ percent: '20', narrative: 'Đã quán triệt.', period: '2022-H1' }, [
          { name: 'bien-ban.pdf', bytes: f.pdf, type: 'application/pdf' },
        ]),
      }),
      201,
    );
    f.report = report.id;
    f.evidence = report.evidence[0].id;

    // The owner's notification of its new tasks, delivered by the real worker.
    const worker = await startWorker({});
    try {
      await ok('sweep', api('/admin/reminders/sweep', authed(f.tokens.admin, 'POST', {})));
      const items = await until(
        "the owner's notification",
        async () =>
          (
            await ok<{ items: { id: string; taskId: string | null }[] }>(
              'notifications',
              api('/notifications?pageSize=200', authed(agency, 'GET')),
            )
          ).items,
        (list) => list.some((n) => n.taskId === f.t1 || n.taskId === f.t2),
      );
      f.notification = String(items.find((n) => n.taskId === f.t1 || n.taskId === f.t2)!.id);
    } finally {
      await stopWorker(worker);
    }
    f.owned.add(f.t1).add(f.t2).add(f.report).add(f.evidence);

    const admin = f.tokens.admin;
    f.organization = (
      await ok<{ id: string }>(
        'organization',
        api('/organizations', authed(admin, 'POST', newOrganization())),
        201,
      )
    ).id;
    f.user = (
      await ok<{ id: string }>(
        'user',
        api(
          '/users',
          authed(admin, 'POST', {
            username: uniqueName('matrix.').toLowerCase(),
            displayName: 'Người dùng thử',
            password: 'mat-khau-thu-12345',
            role: 'agency',
            organizationId: f.organization,
          }),
        ),
        201,
      )
    ).id;
    const hook = async (token: string) =>
      (
        await ok<{ id: string }>(
          'webhook',
          api('/webhooks', authed(token, 'POST', { url: HOOK_URL })),
          201,
        )
      ).id;
    f.webhooks = { office: await hook(office), admin: await hook(admin) };
    const feed = async (token: string) =>
      (await ok<{ token: string }>('feed', api('/me/calendar-token', authed(token, 'POST')), 201))
        .token;
    f.feeds = { agency: await feed(agency), other: await feed(f.tokens.other) };

    const docJson = (await (await fetch(`${t.baseUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(docJson.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }, 120_000);

  afterAll(async () => {
    for (const id of f.madeWebhooks ?? []) {
      await api(`/webhooks/${id}`, authed(f.tokens.admin, 'DELETE'));
    }
    await release?.();
    await t?.close();
  });

  it('has a row for every route of the OpenAPI document, and no row for a route that is gone', () => {
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const send = async (route: string, c: Call, token?: string): Promise<Answer> => {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = c.params?.[name];
      if (!value) throw new Error(`${route}: no object given for {${name}}`);
      return encodeURIComponent(value);
    });
    const headers: Record<string, string> = { ...(token ? bearer(token) : {}), ...c.headers };
    let body: RequestInit['body'];
    if (c.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(c.json);
    } else if (c.form) body = c.form;
    else if (c.raw) {
      headers['content-type'] = c.raw.type;
      body = c.raw.body;
    }
    const response = await fetch(`${t.baseUrl}${path}${c.query ? `?${c.query}` : ''}`, {
      method,
      headers,
      body,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, bytes, text: bytes.toString('utf8') };
  };

  it('answers every caller as the matrix says, on real objects: 401 without a login, 403 for a role that may not, 404 for another body; refusals change no row', async () => {
    const wrong: string[] = [];
    let calls = 0;
    const one = async (name: string, route: string, s: Scenario, want: number, who: Who) => {
      const answer = await send(
        route,
        await s.call(f, who),
        who === 'anonymous' ? undefined : f.tokens[who],
      );
      calls += 1;
      if (answer.status !== want) {
        wrong.push(
          `${name} as ${who} → ${answer.status}, expected ${want}: ${answer.text.slice(0, 160)}`,
        );
      }
      if (who === 'other') {
        const leaked = [...f.owned].filter((id) => answer.text.includes(id));
        if (leaked.length) wrong.push(`${name} as other shows the owner's ${leaked.join(', ')}`);
      }
      const problem = await s.check?.(f, who, answer);
      if (problem) wrong.push(`${name} as ${who}: ${problem}`);
    };
    for (const [route, r] of Object.entries(MATRIX)) {
      for (const [i, s] of r.scenarios.entries()) {
        const name = r.scenarios.length > 1 ? `${route} #${i + 1}` : route;
        const everyone: Who[] = r.gate === 'public' ? ['anonymous'] : ['anonymous', ...CALLERS];
        const refused = everyone.filter((who) => expected(r, s, who) >= 400);
        const allowed = (s.order ?? everyone).filter((who) => expected(r, s, who) < 400);
        const before = await tableChecksums(db);
        for (const who of refused) await one(name, route, s, expected(r, s, who), who);
        const changed = changedTables(before, await tableChecksums(db));
        if (changed.length) wrong.push(`${name}: refusals changed ${changed.join(', ')}`);
        for (const who of allowed) await one(name, route, s, expected(r, s, who), who);
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(250);
  }, 120_000);

  /** Every item of a list, page by page. */
  const everything = async (caller: Caller, path: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    for (let page = 1; page <= 50; page += 1) {
      const sep = path.includes('?') ? '&' : '?';
      const body = await ok<{ items: Record<string, unknown>[]; total: number }>(
        path,
        api(`${path}${sep}page=${page}&pageSize=200`, authed(f.tokens[caller], 'GET')),
      );
      items.push(...body.items);
      if (body.items.length === 0 || items.length >= body.total) return items;
    }
    throw new Error(`${path}: more than 50 pages`);
  };

  it("never lists the owner's objects to the other body, in any list it can read, while the owner sees them", async () => {
    const owner = {
      tasks: (await everything('agency', '/tasks')).map((x) => String(x.id)),
      obligations: (await everything('agency', '/obligations')).map((x) => String(x.id)),
      notifications: (await everything('agency', '/notifications')).map((x) => String(x.id)),
    };
    expect(owner.tasks).toEqual(expect.arrayContaining([f.t1, f.t2]));
    expect(owner.obligations).toEqual(expect.arrayContaining([f.t2Deadline]));
    expect(owner.notifications).toContain(f.notification);
    // The matrix added the owner's delegated children and a second report: still the owner's.
    expect(f.owned.size).toBeGreaterThan(15);

    const other = {
      tasks: await everything('other', '/tasks'),
      obligations: await everything('other', '/obligations'),
      notifications: await everything('other', '/notifications'),
    };
    expect(other.tasks.length).toBeGreaterThan(0); // it does see its own
    const text = JSON.stringify(other);
    expect([...f.owned].filter((id) => text.includes(id))).toEqual([]);
    expect(other.notifications.map((n) => String(n.id))).not.toContain(f.notification);
    const feed = (await await api('/me/calendar-token', authed(f.tokens.other, 'POST')).then((r) =>
      r.json(),
    )) as { token: string };
    const ics = await (await api(`/calendar.ics?token=${feed.token}`)).text();
    expect([...f.owned].filter((id) => ics.includes(id))).toEqual([]);
  });

  it("cuts both ways: the owner gets 404 on the other body's task, which the other body reads", async () => {
    expect((await api(`/tasks/${f.otherTask}`, authed(f.tokens.agency, 'GET'))).status).toBe(404);
    expect((await api(`/tasks/${f.otherTask}`, authed(f.tokens.other, 'GET'))).status).toBe(200);
    expect(
      (await api(`/tasks/${f.otherTask}/reports`, authed(f.tokens.agency, 'GET'))).status,
    ).toBe(404);
  });
});
