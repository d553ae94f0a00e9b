import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, login } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type Caller = 'admin' | 'office' | 'inspector' | 'agency';
/** 'token': its own token in the query (the calendar feed), not the login; none given here. */
type Access = 'public' | 'token' | 'any' | Caller[];

/**
 * Who may call each route. Every route of /docs-json must have a row: a new route without one
 * fails this test, so access is always decided on purpose.
 */
const MATRIX: Record<string, Access> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/health': 'public',
  'GET /metrics': 'public',
  'GET /api/v1/calendar.ics': 'token',
  'GET /api/v1/me': 'any',
  'GET /api/v1/users': ['admin'],
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/{id}': ['admin'],
  'GET /api/v1/organizations': 'any',
  'GET /api/v1/organizations/resolve': 'any',
  'GET /api/v1/organizations/{id}': 'any',
  'POST /api/v1/organizations': ['admin'],
  'PATCH /api/v1/organizations/{id}': ['admin'],
  'POST /api/v1/organizations/import': ['admin'],
  'POST /api/v1/documents/parse': ['office', 'admin'],
  'POST /api/v1/documents': ['office'],
  'GET /api/v1/documents': ['office', 'inspector', 'admin'],
  'GET /api/v1/documents/{id}': ['office', 'inspector', 'admin'],
  'GET /api/v1/documents/{id}/source': ['office', 'inspector', 'admin'],
  'GET /api/v1/documents/{id}/plan': ['office', 'inspector', 'admin'],
  'PATCH /api/v1/documents/{id}/clauses/{clauseId}': ['office'],
  'POST /api/v1/documents/{id}/publish': ['office'],
  'GET /api/v1/tasks': 'any',
  'GET /api/v1/tasks/{id}': 'any',
  'PATCH /api/v1/tasks/{id}': ['office'],
  'POST /api/v1/tasks/{id}/{action}': 'any',
  'POST /api/v1/tasks/{id}/delegate': ['agency', 'office'],
  'GET /api/v1/obligations': 'any',
  'POST /api/v1/tasks/{id}/reports': ['agency'],
  'GET /api/v1/tasks/{id}/reports': 'any',
  'GET /api/v1/reports': ['inspector', 'office'],
  'GET /api/v1/reports/{id}/evidence/{fileId}': 'any',
  'POST /api/v1/reports/{id}/review': ['inspector', 'office'],
  'GET /api/v1/notifications': 'any',
  'POST /api/v1/notifications/{id}/read': 'any',
  'GET /api/v1/me/notification-preferences': 'any',
  'PATCH /api/v1/me/notification-preferences': 'any',
  'POST /api/v1/me/calendar-token': 'any',
  'DELETE /api/v1/me/calendar-token': 'any',
  'GET /api/v1/webhooks': ['admin', 'office'],
  'POST /api/v1/webhooks': ['admin', 'office'],
  'DELETE /api/v1/webhooks/{id}': ['admin', 'office'],
  'POST /api/v1/admin/reminders/sweep': ['admin'],
  'GET /api/v1/audit': ['inspector', 'admin'],
  'GET /api/v1/audit/verify': ['inspector', 'admin'],
  'GET /api/v1/summaries/overview': ['office', 'inspector'],
  'GET /api/v1/summaries/organizations': ['office', 'inspector'],
  'GET /api/v1/summaries/targets': ['office', 'inspector'],
  'GET /api/v1/exports/summary.{format}': ['office', 'inspector'],
};

const USERS: Record<Caller, string> = {
  admin: 'admin',
  office: 'vanphong.hg',
  inspector: 'ubkt.hg',
  agency: 'tuyengiao.hg',
};

// Path parameters that name nothing: allowed callers get 404/400, never another body's data.
function concrete(path: string): string {
  return path
    .replace('{action}', 'acknowledge')
    .replace('{format}', 'csv')
    .replace(/\{[A-Za-z]+\}/g, () => randomUUID());
}

describe('access matrix: every route × every kind of caller', () => {
  let t: TestApp;
  let routes: string[];
  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [caller, username] of Object.entries(USERS)) {
      tokens[caller as Caller] = await login(t, username);
    }
    const doc = (await (await fetch(`${t.baseUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('has a row for every route of the OpenAPI document, and no row for a route that is gone', () => {
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const call = (route: string, token?: string) => {
    const [method, path] = route.split(' ');
    const hasBody = method === 'POST' || method === 'PATCH';
    return fetch(`${t.baseUrl}${concrete(path)}`, {
      method,
      headers: {
        ...(token ? bearer(token) : {}),
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      body: hasBody ? '{}' : undefined,
    });
  };

  it('answers each caller as the matrix says: 401 without a login, 403 for a role that may not, no 5xx', async () => {
    const wrong: string[] = [];
    for (const route of Object.keys(MATRIX)) {
      if (!routes.includes(route)) continue;
      const access = MATRIX[route];
      const anonymous = (await call(route)).status;
      const anonymousOk =
        access === 'public'
          ? anonymous !== 401 && anonymous < 500
          : access === 'token'
            ? anonymous === 401 || anonymous === 404
            : anonymous === 401;
      if (!anonymousOk) wrong.push(`${route} anonymous → ${anonymous}`);
      if (access === 'public' || access === 'token') continue;
      for (const caller of Object.keys(USERS) as Caller[]) {
        const status = (await call(route, tokens[caller])).status;
        const allowed = access === 'any' || access.includes(caller);
        const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
        if (!ok)
          wrong.push(
            `${route} as ${caller} → ${status} (${allowed ? 'allowed' : 'refused'} expected)`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});
