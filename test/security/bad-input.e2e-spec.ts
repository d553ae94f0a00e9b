import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { exeBytes, pdfBytes } from '../factories/evidence.factory.js';
import { authed, bearer, login, uniqueName } from '../helpers/auth.js';
import { changedTables, exclusive, tableChecksums } from '../helpers/db-state.js';
import { publish, SEED_HA_GIANG, uploadText, type PublishedTask } from '../helpers/documents.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const SEED = 20261123;
const OWNER_ORG = 'hg-ban-tuyen-giao';

/** Hostile but legal text: stored as typed, never run. Valid where free text is valid. */
const SQL = [
  "' OR 1=1 --",
  "'; DROP TABLE task; --",
  '" OR ""="',
  '1; SELECT SLEEP(5)',
  "x' UNION SELECT password_hash FROM app_user --",
];
const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{7*7}} ${7*7}',
];
const HOSTILE = [...SQL, ...HTML, '../../etc/passwd', 'Ban Tuyên giáo 😀', '%00%ff'];

/** Values no string field accepts. */
const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'b', '$gt'), fc.string({ maxLength: 4 }), { minKeys: 1 }),
);
const tooLong = (max: number) =>
  fc.constantFrom(max + 1, max + 17, Math.max(max * 3, 70_000)).map((n) => 'x'.repeat(n));
const badDates = fc.constantFrom(
  '2024-02-30',
  '9999-12-31',
  '1899-12-31',
  '0001-01-01',
  '2024-1-1',
  '20240101',
  '2024-01-01T00:00:00Z',
  'hôm qua',
  ...SQL,
);

interface FieldSpec {
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
  required?: boolean;
  /** a string: the NUL, surrogate and UTF-8 faults can be put inside it */
  text?: boolean;
}

/**
 * Free text of min..max characters. `trimmed`: the DTO trims it first (report narrative,
 * review comment), so blanks are too short; elsewhere "   " is three characters.
 */
const text = (
  min: number,
  max: number,
  required = true,
  samples: string[] = [],
  trimmed = false,
): FieldSpec => ({
  valid: fc
    .constantFrom('Nguyễn Văn A', 'Báo cáo quý III', ...HOSTILE, ...samples)
    .filter((s) => s.trim().length >= min && s.length <= max),
  invalid: fc.oneof(
    notAString,
    tooLong(max),
    ...(min > 0 ? [fc.constantFrom('', ...(trimmed ? ['   '] : []))] : []),
    ...(required ? [fc.constant(null)] : []),
  ),
  required,
  text: true,
});
const oneOf = (values: readonly string[], required = true): FieldSpec => ({
  valid: fc.constantFrom(...values),
  invalid: fc.oneof(
    fc.constantFrom('x', values[0].toUpperCase() + ' ', ...SQL, ...HTML),
    notAString,
    ...(required ? [fc.constant(null)] : []),
  ),
  required,
  text: true,
});
const pattern = (valid: string[], required = true): FieldSpec => ({
  valid: fc.constantFrom(...valid),
  invalid: fc.oneof(
    fc.constantFrom('Có Dấu', 'UPPER CASE', 'a b', '', ...SQL, ...HTML),
    // Upper case and a space: too long, and off every pattern (some have no length limit).
    tooLong(128).map((x) => `${x.toUpperCase()} `),
    notAString,
    ...(required ? [fc.constant(null)] : []),
  ),
  required,
  text: true,
});
const date = (required = true): FieldSpec => ({
  valid: fc.constantFrom('2024-02-29', '2026-06-30', '1990-01-01'),
  invalid: fc.oneof(badDates, notAString, ...(required ? [fc.constant(null)] : [])),
  required,
  text: true,
});
const list = (item: string[], required = true, itemInvalid = pattern(item).invalid): FieldSpec => ({
  valid: fc.subarray(item, { minLength: 1 }),
  invalid: fc.oneof(
    fc.constantFrom('hg-ban-tuyen-giao', 42, { a: 1 }, true),
    itemInvalid.map((v) => [item[0], v]),
    ...(required ? [fc.constant(null), fc.constant([])] : []),
  ),
  required,
});
/** A positive integer that class-transformer reads from a number or a numeric string. */
const version = (current: () => number): FieldSpec => ({
  valid: fc.constant(null).map(() => current()),
  invalid: fc.constantFrom(0, -1, 1.5, 'abc', '1e999', {}, [], null),
  required: true,
});

interface RouteSpec {
  name: string;
  user: string | null;
  method: 'POST' | 'PATCH';
  path: () => string;
  fields: Record<string, FieldSpec>;
  headers?: () => Record<string, string>;
}

type Mutation =
  | { kind: 'wrong'; field: string; value: unknown }
  | { kind: 'missing'; field: string }
  | { kind: 'extra'; field: string; value: unknown }
  | { kind: 'nul' | 'surrogate' | 'utf8' | 'deep'; field: string }
  | { kind: 'proto' }
  | { kind: 'oversize' };

interface BadRequest {
  route: RouteSpec;
  body: Buffer;
  /** the fields at fault: the answer must name at least one */
  faults: string[];
  status: 400 | 413;
  kinds: Mutation['kind'][];
  summary: string;
}

const UTF8_MARK = '\u2063bad-utf8\u2063';
const DEEP_MARK = '\u2063deep\u2063';
const EXTRA_NAMES = [
  'admin',
  'isAdmin',
  'id',
  'zz',
  '$where',
  'password_hash',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
];

