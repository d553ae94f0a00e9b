import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSmtp, waitForDrained, type SmtpSink } from '../reminders/reminder-fixtures.js';
import {
  call,
  login,
  postReport,
  publishSeed,
  taskLedBy,
  USERS,
  type Answer,
} from './api-client.js';
import { NO_PROBLEMS, openDb, scalar, userId, type Db } from './consistency.js';
import { judgeLoadReports, loadSummary, mixedLoad, type Tokens } from './mixed-load.js';
import {
  addUsers,
  checkDeliveries,
  inAppList,
  leadsOwing,
  notificationStates,
} from './notification-checks.js';
import {
  ApiProcess,
  recreateDatabase,
  Scope,
  seedDemo,
  sharedServerUrl,
  sleep,
  startWorker,
  suiteDatabaseName,
  suiteQueuePrefix,
  until,
  type Proc,
  type ServiceSettings,
} from './processes.js';

const DUE = '2022-12-15';
const NOW = `${DUE}T02:00:00Z`;
/** RELIABILITY_REPLICA_SECONDS: how long the load runs (15 s by default). */
const DURATION_S = Number(process.env.RELIABILITY_REPLICA_SECONDS ?? 15);
const CONNECTIONS_EACH = 16;

interface SweepAnswer {
  created: number;
  enqueued: number;
}

