import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, login, publishSeed, taskLedBy, USERS } from './api-client.js';
import { openDb, userId, type Db } from './consistency.js';
import {
  ApiProcess,
  PrivateMariaDb,
  Scope,
  seedDemo,
  sleep,
  suiteDatabaseName,
  suiteQueuePrefix,
  until,
  type ServiceSettings,
} from './processes.js';
import { ReportStream } from './report-stream.js';
import { settleAndCheck } from './report-verdict.js';

describe('MariaDB stopped and restarted under a stream of report writes', () => {
  const scope = new Scope('db-restart');
  let mariadb: PrivateMariaDb;
  let settings: ServiceSettings;
  let api: ApiProcess;
  let db: Db;
  let taskId: string;
  let agency: string;
  let admin: string;

  beforeAll(async () => {
    mariadb = await PrivateMariaDb.install(scope);
    await mariadb.start();
    settings = {
      databaseUrl: `${mariadb.serverUrl}/${suiteDatabaseName('dbrestart')}`,
      redisUrl: process.env.REDIS_URL!,
      queuePrefix: suiteQueuePrefix('dbrestart'),
      storageDir: scope.tempDir('storage'),
    };
    await seedDemo(scope, settings);
    api = await ApiProcess.start(scope, 'api', settings);
    db = openDb(settings.databaseUrl);
    scope.defer(() => db.end());
    const tasks = await publishSeed(api.base, await login(api.base, USERS.office));
    taskId = taskLedBy(tasks).id;
    agency = await login(api.base, USERS.agency);
    admin = await login(api.base, USERS.admin);
  }, 180_000);

  afterAll(() => scope.cleanup(), 90_000);

  it('answers 201 or a refusal, writes each accepted report once, and recovers', async () => {
    const stream = new ReportStream({
      base: api.base,
      token: agency,
      taskId,
      clients: 6,
      prefix: `dbr-${randomUUID().slice(0, 8)}`,
      // some with an evidence file: a file must never be removed under a committed report
      evidenceEvery: 4,
    });
    stream.start();
    try {
      // A clean shutdown (open transactions rolled back, connections closed), then a crash.
      for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
        await stream.waitForCreated(25, 60_000);
        await mariadb.stop(signal);
        await sleep(1500);
        await mariadb.start();
        await stream.waitForCreated(10, 60_000);
      }
    } finally {
      await stream.stop();
    }
    console.log(`db restart: first answers ${JSON.stringify(stream.firstTally())}`);

    // The API is still there and finds the database again.
    expect(api.alive()).toBe(true);
    await until(
      'GET /health 200',
      async () => (await call(api.base, 'GET', '/health')).status,
      (s) => s === 200,
      30_000,
    );

    const verdict = await settleAndCheck(stream, db, {
      taskId,
      authorId: await userId(db, USERS.agency),
      storageDir: settings.storageDir,
    });
    console.log(`db restart: ${JSON.stringify(verdict.summary)}`);
    expect(verdict.serverErrors).toEqual([]);
    expect(verdict.noAnswer).toEqual([]);
    expect(verdict.problems).toEqual(verdict.expectedProblems);
    expect(verdict.keyMismatches).toEqual([]);
    expect(verdict.reportRows).toBe(verdict.keysEnded201);

    const audit = await call<{ ok: boolean; events: number }>(api.base, 'GET', '/audit/verify', {
      token: admin,
      timeoutMs: 60_000,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
  }, 240_000);
});