function mutations(route: RouteSpec): fc.Arbitrary<Mutation> {
  const names = Object.keys(route.fields);
  const required = names.filter((n) => route.fields[n].required);
  const texts = names.filter((n) => route.fields[n].text);
  const options: { arbitrary: fc.Arbitrary<Mutation>; weight: number }[] = [
    {
      weight: 40,
      arbitrary: fc
        .constantFrom(...names)
        .chain((field) =>
          route.fields[field].invalid.map((value): Mutation => ({ kind: 'wrong', field, value })),
        ),
    },
    {
      weight: 14,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...EXTRA_NAMES.filter((n) => !names.includes(n))),
          fc.oneof(fc.constantFrom(...HOSTILE), notAString, fc.constant(null)),
        )
        .map(([field, value]): Mutation => ({ kind: 'extra', field, value })),
    },
    { weight: 6, arbitrary: fc.constant<Mutation>({ kind: 'proto' }) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(...names).map((field): Mutation => ({ kind: 'deep', field })),
    },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'oversize' }) },
  ];
  if (required.length) {
    options.push({
      weight: 14,
      arbitrary: fc
        .constantFrom(...required)
        .map((field): Mutation => ({ kind: 'missing', field })),
    });
  }
  if (texts.length) {
    options.push({
      weight: 14,
      arbitrary: fc
        .tuple(
          fc.constantFrom<'nul' | 'surrogate' | 'utf8'>('nul', 'surrogate', 'utf8'),
          fc.constantFrom(...texts),
        )
        .map(([kind, field]): Mutation => ({ kind, field })),
    });
  }
  return fc.oneof(...options);
}

/** A valid body of the route, then one to three faults: the request can only be refused. */
function badRequests(route: RouteSpec): fc.Arbitrary<BadRequest> {
  const names = Object.keys(route.fields);
  const base = fc.record(
    Object.fromEntries(names.map((n) => [n, route.fields[n].valid])) as Record<
      string,
      fc.Arbitrary<unknown>
    >,
    { requiredKeys: names.filter((n) => route.fields[n].required) },
  );
  return fc
    .tuple(base, fc.array(mutations(route), { minLength: 1, maxLength: 3 }))
    .map(([valid, changes]) => {
      const body: Record<string, unknown> = { ...valid };
      const faults = new Set<string>();
      let status: 400 | 413 = 400;
      let deep = 0;
      for (const m of changes) {
        switch (m.kind) {
          case 'wrong':
          case 'extra':
            body[m.field] = m.value;
            faults.add(m.field);
            break;
          case 'missing':
            delete body[m.field];
            faults.add(m.field);
            break;
          case 'nul':
          case 'surrogate':
          case 'utf8': {
            const current = typeof body[m.field] === 'string' ? (body[m.field] as string) : 'ab';
            const at = Math.floor(current.length / 2);
            const inserted = { nul: '\u0000', surrogate: '\uD800', utf8: UTF8_MARK }[m.kind];
            body[m.field] = current.slice(0, at) + inserted + current.slice(at);
            faults.add(m.field);
            break;
          }
          case 'deep':
            body[m.field] = DEEP_MARK;
            deep = 40 + ((m.field.length * 997) % 5000);
            faults.add(m.field);
            break;
          case 'proto':
            Object.defineProperty(body, '__proto__', {
              value: { admin: true, role: 'admin' },
              enumerable: true,
              configurable: true,
              writable: true,
            });
            faults.add('__proto__');
            break;
          case 'oversize':
            body.padding = 'x'.repeat(1_100_000);
            faults.clear();
            status = 413;
            break;
        }
        if (status === 413) {
          faults.add('body');
          break;
        }
      }
      let json = JSON.stringify(body);
      if (deep)
        json = json.split(JSON.stringify(DEEP_MARK)).join('['.repeat(deep) + ']'.repeat(deep));
      const parts = json.split(UTF8_MARK).map((p) => Buffer.from(p, 'utf8'));
      const bytes = Buffer.concat(
        parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from([0xff, 0xc3, 0x28]), p])),
      );
      const summary = `${route.name} ${changes.map((c) => `${c.kind}${'field' in c ? `:${c.field}` : ''}`).join('+')} ${json.slice(0, 160)}`;
      return {
        route,
        body: bytes,
        faults: [...faults],
        status,
        kinds: changes.map((c) => c.kind),
        summary,
      };
    });
}

/** A query parameter: values that pass, and strings that cannot. */
interface ParamSpec {
  valid: string[];
  invalid: fc.Arbitrary<string>;
  required?: boolean;
}

interface QuerySpec {
  name: string;
  user: string;
  path: () => string;
  params: Record<string, ParamSpec>;
}

const strings = (...values: string[]) => fc.constantFrom(...values);
const Q = {
  page: { valid: ['1', '2'], invalid: strings('abc', '0', '-1', '1.5', '1e999', '') },
  pageSize: { valid: ['50', '200'], invalid: strings('201', '0', 'nhiều', '-5', '1e9') },
  date: {
    valid: ['2025-06-30'],
    invalid: fc.constantFrom('2024-02-30', '9999-12-31', '1899-12-31', '2024-1-1', ...SQL),
  },
  code: { valid: [OWNER_ORG], invalid: strings('UPPER CASE', 'Có Dấu', ...SQL, ...HTML) },
  uuid: {
    valid: ['6f1e4c1a-2b3c-4d5e-8f90-0123456789ab'],
    invalid: strings('not-a-uuid', ...SQL, ...HTML),
  },
  enum: (values: string[]): ParamSpec => ({
    valid: values,
    invalid: strings('x', 'TRUE', ...SQL, ...HTML),
  }),
  text: (max: number, required = false): ParamSpec => ({
    valid: ['Tuyên giáo', ...SQL, ...HTML],
    invalid: strings('x'.repeat(max + 1), ...(required ? [''] : [])),
    required,
  }),
} satisfies Record<string, ParamSpec | ((...a: never[]) => ParamSpec)>;

type QueryMutation =
  | { kind: 'wrong'; param: string; value: string }
  | { kind: 'extra'; param: string; value: string }
  | { kind: 'repeated'; param: string }
  | { kind: 'missing'; param: string };