describe('two APIs and two workers on one database and one Redis', () => {
  const scope = new Scope('replicas');
  let smtp: SmtpSink;
  let settings: ServiceSettings;
  let apis: ApiProcess[];
  let workers: Proc[];
  let db: Db;
  let taskId: string;
  let tokens: Tokens;
  let admin: string;

  const sweep = (api: ApiProcess): Promise<Answer<SweepAnswer>> =>
    call<SweepAnswer>(api.base, 'POST', '/admin/reminders/sweep', {
      token: admin,
      json: { now: NOW },
      timeoutMs: 120_000,
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    scope.defer(() => smtp.close());
    const name = suiteDatabaseName('replicas');
    await recreateDatabase(sharedServerUrl(), name);
    settings = {
      databaseUrl: `${sharedServerUrl()}/${name}`,
      redisUrl: process.env.REDIS_URL!,
      queuePrefix: suiteQueuePrefix('replicas'),
      storageDir: scope.tempDir('storage'),
      extra: { SMTP_URL: smtp.url, ALLOW_CLOCK_OVERRIDE: 'true', NOTIFY_CLAIM_SECONDS: '5' },
    };
    await seedDemo(scope, settings);
    db = openDb(settings.databaseUrl);
    scope.defer(() => db.end());
    const started = await Promise.all([
      ApiProcess.start(scope, 'api-a', settings),
      ApiProcess.start(scope, 'api-b', settings),
      startWorker(scope, 'worker-a', settings),
      startWorker(scope, 'worker-b', settings),
    ]);
    apis = started.slice(0, 2) as ApiProcess[];
    workers = started.slice(2) as Proc[];
    const office = await login(apis[0]!.base, USERS.office);
    const tasks = await publishSeed(apis[0]!.base, office);
    await publishSeed(apis[1]!.base, office);
    taskId = taskLedBy(tasks).id;
    await addUsers(db, await leadsOwing(db, DUE), 40);
    tokens = {
      agency: await login(apis[1]!.base, USERS.agency),
      office,
      inspector: await login(apis[0]!.base, USERS.inspector),
    };
    admin = await login(apis[0]!.base, USERS.admin);
  }, 180_000);

  afterAll(() => scope.cleanup(), 90_000);

  it('doubles no notification, loses no report and keeps one audit chain', async () => {
    const verify = () =>
      call<{ ok: boolean; events: number }>(apis[0]!.base, 'GET', '/audit/verify', {
        token: admin,
        timeoutMs: 60_000,
      });
    const before = await verify();
    expect(before.body.ok).toBe(true);

    const runId = randomUUID().slice(0, 8);
    const loads = apis.map((api, i) =>
      mixedLoad({
        base: api.base,
        taskId,
        tokens,
        connections: CONNECTIONS_EACH,
        durationS: DURATION_S,
        keyPrefix: `rep-${runId}-${i}`,
        preferences: true,
      }),
    );
    // One sweep from each API at the same moment, in the middle of the load.
    await sleep(Math.min(3000, (DURATION_S * 1000) / 3));
    const sweeps = await Promise.all(apis.map((api) => sweep(api)));
    const runs = await Promise.all(loads);
    console.log(
      `replicas: load ${JSON.stringify(runs.map(loadSummary))}; sweeps ${JSON.stringify(
        sweeps.map((s) => [s.status, s.body]),
      )}`,
    );
    for (const run of runs) {
      expect({ errors: run.result.errors, timeouts: run.result.timeouts }).toEqual({
        errors: 0,
        timeouts: 0,
      });
    }
    expect(sweeps.map((s) => s.status)).toEqual([200, 200]);

    // No report lost: every 201 from either API has its row, audit event and done key, and a
    // refused write wrote nothing.
    const authorId = await userId(db, USERS.agency);
    const reports = await judgeLoadReports(db, taskId, authorId, runs);
    expect(reports.problems).toEqual(NO_PROBLEMS);
    expect(reports.mismatches).toEqual([]);
    expect(reports.stored).toBe(reports.answered201 + reports.unansweredWritten);

    // No refusal at all, sweeps running at the same moment included. (Before the outbox, a
    // report wrote the office's notification rows in its own transaction and the sweep's
    // INSERT … SELECT, at REPEATABLE READ, locked the task rows it read: deadlock victims
    // answered 500. Now the report writes one outbox row, and every connection reads at READ
    // COMMITTED.) Any refused report key, sent again, must write its report once.
    const refusals = runs.flatMap((run) =>
      Object.entries(run.byLabel).flatMap(([label, byStatus]) =>
        Object.entries(byStatus)
          .filter(([status]) => !status.startsWith('2'))
          .map(([status, n]) => ({ label, status, n })),
      ),
    );
    expect(refusals).toEqual([]);
    const refused = runs.flatMap((run) =>
      [...run.reportKeys]
        .filter(([, status]) => status !== null && status !== 201)
        .map(([key, status]) => ({ run, key, status })),
    );
    for (const r of refused) {
      const again = await postReport(apis[0]!.base, tokens.agency, taskId, {
        key: r.key,
        withEvidence: false,
      });
      r.run.reportKeys.set(r.key, again.status);
      if (again.status === 201) r.run.createdIds.push(again.body.id!);
    }
    const afterRetry = await judgeLoadReports(db, taskId, authorId, runs);
    expect(afterRetry.problems).toEqual(NO_PROBLEMS);
    expect(afterRetry.mismatches).toEqual([]);
    expect(afterRetry.stored).toBe(reports.stored + refused.length);

    // Later sweeps hand over whatever is still owed (the reports' notices to the office
    // included); both workers consume; nothing is delivered twice.
    let created = sweeps.reduce((sum, s) => sum + s.body.created, 0);
    await until(
      'every notification delivered',
      async () => {
        const next = await sweep(apis[1]!);
        created += next.body.created;
        await waitForDrained({ QUEUE_PREFIX: settings.queuePrefix }, 60_000);
        return notificationStates(db);
      },
      (states) => Object.keys(states).every((s) => s === 'delivered'),
      120_000,
      500,
    );
    const deliveries = await checkDeliveries(db, smtp);
    const reminderRows = await scalar(
      db,
      'SELECT COUNT(*) FROM notification WHERE obligation_id IS NOT NULL',
    );
    const inAppTwice = await scalar(
      db,
      "SELECT COUNT(*) FROM notification WHERE channel = 'in_app' AND attempts <> 1",
    );
    const list = await inAppList(apis[1]!.base, tokens.agency, db, USERS.agency);
    console.log(
      `replicas: ${JSON.stringify({
        reports: { ...afterRetry, problems: undefined },
        refused: refused.length,
        deliveries,
        reminderRows,
        created,
        inAppList: list,
      })}`,
    );
    expect(deliveries.duplicateKeys).toEqual([]);
    expect(deliveries.notDelivered).toEqual({});
    expect(deliveries.mailsNotOnce).toEqual({});
    expect(deliveries.strayMails).toBe(0);
    expect(deliveries.emailRows).toBeGreaterThan(0);
    expect(created).toBe(reminderRows); // the sweeps' counts add up: no row inserted twice
    expect(inAppTwice).toBe(0); // each in-app row flipped to delivered by one job only
    expect(list.listed).toBe(list.distinct);
    expect(list.listed).toBe(list.rows);

    // One chain, and as many new events as audited writes: the reports and the preference
    // changes (in flight at the end ones included, when they committed).
    const after = await verify();
    expect(after.body.ok).toBe(true);
    const preferenceEvents = await scalar(
      db,
      "SELECT COUNT(*) FROM audit_event WHERE action = 'notification.preferences'",
    );
    const sent = runs.reduce((sum, r) => sum + r.preferenceWrites.sent, 0);
    const answered = runs.reduce((sum, r) => sum + r.preferenceWrites.answered2xx, 0);
    expect(preferenceEvents).toBeGreaterThanOrEqual(answered);
    expect(preferenceEvents).toBeLessThanOrEqual(sent);
    expect(after.body.events - before.body.events).toBe(afterRetry.stored + preferenceEvents);

    for (const p of [...apis, ...workers]) expect(p.alive()).toBe(true);
  }, 240_000);
});
