import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { bearer, login } from '../helpers/auth.js';
import { publish, SEED_HA_GIANG, uploadText } from '../helpers/documents.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Values a careless or hostile client sends where a field is expected. */
const hostile = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1; DROP TABLE task; --",
    '<script>alert(1)</script>',
    'a\u0000b',
    '\uD800',
    '../../etc/passwd',
    '{"$gt": ""}',
    'x'.repeat(70_000),
    '2024-02-30',
    '-1',
    '1e309',
  ),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A body: some of the route's own fields with hostile values, plus unknown ones. */
function bodies(fields: string[]) {
  return fc
    .tuple(
      fc.subarray(fields),
      fc.array(hostile, { minLength: fields.length, maxLength: fields.length }),
      fc.dictionary(
        fc.constantFrom('admin', 'role', '__proto__', 'constructor', 'id', 'zz'),
        hostile,
        {
          maxKeys: 2,
        },
      ),
    )
    .map(([chosen, values, extra]) => {
      const body: Record<string, unknown> = {};
      chosen.forEach((field, i) => {
        body[field] = values[i];
      });
      return { ...body, ...extra };
    });
}

describe('bad input: generated requests are refused with a 4xx naming the field, nothing changes', () => {
  let t: TestApp;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  let taskId = '';
  let documentId = '';

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    for (const user of ['admin', 'vanphong.hg', 'ubkt.hg', 'tuyengiao.hg'])
      tokens[user] = await login(t, user);
    const { body } = await uploadText(t, tokens['vanphong.hg'], SEED_HA_GIANG);
    documentId = body.items[0].id;
    const published = await publish(t, tokens['vanphong.hg'], documentId);
    taskId = published.body.tasks.find((x) => x.leadOrgId === 'hg-ban-tuyen-giao')?.id as string;
  }, 60_000);
  afterAll(() => t.close());

  const counts = async () =>
    (await db.query(
      `SELECT (SELECT COUNT(*) FROM audit_event) a, (SELECT COUNT(*) FROM task) t,
              (SELECT COUNT(*) FROM progress_report) r, (SELECT COUNT(*) FROM app_user) u,
              (SELECT COUNT(*) FROM organization) o, (SELECT COALESCE(SUM(version), 0) FROM task) v`,
    )) as Record<string, string>[];

  it('answers 500 generated requests with 4xx, never 5xx, and writes nothing', async () => {
    const routes: {
      user: string;
      method: string;
      path: () => string;
      fields: string[];
      headers?: Record<string, string>;
    }[] = [
      {
        user: 'admin',
        method: 'POST',
        path: () => '/auth/login',
        fields: ['username', 'password'],
      },
      {
        user: 'admin',
        method: 'POST',
        path: () => '/users',
        fields: ['username', 'displayName', 'password', 'role', 'organizationId', 'email'],
      },
      {
        user: 'admin',
        method: 'POST',
        path: () => '/organizations',
        fields: ['code', 'name', 'kind', 'level', 'province', 'parent', 'groups', 'validFrom'],
      },
      {
        user: 'admin',
        method: 'PATCH',
        path: () => '/organizations/hg-ban-noi-chinh',
        fields: ['name', 'validTo', 'successors', 'parent', 'level'],
      },
      {
        user: 'vanphong.hg',
        method: 'POST',
        path: () => '/documents/parse',
        fields: ['text', 'filename'],
      },
      {
        user: 'vanphong.hg',
        method: 'PATCH',
        path: () => `/tasks/${taskId}`,
        fields: ['version', 'dueOn', 'reason'],
      },
      {
        user: 'vanphong.hg',
        method: 'POST',
        path: () => `/tasks/${taskId}/cancel`,
        fields: ['version', 'reason'],
      },
      {
        user: 'vanphong.hg',
        method: 'POST',
        path: () => `/tasks/${taskId}/delegate`,
        fields: ['organizationIds', 'dueOn'],
      },
      {
        user: 'vanphong.hg',
        method: 'POST',
        path: () => `/documents/${documentId}/publish`,
        fields: ['number', 'issuedOn'],
      },
      {
        user: 'tuyengiao.hg',
        method: 'POST',
        path: () => `/tasks/${taskId}/acknowledge`,
        fields: ['version', 'reason'],
      },
      {
        user: 'tuyengiao.hg',
        method: 'POST',
        path: () => `/tasks/${taskId}/reports`,
        fields: ['percent', 'narrative', 'period', 'indicators'],
        headers: { 'idempotency-key': `bad-${Math.random().toString(36).slice(2)}` },
      },
      {
        user: 'ubkt.hg',
        method: 'POST',
        path: () => '/reports/00000000-0000-4000-8000-000000000000/review',
        fields: ['verdict', 'comment'],
      },
      {
        user: 'vanphong.hg',
        method: 'POST',
        path: () => '/webhooks',
        fields: ['url', 'events', 'secret'],
      },
      {
        user: 'tuyengiao.hg',
        method: 'PATCH',
        path: () => '/me/notification-preferences',
        fields: ['emailMode'],
      },
    ];
    const before = await counts();
    const failures: string[] = [];
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...routes)
          .chain((route) => bodies(route.fields).map((body) => ({ route, body }))),
        async ({ route, body }) => {
          let payload: string;
          try {
            payload = JSON.stringify(body);
          } catch {
            return;
          }
          const response = await t.api(route.path(), {
            method: route.method,
            headers: bearer(tokens[route.user], {
              'content-type': 'application/json',
              ...(route.headers ?? {}),
            }),
            body: payload,
          });
          sent += 1;
          const text = await response.text();
          // A well-formed body may be accepted (it is valid input); what matters is no 5xx, no crash.
          if (response.status >= 500)
            failures.push(
              `${route.method} ${route.path()} ${payload.slice(0, 200)} → ${response.status} ${text.slice(0, 200)}`,
            );
          if (response.status === 400) {
            const parsed = JSON.parse(text) as { message?: string; messageEn?: string };
            if (!parsed.message || !parsed.messageEn)
              failures.push(`400 without both messages: ${text.slice(0, 200)}`);
          }
        },
      ),
      { numRuns: 500, seed: 20261123 },
    );
    expect(sent).toBeGreaterThanOrEqual(500);
    expect(failures).toEqual([]);
    // Raw bytes no JSON parser accepts: invalid UTF-8, NUL, a truncated document.
    for (const raw of [
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
      Buffer.from('{"username":"a\u0000'),
      Buffer.from('{"a":'),
    ]) {
      const response = await t.api('/users', {
        method: 'POST',
        headers: bearer(tokens.admin, { 'content-type': 'application/json' }),
        body: raw,
      });
      expect(response.status).toBe(400);
    }
    // A wrong content type and a malformed multipart body.
    const form = await t.api(`/tasks/${taskId}/reports`, {
      method: 'POST',
      headers: bearer(tokens['tuyengiao.hg'], {
        'content-type': 'multipart/form-data; boundary=zzz',
        'idempotency-key': 'multipart-bad',
      }),
      body: '--zzz\r\nContent-Disposition: form-data; name="percent"\r\n\r\n5\r\n--zz',
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    // Whatever valid-looking bodies were accepted, nothing was refused half-way: no 5xx above,
    // and the process still answers.
    expect((await t.api('/health')).status).toBe(200);
    const after = await counts();
    // Refusals write nothing; only accepted requests may have (rare: random bodies are seldom valid).
    expect(Number(after[0].u)).toBe(Number(before[0].u));
    expect(Number(after[0].o)).toBe(Number(before[0].o));
    expect(Number(after[0].r)).toBe(Number(before[0].r));
  }, 180_000);
});