/** A query the route accepts, then one or two faults. */
function badQueries(
  spec: QuerySpec,
): fc.Arbitrary<{ spec: QuerySpec; query: string; faults: string[]; summary: string }> {
  const names = Object.keys(spec.params);
  const required = names.filter((n) => spec.params[n].required);
  const mutation: fc.Arbitrary<QueryMutation> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(...names).chain((param) =>
        spec.params[param].invalid.map((value): QueryMutation => ({
          kind: 'wrong',
          param,
          value,
        })),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('zz', 'admin', 'sort', 'where', 'limit'),
          fc.constantFrom(...HOSTILE),
        )
        .map(([param, value]): QueryMutation => ({ kind: 'extra', param, value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...names)
        .map((param): QueryMutation => ({ kind: 'repeated', param })),
    },
    ...(required.length
      ? [
          {
            weight: 2,
            arbitrary: fc
              .constantFrom(...required)
              .map((param): QueryMutation => ({ kind: 'missing', param })),
          },
        ]
      : []),
  );
  const base = fc.record(
    Object.fromEntries(names.map((n) => [n, fc.constantFrom(...spec.params[n].valid)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
    { requiredKeys: required },
  );
  return fc
    .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 2 }))
    .map(([valid, changes]) => {
      const params = new Map<string, string[]>(Object.entries(valid).map(([k, v]) => [k, [v]]));
      const faults = new Set<string>();
      for (const m of changes) {
        if (m.kind === 'missing') params.delete(m.param);
        else if (m.kind === 'repeated')
          params.set(m.param, [spec.params[m.param].valid[0], spec.params[m.param].valid[0]]);
        else params.set(m.param, [m.value]);
        faults.add(m.param);
      }
      const search = new URLSearchParams();
      for (const [k, values] of params) for (const v of values) search.append(k, v);
      const query = search.toString();
      const summary = `${spec.name} ${changes.map((c) => `${c.kind}:${c.param}`).join('+')} ?${query.slice(0, 120)}`;
      return { spec, query, faults: [...faults], summary };
    });
}

interface ErrorBody {
  statusCode: number;
  message?: string;
  messageEn?: string;
  fields?: { field: string; message: string; messageEn: string }[];
}

/** The answer names one of the fields at fault (itself or a part of it: indicators.0.value). */
function namesAFault(body: ErrorBody, faults: string[]): boolean {
  const named = (body.fields ?? []).map((f) => f.field);
  return faults.some(
    (fault) =>
      named.some((n) => n === fault || n.startsWith(`${fault}.`)) ||
      (!body.fields && (body.message ?? '').includes(`"${fault}"`)),
  );
}

