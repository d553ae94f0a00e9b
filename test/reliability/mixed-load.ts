// Mixed traffic with autocannon: each connection walks the same list of requests over and over
// (writes, reads by several roles, logins). Every answer is counted per request label, and the
// ids of the reports created are collected from the 201 bodies.
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { DEMO_PASSWORD } from '../helpers/auth.js';
import { reportNarrative } from './api-client.js';
import { reportFacts, scalar, type Db, type ReportFacts } from './consistency.js';

export interface Tokens {
  agency: string;
  office: string;
  inspector: string;
}

export interface LoadRun {
  result: AutocannonResult;
  /** label → status → count */
  byLabel: Record<string, Record<string, number>>;
  /** ids named by the 201 answers to report writes */
  createdIds: string[];
  /** every Idempotency-Key sent → the status it got (absent: no answer before the end) */
  reportKeys: Map<string, number | null>;
  /** preference changes sent, and answered 2xx (audited writes other than reports) */
  preferenceWrites: { sent: number; answered2xx: number };
}

/**
 * The request list one connection repeats. `keyPrefix` makes every Idempotency-Key unique to
 * the run; `pathPrefix` is the API's (/api/v1).
 */
function requestList(
  pathPrefix: string,
  taskId: string,
  tokens: Tokens,
  keyPrefix: string,
  run: LoadRun,
  options: { preferences: boolean },
): AutocannonRequest[] {
  const auth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
  const count = (label: string, status: number): void => {
    const byStatus = (run.byLabel[label] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };
  const get = (label: string, path: string, token: string): AutocannonRequest => ({
    method: 'GET',
    path: `${pathPrefix}${path}`,
    headers: auth(token),
    onResponse: (status) => count(label, status),
  });
  let n = 0;
  const report: AutocannonRequest = {
    method: 'POST',
    path: `${pathPrefix}/tasks/${taskId}/reports`,
    headers: { ...auth(tokens.agency), 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      n += 1;
      const key = `${keyPrefix}-${n}`;
      // One request at a time per connection: the answer that comes next is this key's.
      context.key = key;
      run.reportKeys.set(key, null);
      return {
        ...request,
        headers: { ...request.headers, 'idempotency-key': key },
        // The body follows from the key alone, so a retry (postReport) sends the same request.
        body: JSON.stringify({ percent: 40, narrative: reportNarrative(key) }),
      };
    },
    onResponse: (status, body, context) => {
      count('report', status);
      run.reportKeys.set(context.key as string, status);
      if (status === 201) run.createdIds.push((JSON.parse(body) as { id: string }).id);
    },
  };
  const login: AutocannonRequest = {
    method: 'POST',
    path: `${pathPrefix}/auth/login`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanphong.hg', password: DEMO_PASSWORD }),
    onResponse: (status) => count('login', status),
  };
  const list: AutocannonRequest[] = [
    report,
    get('tasks agency', '/tasks?pageSize=20', tokens.agency),
    get('task agency', `/tasks/${taskId}`, tokens.agency),
    report,
    get('tasks office', '/tasks?pageSize=50', tokens.office),
    get('task office', `/tasks/${taskId}`, tokens.office),
    get('notifications agency', '/notifications', tokens.agency),
    report,
    get('overview inspector', '/summaries/overview', tokens.inspector),
    get('tasks inspector', '/tasks?overdue=true', tokens.inspector),
    login,
    get('task inspector', `/tasks/${taskId}`, tokens.inspector),
  ];
  if (options.preferences) {
    let m = 0;
    list.push({
      method: 'PATCH',
      path: `${pathPrefix}/me/notification-preferences`,
      headers: { ...auth(tokens.office), 'content-type': 'application/json' },
      setupRequest: (request) => {
        m += 1;
        run.preferenceWrites.sent += 1;
        return {
          ...request,
          body: JSON.stringify({ emailMode: m % 2 ? 'digest' : 'immediate' }),
        };
      },
      onResponse: (status) => {
        count('preferences office', status);
        if (status >= 200 && status < 300) run.preferenceWrites.answered2xx += 1;
      },
    });
  }
  return list;
}

export async function mixedLoad(options: {
  base: string;
  taskId: string;
  tokens: Tokens;
  connections: number;
  durationS: number;
  keyPrefix: string;
  /** also change the office's notification preferences (an audited write) */
  preferences?: boolean;
}): Promise<LoadRun> {
  const url = new URL(options.base);
  const run = {
    byLabel: {},
    createdIds: [],
    reportKeys: new Map(),
    preferenceWrites: { sent: 0, answered2xx: 0 },
  } as unknown as LoadRun;
  run.result = await autocannon({
    url: url.origin,
    connections: options.connections,
    duration: options.durationS,
    timeout: 30,
    requests: requestList(url.pathname, options.taskId, options.tokens, options.keyPrefix, run, {
      preferences: options.preferences ?? false,
    }),
  });
  return run;
}

/**
 * autocannon stops at the deadline without waiting for the answers still due; the API goes on
 * and may commit those writes. Resolves once the task's report count has stopped moving.
 */
export async function settled(count: () => Promise<number>): Promise<number> {
  let last = await count();
  for (let i = 0; i < 100; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await count();
    if (now === last) return now;
    last = now;
  }
  throw new Error('the report count never settled');
}

/** The part of a run a failure message needs. */
export function loadSummary(run: LoadRun): Record<string, unknown> {
  return {
    requests: run.result['2xx'] + run.result.non2xx,
    reqPerSec: Math.round(run.result.requests.average),
    '2xx': run.result['2xx'],
    non2xx: run.result.non2xx,
    '5xx': run.result['5xx'],
    errors: run.result.errors,
    timeouts: run.result.timeouts,
    reportsCreated: run.createdIds.length,
    reportsUnanswered: [...run.reportKeys.values()].filter((s) => s === null).length,
    byLabel: run.byLabel,
  };
}

export interface LoadReportsVerdict {
  problems: ReportFacts['problems'];
  /** keys whose answers and rows disagree, in words */
  mismatches: string[];
  stored: number;
  answered201: number;
  /** keys still without an answer when the run stopped, and how many of those were written */
  unanswered: number;
  unansweredWritten: number;
}

/**
 * The reports of one or more runs against the rows: every 201 is one row with the id it named,
 * no refused key wrote anything, and every row comes from a key a run sent.
 */
export async function judgeLoadReports(
  db: Db,
  taskId: string,
  authorId: string,
  runs: LoadRun[],
): Promise<LoadReportsVerdict> {
  await settled(() =>
    scalar(db, 'SELECT COUNT(*) FROM progress_report WHERE task_id = ?', [taskId]),
  );
  const facts = await reportFacts(db, taskId, authorId);
  const sent = new Map<string, number | null>();
  for (const run of runs) for (const [key, status] of run.reportKeys) sent.set(key, status);
  const mismatches: string[] = [];
  for (const [key, ids] of facts.reportsOfKey) {
    if (!sent.has(key)) mismatches.push(`${key}: a report no run sent`);
    if (ids.length > 1) mismatches.push(`${key}: ${ids.length} reports`);
  }
  let unanswered = 0;
  let unansweredWritten = 0;
  for (const [key, status] of sent) {
    const written = facts.reportsOfKey.get(key)?.length ?? 0;
    if (status === 201 && written !== 1) mismatches.push(`${key}: 201 but ${written} reports`);
    if (status !== null && status !== 201 && written > 0) {
      mismatches.push(`${key}: answered ${status} but written`);
    }
    if (status === null) {
      unanswered += 1;
      unansweredWritten += written;
    }
  }
  const createdIds = runs.flatMap((r) => r.createdIds);
  for (const id of createdIds) {
    if (!facts.keyOf.has(id)) mismatches.push(`report ${id}: answered 201, no row`);
  }
  if (new Set(createdIds).size !== createdIds.length) mismatches.push('an id answered twice');
  return {
    problems: facts.problems,
    mismatches,
    stored: facts.keyOf.size,
    answered201: createdIds.length,
    unanswered,
    unansweredWritten,
  };
}
