import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { login, publishSeed, taskLedBy, USERS } from './api-client.js';
import { NO_PROBLEMS, userId, type Db } from './consistency.js';
import { judgeLoadReports, loadSummary, mixedLoad, type Tokens } from './mixed-load.js';
import { apiOnRunDatabase, type ApiProcess, Scope } from './processes.js';

/** RELIABILITY_LOAD_SECONDS shortens or lengthens the run (30 s by default). */
const DURATION_S = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 30);
const CONNECTIONS = 32;

describe(`${DURATION_S} s of mixed load at ${CONNECTIONS} connections`, () => {
  const scope = new Scope('load');
  let api: ApiProcess;
  let db: Db;
  let taskId: string;
  let tokens: Tokens;

  beforeAll(async () => {
    // The run's database: this suite only adds a published document and reports on its task.
    ({ api, db } = await apiOnRunDatabase(scope, 'load'));
    const office = await login(api.base, USERS.office);
    taskId = taskLedBy(await publishSeed(api.base, office)).id;
    tokens = {
      agency: await login(api.base, USERS.agency),
      office,
      inspector: await login(api.base, USERS.inspector),
    };
  }, 180_000);

  afterAll(() => scope.cleanup(), 90_000);

  it('answers every request without a 5xx, error or timeout; every 201 report is stored', async () => {
    const run = await mixedLoad({
      base: api.base,
      taskId,
      tokens,
      connections: CONNECTIONS,
      durationS: DURATION_S,
      keyPrefix: `load-${randomUUID().slice(0, 8)}`,
    });
    const summary = loadSummary(run);
    console.log(`mixed load: ${JSON.stringify(summary)}`);
    expect(run.result['2xx']).toBeGreaterThan(0);
    expect({
      '5xx': run.result['5xx'],
      errors: run.result.errors,
      timeouts: run.result.timeouts,
    }).toEqual({ '5xx': 0, errors: 0, timeouts: 0 });
    // Nothing in the mix should be refused either (unique keys, valid bodies, high limits).
    expect(run.result.non2xx).toBe(0);

    // Every 201 has its row (and audit event and done key); the writes still in flight when
    // the run stopped (at most one per connection) were written once or not at all.
    const reports = await judgeLoadReports(db, taskId, await userId(db, USERS.agency), [run]);
    console.log(`mixed load reports: ${JSON.stringify({ ...reports, problems: undefined })}`);
    expect(reports.problems).toEqual(NO_PROBLEMS);
    expect(reports.mismatches).toEqual([]);
    expect(reports.answered201).toBe(run.byLabel.report?.['201'] ?? 0);
    expect(reports.stored).toBe(reports.answered201 + reports.unansweredWritten);
    expect(reports.unanswered).toBeLessThanOrEqual(CONNECTIONS);
    expect(api.alive()).toBe(true);
  }, 180_000);
});