describe('bad input: generated requests are refused with a 4xx naming the field; no row changes; the process stays up', () => {
  let t: TestApp;
  let db: DataSource;
  let release: () => Promise<void>;
  const tokens: Record<string, string> = {};
  let taskId = '';
  let taskVersion = 0;
  let documentId = '';
  let draftId = '';
  let clauseId = '';
  let reportId = '';
  let userId = '';
  let targetIds: string[] = [];
  let seedText = '';
  let sent = 0;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    release = await exclusive(db, 'dondoc-security-suites');
    for (const user of ['admin', 'vanphong.hg', 'ubkt.hg', 'tuyengiao.hg'])
      tokens[user] = await login(t, user);
    seedText = readFileSync(SEED_HA_GIANG, 'utf8');
    const office = tokens['vanphong.hg'];
    const { body } = await uploadText(t, office, SEED_HA_GIANG);
    documentId = body.items[0].id;
    const published = await publish(t, office, documentId);
    const task = published.body.tasks.find(
      (x: PublishedTask) => x.leadOrgId === OWNER_ORG && x.cadence !== 'none',
    )!;
    taskId = task.id;
    const draft = await uploadText(t, office, SEED_HA_GIANG);
    draftId = draft.body.items[0].id;
    clauseId = draft.body.items[0].clauses[0].id;
    targetIds = (
      (await db.query('SELECT id FROM document_target WHERE document_id = ? ORDER BY position', [
        documentId,
      ])) as { id: string }[]
    ).map((r) => r.id);
    const report = await t.api(`/tasks/${taskId}/reports`, {
      method: 'POST',
      headers: bearer(tokens['tuyengiao.hg'], {
        'content-type': 'application/json',
        'idempotency-key': uniqueName('bad-input-setup-'),
      }),
      body: JSON.stringify({ percent: 10, narrative: 'Đã triển khai.', period: '2022-H1' }),
    });
    expect(report.status).toBe(201);
    reportId = ((await report.json()) as { id: string }).id;
    taskVersion = (
      (await (await t.api(`/tasks/${taskId}`, authed(office, 'GET'))).json()) as {
        version: number;
      }
    ).version;
    const user = await t.api(
      '/users',
      authed(tokens.admin, 'POST', {
        username: uniqueName('badinput.').toLowerCase(),
        displayName: 'Người dùng thử',
        password: 'mat-khau-thu-12345',
        role: 'agency',
        organizationId: 'hg-ban-noi-chinh',
      }),
    );
    expect(user.status).toBe(201);
    userId = ((await user.json()) as { id: string }).id;
  }, 90_000);

  afterAll(async () => {
    await release?.();
    await t?.close();
  });

  const ORG_FIELDS = (withCode: boolean): Record<string, FieldSpec> => ({
    ...(withCode
      ? { code: pattern(['hg-thu-bad-input', 'hg-so-thu-nghiem']) }
      : ({} as Record<string, FieldSpec>)),
    name: text(2, 255, withCode, ['Sở Thử Nghiệm tỉnh Hà Giang']),
    shortName: text(1, 255, false),
    aliases: list(['Sở TN', 'STN'], false, notAString),
    kind: oneOf(['department', 'front'], withCode),
    level: oneOf(['tinh', 'huyen'], withCode),
    province: text(2, 64, withCode, ['Hà Giang']),
    district: text(0, 64, false),
    parent: pattern(['hg-tinh-uy'], false),
    groups: list(['so-ban-nganh'], false),
    validFrom: date(false),
    validTo: date(false),
    successors: list(['hg-ban-tuyen-giao'], false),
  });

  const routes = (): RouteSpec[] => [
    {
      name: 'login',
      user: null,
      method: 'POST',
      path: () => '/auth/login',
      fields: { username: text(1, 64), password: text(1, 200) },
    },
    {
      name: 'create user',
      user: 'admin',
      method: 'POST',
      path: () => '/users',
      fields: {
        username: pattern(['nguoi.thu.moi', 'thu-nghiem_01']),
        displayName: text(2, 255),
        password: text(8, 200, true, ['mat-khau-du-dai']),
        role: oneOf(['agency', 'office', 'inspector', 'admin']),
        organizationId: text(1, 100, true, [OWNER_ORG]),
        email: {
          valid: fc.constantFrom('a@b.vn', 'can.bo@hagiang.gov.vn'),
          invalid: fc.oneof(
            fc.constantFrom('not-an-email', '<script>@x', 'a@', ...SQL),
            notAString,
          ),
          text: true,
        },
      },
    },
    {
      name: 'update user',
      user: 'admin',
      method: 'PATCH',
      path: () => `/users/${userId}`,
      fields: {
        displayName: text(2, 255, false),
        password: text(8, 200, false, ['mat-khau-du-dai']),
        role: oneOf(['agency', 'office'], false),
        organizationId: text(1, 100, false, [OWNER_ORG]),
        active: { valid: fc.boolean(), invalid: fc.constantFrom('true', 1, 'yes', [], {}) },
      },
    },
    {
      name: 'create organization',
      user: 'admin',
      method: 'POST',
      path: () => '/organizations',
      fields: ORG_FIELDS(true),
    },
    {
      name: 'update organization',
      user: 'admin',
      method: 'PATCH',
      path: () => '/organizations/hg-ban-noi-chinh',
      fields: ORG_FIELDS(false),
    },
    {
      name: 'parse text',
      user: 'vanphong.hg',
      method: 'POST',
      path: () => '/documents/parse',
      fields: {
        text: { ...text(0, 10_000_000), invalid: fc.oneof(notAString, fc.constant(null)) },
        filename: text(0, 255, false, ['nghi-quyet.txt']),
      },
    },
    {
      name: 'upload text',
      user: 'vanphong.hg',
      method: 'POST',
      path: () => '/documents',
      fields: {
        text: {
          valid: fc.constant(null).map(() => `${seedText}\n<!-- ${uniqueName('bad')} -->`),
          invalid: fc.oneof(notAString, fc.constant(null)),
          required: true,
          text: true,
        },
        filename: text(0, 255, false, ['nghi-quyet.txt']),
      },
    },
    {
      name: 'correct clause',
      user: 'vanphong.hg',
      method: 'PATCH',
      path: () => `/documents/${draftId}/clauses/${clauseId}`,
      fields: {
        leads: list([OWNER_ORG, 'group:huyen-uy'], false),
        coordinators: list(['hg-ban-to-chuc'], false),
        reportTo: list(['hg-tinh-uy'], false),
        cadence: oneOf(['annual', 'quarterly', 'none'], false),
        milestones: list(['midterm_review', 'final_review'], false, oneOf(['x']).invalid),
        dueOn: date(false),
      },
    },
    {
      name: 'publish',
      user: 'vanphong.hg',
      method: 'POST',
      path: () => `/documents/${draftId}/publish`,
      fields: { number: pattern(['15-NQ/TU', '01/KH'], false), issuedOn: date(false) },
    },
    {
      name: 'extend task',
      user: 'vanphong.hg',
      method: 'PATCH',
      path: () => `/tasks/${taskId}`,
      fields: {
        version: version(() => taskVersion),
        dueOn: date(),
        reason: text(0, 2000, true, ['Gia hạn theo đề nghị']),
      },
    },
    {
      name: 'cancel task',
      user: 'vanphong.hg',
      method: 'POST',
      path: () => `/tasks/${taskId}/cancel`,
      fields: {
        version: version(() => taskVersion),
        reason: text(0, 2000, false, ['Không còn phù hợp']),
      },
    },
    {
      name: 'delegate task',
      user: 'vanphong.hg',
      method: 'POST',
      path: () => `/tasks/${taskId}/delegate`,
      fields: {
        organizationIds: list(['hg-huyen-uy-meo-vac', 'hg-huyen-uy-bac-me']),
        dueOn: date(false),
      },
    },
    {
      name: 'acknowledge task',
      user: 'tuyengiao.hg',
      method: 'POST',
      path: () => `/tasks/${taskId}/acknowledge`,
      fields: { version: version(() => taskVersion), reason: text(0, 2000, false) },
    },
    {
      name: 'report (JSON)',
      user: 'tuyengiao.hg',
      method: 'POST',
      path: () => `/tasks/${taskId}/reports`,
      headers: () => ({ 'idempotency-key': uniqueName('bad-') }),
      fields: {
        percent: {
          valid: fc.integer({ min: 0, max: 100 }),
          invalid: fc.constantFrom(-1, 101, 1.5, '50', true, null, [], {}, 1e308),
          required: true,
        },
        narrative: text(1, 20_000, true, [], true),
        period: text(1, 40, false, ['2022-H1'], true),
        indicators: {
          valid: fc.constant(null).map(() => [{ targetId: targetIds[0], value: 12.5 }]),
          invalid: fc.constantFrom(
            'abc',
            42,
            { targetId: 'x', value: 1 },
            [{ targetId: 5, value: 1 }],
            [{ value: 'nhiều' }],
            [{ targetId: 'x'.repeat(37), value: 1 }],
            [[1, 2]],
            Array.from({ length: 201 }, (_, i) => ({ targetId: `t${i}`, value: i })),
          ),
        },
      },
    },
    {
      name: 'review report',
      user: 'ubkt.hg',
      method: 'POST',
      path: () => `/reports/${reportId}/review`,
      fields: {
        verdict: oneOf(['accepted', 'rework', 'rejected']),
        comment: text(1, 5000, true, ['Cần bổ sung số liệu.'], true),
      },
    },
    {
      name: 'create webhook',
      user: 'vanphong.hg',
      method: 'POST',
      path: () => '/webhooks',
      fields: {
        url: {
          valid: fc.constantFrom('http://127.0.0.1:9/hook', 'https://hooks.example.vn/dondoc'),
          invalid: fc.oneof(
            fc.constantFrom('not a url', 'javascript:alert(1)', 'ftp://x.vn/a', ...SQL, ...HTML),
            tooLong(500).map((x) => `https://a.vn/${x}`),
            notAString,
            fc.constant(null),
          ),
          required: true,
          text: true,
        },
      },
    },
    {
      name: 'preferences',
      user: 'tuyengiao.hg',
      method: 'PATCH',
      path: () => '/me/notification-preferences',
      fields: { emailMode: oneOf(['immediate', 'digest']) },
    },
    {
      name: 'sweep',
      user: 'admin',
      method: 'POST',
      path: () => '/admin/reminders/sweep',
      fields: {
        now: {
          valid: fc.constantFrom('2025-10-14T01:00:00Z'),
          invalid: fc.oneof(badDates, notAString),
          text: true,
        },
      },
    },
  ];

  const send = async (r: BadRequest) => {
    const response = await t.api(r.route.path(), {
      method: r.route.method,
      headers: {
        ...(r.route.user ? bearer(tokens[r.route.user]) : {}),
        'content-type': 'application/json',
        ...(r.route.headers?.() ?? {}),
      },
      body: r.body,
    });
    sent += 1;
    return { status: response.status, text: await response.text() };
  };

  /** What is wrong with an answer; null when it is a proper refusal naming a field at fault. */
  const judge = (
    answer: { status: number; text: string },
    faults: string[],
    status: (s: number) => boolean,
  ): string | null => {
    if (!status(answer.status)) return `answered ${answer.status}`;
    let body: ErrorBody;
    try {
      body = JSON.parse(answer.text) as ErrorBody;
    } catch {
      return `not the error shape: ${answer.text.slice(0, 120)}`;
    }
    if (!body.message || !body.messageEn) return 'no message in both languages';
    if (!namesAFault(body, faults)) {
      return `names ${JSON.stringify(body.fields?.map((f) => f.field) ?? body.message)}, not one of ${faults.join(', ')}`;
    }
    return null;
  };

  it('refuses 520 generated JSON bodies (wrong types, missing and extra fields, huge strings, NUL, lone surrogates, bytes that are not UTF-8, reserved keys such as __proto__ and toString, deep nesting, SQL and HTML) with a 4xx naming the field, each changing no row', async () => {
    const specs = routes();
    const requests = fc.sample(
      fc.constantFrom(...specs).chain((route) => badRequests(route)),
      { numRuns: 520, seed: SEED },
    );
    // Every route and every kind of fault is exercised.
    expect(new Set(requests.map((r) => r.route.name)).size).toBe(specs.length);
    const kinds = new Set(requests.flatMap((r) => r.kinds));
    expect([...kinds].sort()).toEqual(
      ['deep', 'extra', 'missing', 'nul', 'oversize', 'proto', 'surrogate', 'utf8', 'wrong'].sort(),
    );
    const failures: string[] = [];
    let before = await tableChecksums(db);
    for (const request of requests) {
      const answer = await send(request);
      const problem = judge(answer, request.faults, (s) =>
        request.status === 413 ? s === 413 : s >= 400 && s < 500,
      );
      if (problem) failures.push(`${request.summary} → ${problem}`);
      const after = await tableChecksums(db);
      const changed = changedTables(before, after);
      if (changed.length) failures.push(`${request.summary} → changed ${changed.join(', ')}`);
      before = after;
    }
    expect(failures).toEqual([]);
    expect((await t.api('/health')).status).toBe(200);
  }, 180_000);

  const queries = (): QuerySpec[] => [
    {
      name: 'tasks',
      user: 'tuyengiao.hg',
      path: () => '/tasks',
      params: {
        status: Q.enum(['assigned', 'in_progress']),
        organizationId: Q.code,
        documentId: Q.uuid,
        overdue: Q.enum(['true', 'false']),
        dueBefore: Q.date,
        page: Q.page,
        pageSize: Q.pageSize,
      },
    },
    {
      name: 'obligations',
      user: 'tuyengiao.hg',
      path: () => '/obligations',
      params: {
        organizationId: Q.code,
        state: Q.enum(['open', 'met', 'overdue']),
        dueBefore: Q.date,
        page: Q.page,
      },
    },
    {
      name: 'organizations',
      user: 'tuyengiao.hg',
      path: () => '/organizations',
      params: {
        q: Q.text(200),
        group: { valid: ['huyen-uy'], invalid: strings('Huyện ủy', ...SQL, 'x'.repeat(61)) },
        level: Q.enum(['tinh', 'huyen', 'xa']),
        province: Q.text(64),
        asOf: Q.date,
        pageSize: Q.pageSize,
      },
    },
    {
      name: 'resolve',
      user: 'tuyengiao.hg',
      path: () => '/organizations/resolve',
      params: {
        mention: Q.text(500, true),
        asOf: Q.date,
        province: Q.text(64),
        district: Q.text(64),
      },
    },
    {
      name: 'overview',
      user: 'ubkt.hg',
      path: () => '/summaries/overview',
      params: {
        asOf: Q.date,
        documentId: Q.uuid,
        period: {
          valid: ['2025', '2025-H1', '2025-Q3', '2025-M07'],
          invalid: strings('2025-H3', '2025-Q5', '2025-M13', '25', ...SQL),
        },
        organizationId: Q.code,
      },
    },
    {
      name: 'export',
      user: 'vanphong.hg',
      path: () => '/exports/summary.csv',
      params: { asOf: Q.date, documentId: Q.uuid },
    },
    {
      name: 'audit',
      user: 'admin',
      path: () => '/audit',
      params: {
        entityType: {
          valid: ['task', 'progress_report'],
          invalid: strings('Task', '1task', ...SQL, ...HTML),
        },
        entityId: Q.text(100),
        page: Q.page,
      },
    },
    {
      name: 'documents',
      user: 'vanphong.hg',
      path: () => '/documents',
      params: { status: Q.enum(['draft', 'published']), page: Q.page, pageSize: Q.pageSize },
    },
    {
      name: 'reports',
      user: 'ubkt.hg',
      path: () => '/reports',
      params: { status: Q.enum(['submitted', 'accepted']), page: Q.page },
    },
    {
      name: 'notifications',
      user: 'tuyengiao.hg',
      path: () => '/notifications',
      params: { unread: Q.enum(['true', 'false']), pageSize: Q.pageSize },
    },
    {
      name: 'users',
      user: 'admin',
      path: () => '/users',
      params: { page: Q.page, pageSize: Q.pageSize },
    },
  ];

  it('refuses 160 generated query strings (wrong types and formats, unknown, repeated and missing parameters, SQL and HTML) with a 400 naming the parameter', async () => {
    const specs = queries();
    const requests = fc.sample(
      fc.constantFrom(...specs).chain((spec) => badQueries(spec)),
      {
        numRuns: 160,
        seed: SEED + 1,
      },
    );
    expect(new Set(requests.map((r) => r.spec.name)).size).toBe(specs.length);
    const failures: string[] = [];
    const before = await tableChecksums(db);
    for (const r of requests) {
      const response = await t.api(
        `${r.spec.path()}?${r.query}`,
        authed(tokens[r.spec.user], 'GET'),
      );
      sent += 1;
      const problem = judge(
        { status: response.status, text: await response.text() },
        r.faults,
        (x) => x === 400,
      );
      if (problem) failures.push(`${r.summary} → ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, await tableChecksums(db))).toEqual([]);
  }, 60_000);

  /** One request built by hand: what it sends, what it must be refused with, the fields at fault. */
  interface Crafted {
    name: string;
    user: string | null;
    method: 'GET' | 'POST' | 'PATCH';
    path: () => string;
    headers?: Record<string, string>;
    body?: () => Buffer | string | FormData;
    faults: string[];
    status?: number;
  }

  const multipart = (boundary: string, parts: string) => ({
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: () => parts,
  });
  const filePart = (field: string, name: string, content: string) =>
    `--zzz\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;
  const fieldPart = (field: string, value: string) =>
    `--zzz\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n`;
  const form =
    (
      fields: Record<string, string>,
      files: { field: string; name: string; bytes: Buffer }[] = [],
    ) =>
    () => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      for (const f of files) data.append(f.field, new Blob([new Uint8Array(f.bytes)]), f.name);
      return data;
    };
  const json = (value: unknown) => ({
    headers: { 'content-type': 'application/json' },
    body: () => JSON.stringify(value),
  });
  const CSV_HEADER =
    'code,name,shortName,kind,level,province,district,parent,aliases,groups,validFrom,validTo,successors';
  const csv = (rows: string) => ({
    headers: { 'content-type': 'text/csv' },
    body: () => `${CSV_HEADER}\n${rows}\n`,
  });
  const report = {
    user: 'tuyengiao.hg',
    method: 'POST' as const,
    path: () => `/tasks/${taskId}/reports`,
  };
  const key = () => ({ 'idempotency-key': uniqueName('crafted-') });

  const crafted = (): Crafted[] => {
    const users = { user: 'admin', method: 'POST' as const, path: () => '/users' };
    const patchUser = { user: 'admin', method: 'PATCH' as const, path: () => `/users/${userId}` };
    const parse = { user: 'vanphong.hg', method: 'POST' as const, path: () => '/documents/parse' };
    const upload = { user: 'vanphong.hg', method: 'POST' as const, path: () => '/documents' };
    const importCsv = {
      user: 'admin',
      method: 'POST' as const,
      path: () => '/organizations/import',
    };
    const seedFile = `${seedText}\n<!-- ${uniqueName('crafted')} -->`;
    return [
      // Bodies no JSON parser reads, or that hold no object.
      {
        ...users,
        name: 'bytes that are not UTF-8',
        headers: { 'content-type': 'application/json' },
        body: () => Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
        faults: ['body'],
      },
      {
        ...users,
        name: 'a raw NUL inside a JSON string',
        headers: { 'content-type': 'application/json' },
        body: () => Buffer.from('{"username":"a\u0000"}'),
        faults: ['body'],
      },
      {
        ...users,
        name: 'truncated JSON',
        headers: { 'content-type': 'application/json' },
        body: () => '{"username":',
        faults: ['body'],
      },
      {
        ...users,
        name: 'empty JSON body',
        headers: { 'content-type': 'application/json' },
        faults: ['body'],
      },
      { ...users, name: 'a JSON array', ...json([1, 2]), faults: ['username'] },
      { ...users, name: 'JSON null', ...json(null), faults: ['username'] },
      { ...users, name: 'a JSON string', ...json('admin'), faults: ['username'] },
      {
        ...users,
        name: 'UTF-16 JSON',
        headers: { 'content-type': 'application/json; charset=utf-16le' },
        body: () => Buffer.from('{"username":"a"}', 'utf16le'),
        faults: ['body'],
      },
      {
        ...users,
        name: 'Latin-1 JSON',
        headers: { 'content-type': 'application/json; charset=latin1' },
        body: () => Buffer.from('{"displayName":"Nguy\u1ec5n","username":"x"}', 'latin1'),
        faults: ['displayName', 'username'],
      },
      {
        ...users,
        name: 'a body over the limit',
        ...json({ displayName: 'x'.repeat(1_200_000) }),
        faults: ['body'],
        status: 413,
      },
      // Content types the API does not read.
      {
        ...users,
        name: 'XML',
        headers: { 'content-type': 'application/xml' },
        body: () => '<user><role>admin</role></user>',
        faults: ['content-type'],
        status: 415,
      },
      {
        ...users,
        name: 'HTML',
        headers: { 'content-type': 'text/html' },
        body: () => '<script>alert(1)</script>',
        faults: ['content-type'],
        status: 415,
      },
      {
        ...users,
        name: 'form-encoded',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: () => 'username=x&role=admin&toString=1',
        faults: ['content-type'],
        status: 415,
      },
      {
        ...patchUser,
        name: 'form-encoded PATCH',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: () => 'role=admin',
        faults: ['content-type'],
        status: 415,
      },
      {
        ...patchUser,
        name: 'plain text PATCH',
        headers: { 'content-type': 'text/plain' },
        body: () => '{"role":"admin"}',
        faults: ['body'],
      },
      {
        ...users,
        name: 'plain text POST',
        headers: { 'content-type': 'text/plain' },
        body: () => '{"role":"admin"}',
        faults: ['username'],
      },
      {
        ...users,
        name: 'multipart to a JSON route',
        body: form({ username: 'x', role: 'admin' }),
        faults: ['content-type'],
      },
      // Malformed multipart where a file is read.
      {
        ...parse,
        name: 'truncated multipart',
        ...multipart('zzz', filePart('file', 'a.txt', 'hello').slice(0, -6)),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart without a boundary',
        headers: { 'content-type': 'multipart/form-data' },
        body: () => filePart('file', 'a.txt', 'x'),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart with another boundary',
        ...multipart('yyy', `${filePart('file', 'a.txt', 'x')}--zzz--\r\n`),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart with fields only',
        ...multipart('zzz', `${fieldPart('text', 'x')}--zzz--\r\n`),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart file in another field',
        ...multipart('zzz', `${filePart('doc', 'a.txt', 'x')}--zzz--\r\n`),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart empty file',
        ...multipart('zzz', `${filePart('file', 'a.txt', '')}--zzz--\r\n`),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart two files',
        ...multipart(
          'zzz',
          `${filePart('file', 'a.txt', 'x')}${filePart('file', 'b.txt', 'y')}--zzz--\r\n`,
        ),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'multipart garbage',
        headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
        body: () => Buffer.from([0, 0xff, 0xfe, 0x2d, 0x2d]),
        faults: ['file'],
      },
      {
        ...parse,
        name: 'an executable as a document',
        body: form({}, [{ field: 'file', name: 'nghi-quyet.txt', bytes: exeBytes() }]),
        faults: ['file'],
        status: 415,
      },
      {
        ...parse,
        name: 'a file over 10 MB',
        body: form({}, [
          { field: 'file', name: 'a.txt', bytes: Buffer.alloc(10 * 1024 * 1024 + 10, 0x61) },
        ]),
        faults: ['file'],
        status: 413,
      },
      {
        ...upload,
        name: 'upload: truncated multipart',
        ...multipart('zzz', filePart('file', 'a.txt', seedFile).slice(0, -6)),
        faults: ['file'],
      },
      {
        ...upload,
        name: 'upload: a PDF that is not one',
        body: form({}, [{ field: 'file', name: 'nq.pdf', bytes: Buffer.from('%PDF-1.4 broken') }]),
        faults: ['file'],
      },
      // CSV imports: bad rows are named by line, nothing is imported.
      {
        ...importCsv,
        name: 'CSV: hostile cells',
        ...csv(
          `hg-thu-csv,<script>alert(1)</script>,,'; DROP TABLE organization; --,tinh,Hà Giang,,,,,,,`,
        ),
        faults: ['line 2'],
      },
      {
        ...importCsv,
        name: 'CSV: a code with SQL',
        ...csv(`x' OR 1=1 --,Sở Thử tỉnh Hà Giang,,department,tinh,Hà Giang,,,,,,,`),
        faults: ['line 2'],
      },
      {
        ...importCsv,
        name: 'CSV: validTo 9999-12-31 with a successor',
        ...csv(
          `hg-thu-csv-cu,Sở Thử Cũ tỉnh Hà Giang,,department,tinh,Hà Giang,,,,,,9999-12-31,${OWNER_ORG}`,
        ),
        faults: ['line 2'],
      },
      {
        ...importCsv,
        name: 'CSV: not UTF-8',
        headers: { 'content-type': 'text/csv' },
        body: () =>
          Buffer.concat([
            Buffer.from(`${CSV_HEADER}\nhg-thu,S`),
            Buffer.from([0xff]),
            Buffer.from(' tỉnh Hà Giang,,department,tinh,Hà Giang,,,,,,,\n'),
          ]),
        faults: ['file'],
      },
      { ...importCsv, name: 'CSV: header only', ...csv(''), faults: ['file'] },
      {
        ...importCsv,
        name: 'CSV: another header',
        headers: { 'content-type': 'text/csv' },
        body: () => 'ma,ten\nx,y\n',
        faults: ['file'],
      },
      {
        ...importCsv,
        name: 'CSV: truncated multipart',
        ...multipart('zzz', filePart('file', 'a.csv', CSV_HEADER).slice(0, -6)),
        faults: ['file'],
      },
      // Reports as multipart.
      {
        ...report,
        name: 'report: truncated multipart',
        headers: { ...key(), 'content-type': 'multipart/form-data; boundary=zzz' },
        body: () => fieldPart('percent', '5').slice(0, -4),
        faults: ['evidence'],
      },
      {
        ...report,
        name: 'report: a file in another field',
        headers: key(),
        body: form({ percent: '5', narrative: 'x' }, [
          { field: 'file', name: 'a.pdf', bytes: pdfBytes() },
        ]),
        faults: ['file'],
      },
      {
        ...report,
        name: 'report: a field sent twice',
        headers: { ...key(), 'content-type': 'multipart/form-data; boundary=zzz' },
        body: () =>
          `${fieldPart('percent', '5')}${fieldPart('percent', '6')}${fieldPart('narrative', 'x')}--zzz--\r\n`,
        faults: ['percent'],
      },
      {
        ...report,
        name: 'report: percent in words',
        headers: key(),
        body: form({ percent: 'năm mươi', narrative: 'x' }),
        faults: ['percent'],
      },
      {
        ...report,
        name: 'report: indicators not JSON',
        headers: key(),
        body: form({ percent: '5', narrative: 'x', indicators: '[{' }),
        faults: ['indicators'],
      },
      {
        ...report,
        name: 'report: no narrative',
        headers: key(),
        body: form({ percent: '5' }),
        faults: ['narrative'],
      },
      {
        ...report,
        name: 'report: an executable named .pdf',
        headers: key(),
        body: form({ percent: '5', narrative: 'x' }, [
          { field: 'evidence', name: 'a.pdf', bytes: exeBytes() },
        ]),
        faults: ['evidence'],
        status: 415,
      },
      {
        ...report,
        name: 'report: an empty file',
        headers: key(),
        body: form({ percent: '5', narrative: 'x' }, [
          { field: 'evidence', name: 'a.pdf', bytes: Buffer.alloc(0) },
        ]),
        faults: ['evidence'],
      },
      {
        ...report,
        name: 'report: no Idempotency-Key',
        ...json({ percent: 5, narrative: 'x' }),
        faults: ['Idempotency-Key'],
      },
      {
        ...report,
        name: 'report: a hostile Idempotency-Key',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': "'; DROP TABLE idempotency_key; --",
        },
        body: () => JSON.stringify({ percent: 5, narrative: 'x' }),
        faults: ['Idempotency-Key'],
      },
      // Dates the calendar cannot go past (these answered 500, or were stored and broke feeds).
      {
        user: 'ubkt.hg',
        method: 'GET',
        name: 'overview as of 9999-12-31',
        path: () => '/summaries/overview?asOf=9999-12-31',
        faults: ['asOf'],
      },
      {
        user: 'ubkt.hg',
        method: 'GET',
        name: 'targets as of 9999-12-31',
        path: () => '/summaries/targets?asOf=9999-12-31',
        faults: ['asOf'],
      },
      {
        user: 'ubkt.hg',
        method: 'GET',
        name: 'export as of 9999-12-31',
        path: () => '/exports/summary.pdf?asOf=9999-12-31',
        faults: ['asOf'],
      },
      {
        user: 'admin',
        method: 'POST',
        name: 'an organization valid to 9999-12-31 with a successor',
        path: () => '/organizations',
        ...json({
          code: 'hg-thu-het-han',
          name: 'Sở Thử Hết Hạn tỉnh Hà Giang',
          kind: 'department',
          level: 'tinh',
          province: 'Hà Giang',
          validTo: '9999-12-31',
          successors: [OWNER_ORG],
        }),
        faults: ['validTo'],
      },
      {
        user: 'vanphong.hg',
        method: 'PATCH',
        name: 'a task extended to 9999-12-31',
        path: () => `/tasks/${taskId}`,
        ...json({ version: taskVersion, dueOn: '9999-12-31', reason: 'Gia hạn rất xa' }),
        faults: ['dueOn'],
      },
      {
        user: 'vanphong.hg',
        method: 'PATCH',
        name: 'a clause due 9999-12-31',
        path: () => `/documents/${draftId}/clauses/${clauseId}`,
        ...json({ dueOn: '9999-12-31' }),
        faults: ['dueOn'],
      },
      {
        user: 'vanphong.hg',
        method: 'POST',
        name: 'published as of 0001-01-01',
        path: () => `/documents/${draftId}/publish`,
        ...json({ issuedOn: '0001-01-01' }),
        faults: ['issuedOn'],
      },
    ];
  };

  it('refuses hand-made bodies: bytes that are not JSON, wrong content types, malformed multipart and CSV, files of the wrong type or size, dates past the calendar; 4xx naming the part at fault, no row changed', async () => {
    const failures: string[] = [];
    const cases = crafted();
    for (const c of cases) {
      const before = await tableChecksums(db);
      const response = await t.api(c.path(), {
        method: c.method,
        headers: { ...(c.user ? bearer(tokens[c.user]) : {}), ...c.headers },
        body: c.body?.(),
      });
      sent += 1;
      const problem = judge(
        { status: response.status, text: await response.text() },
        c.faults,
        (x) => (c.status ? x === c.status : x >= 400 && x < 500),
      );
      if (problem) failures.push(`${c.name} → ${problem}`);
      const changed = changedTables(before, await tableChecksums(db));
      if (changed.length) failures.push(`${c.name} → changed ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 90_000);

  it('sent more than 500 bad requests in all, and the process still answers', async () => {
    expect(sent).toBeGreaterThanOrEqual(700);
    const health = await t.api('/health');
    expect(health.status).toBe(200);
    await expect(health.json()).resolves.toMatchObject({ status: 'ok', db: 'up', redis: 'up' });
  });

  /**
   * Known gaps, described in the report of this change. The first five are in src/reports,
   * which another change is rewriting; each test fails until its gap is closed (then Jest says
   * so: turn it into a plain `it`).
   */
  describe('known gaps (each fails until fixed)', () => {
    const refused = async (
      response: Response,
      faults: string[],
      before: Record<string, string>,
    ) => {
      const problem = judge(
        { status: response.status, text: await response.text() },
        faults,
        (x) => x >= 400 && x < 500,
      );
      const changed = changedTables(before, await tableChecksums(db));
      if (problem || changed.length) throw new Error(`${problem ?? ''} ${changed.join(', ')}`);
    };
    const reportForm = (parts: string) =>
      t.api(`/tasks/${taskId}/reports`, {
        method: 'POST',
        headers: bearer(tokens['tuyengiao.hg'], {
          ...key(),
          'content-type': 'multipart/form-data; boundary=zzz',
        }),
        body: parts,
      });

    it('reports: a multipart narrative holding NUL is refused', async () => {
      const before = await tableChecksums(db);
      await refused(
        await reportForm(
          `${fieldPart('percent', '5')}${fieldPart('narrative', 'a\u0000b')}--zzz--\r\n`,
        ),
        ['narrative'],
        before,
      );
    });

    it('reports: a multipart narrative with bytes that are not UTF-8 is refused', async () => {
      const before = await tableChecksums(db);
      const body = Buffer.concat([
        Buffer.from(
          `${fieldPart('percent', '5')}--zzz\r\nContent-Disposition: form-data; name="narrative"\r\n\r\nab`,
        ),
        Buffer.from([0xff, 0xc3]),
        Buffer.from('\r\n--zzz--\r\n'),
      ]);
      const response = await t.api(`/tasks/${taskId}/reports`, {
        method: 'POST',
        headers: bearer(tokens['tuyengiao.hg'], {
          ...key(),
          'content-type': 'multipart/form-data; boundary=zzz',
        }),
        body,
      });
      await refused(response, ['narrative'], before);
    });

    it('reports: multipart indicators nested 5,000 deep are refused naming indicators', async () => {
      const before = await tableChecksums(db);
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      await refused(
        await reportForm(
          `${fieldPart('percent', '5')}${fieldPart('narrative', 'x')}${fieldPart('indicators', deep)}--zzz--\r\n`,
        ),
        ['indicators'],
        before,
      );
    });

    it('reports: a form with too many fields names the one over the limit', async () => {
      const before = await tableChecksums(db);
      const parts = Array.from({ length: 25 }, (_, i) => fieldPart(`f${i}`, '1')).join('');
      await refused(await reportForm(`${parts}--zzz--\r\n`), ['f20', 'f0', 'evidence'], before);
    });

    it('reports: a text/plain report is refused naming content-type', async () => {
      const before = await tableChecksums(db);
      const response = await t.api(`/tasks/${taskId}/reports`, {
        method: 'POST',
        headers: bearer(tokens['tuyengiao.hg'], { ...key(), 'content-type': 'text/plain' }),
        body: 'percent=5',
      });
      await refused(response, ['content-type'], before);
    });

    it('a multipart body sent to a JSON PATCH is refused naming content-type', async () => {
      const before = await tableChecksums(db);
      const data = new FormData();
      data.append('role', 'admin');
      const response = await t.api(`/users/${userId}`, {
        method: 'PATCH',
        headers: bearer(tokens.admin),
        body: data,
      });
      await refused(response, ['content-type', 'role'], before);
    });
  });
});
