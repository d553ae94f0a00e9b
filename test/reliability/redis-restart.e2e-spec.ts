import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { QueueName, SCHEDULER_IDS } from '../../src/reminders/queues.js';
import { startSmtp, waitForDrained, type SmtpSink } from '../reminders/reminder-fixtures.js';
import { call, login, publishSeed, USERS, type Answer } from './api-client.js';
import { openDb, type Db } from './consistency.js';
import {
  addUsers,
  checkDeliveries,
  inAppList,
  leadsOwing,
  notificationStates,
} from './notification-checks.js';
import {
  ApiProcess,
  PrivateRedis,
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

/** The day the sweeps run "as of": the Hà Giang seed's half-yearly reports fall due on it. */
const DUE = '2022-12-15';
const NOW = `${DUE}T02:00:00Z`; // 09:00 in Hà Nội
const PUBLISHES = 2;
const USERS_PER_LEAD = 150;

describe('Redis stopped and started while reminders are swept and delivered', () => {
  const scope = new Scope('redis-restart');
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let settings: ServiceSettings;
  let api: ApiProcess;
  let worker: Proc;
  let db: Db;
  let admin: string;

  const sweepScheduler = async (): Promise<unknown> => {
    const queue = new Queue(QueueName.Reminders, {
      connection: { url: redis.url, maxRetriesPerRequest: null },
      prefix: settings.queuePrefix,
    });
    try {
      return await queue.getJobScheduler(SCHEDULER_IDS.sweep);
    } finally {
      await queue.close();
    }
  };

  const sweep = (timeoutMs = 60_000): Promise<Answer<{ created: number; enqueued: number }>> =>
    call(api.base, 'POST', '/admin/reminders/sweep', {
      token: admin,
      json: { now: NOW },
      timeoutMs,
    });

  beforeAll(async () => {
    redis = await PrivateRedis.create(scope);
    await redis.start();
    smtp = await startSmtp();
    scope.defer(() => smtp.close());
    const name = suiteDatabaseName('redis');
    await recreateDatabase(sharedServerUrl(), name);
    settings = {
      databaseUrl: `${sharedServerUrl()}/${name}`,
      redisUrl: redis.url,
      queuePrefix: suiteQueuePrefix('redis'),
      storageDir: scope.tempDir('storage'),
      extra: { SMTP_URL: smtp.url, ALLOW_CLOCK_OVERRIDE: 'true', NOTIFY_CLAIM_SECONDS: '5' },
    };
    await seedDemo(scope, settings);
    db = openDb(settings.databaseUrl);
    scope.defer(() => db.end());
    [api, worker] = await Promise.all([
      ApiProcess.start(scope, 'api', settings),
      startWorker(scope, 'worker', settings),
    ]);
    const office = await login(api.base, USERS.office);
    for (let i = 0; i < PUBLISHES; i += 1) await publishSeed(api.base, office);
    await addUsers(db, await leadsOwing(db, DUE), USERS_PER_LEAD);
    admin = await login(api.base, USERS.admin);
    // The worker declared its schedules at start (what the last test looks for again).
    expect(await sweepScheduler()).toBeDefined();
  }, 180_000);

  afterAll(() => scope.cleanup(), 90_000);

  it('after the next sweep every notification is delivered exactly once; both processes reconnect', async () => {
    // Redis goes away while the worker is delivering the first sweep's e-mails, and a second
    // sweep is asked for while it is away.
    const outage: { done?: Promise<void>; sweep?: Promise<Answer<unknown> | Error> } = {};
    smtp.beforeAccept = (count) => {
      if (count < 100 || outage.done) return;
      outage.done = (async () => {
        await redis.stop('SIGTERM');
        outage.sweep = sweep(120_000).catch((error: Error) => error);
        await sleep(2000);
        await redis.start();
      })();
    };
    const first = await sweep();
    expect(first.status).toBe(200);
    expect(first.body.created).toBeGreaterThanOrEqual(PUBLISHES * 2 * USERS_PER_LEAD * 2);
    await until('the Redis outage', async () => outage.done !== undefined, Boolean, 60_000);
    await outage.done;
    smtp.beforeAccept = undefined;
    const during = await outage.sweep!;
    const duringStatus = during instanceof Error ? `no answer (${during.message})` : during.status;
    const statesAfterOutage = await notificationStates(db);

    // Both processes are alive and find Redis again.
    expect(api.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    await until(
      'GET /health 200',
      async () => (await call(api.base, 'GET', '/health')).status,
      (s) => s === 200,
      30_000,
    );

    // The next sweeps hand every row still owed to the (empty) Redis; the worker delivers.
    let sweeps = 0;
    await until(
      'every notification delivered',
      async () => {
        sweeps += 1;
        const next = await sweep();
        if (next.status !== 200) throw new Error(`sweep answered ${next.status}`);
        await waitForDrained({ REDIS_URL: redis.url, QUEUE_PREFIX: settings.queuePrefix }, 60_000);
        return notificationStates(db);
      },
      (states) => Object.keys(states).every((s) => s === 'delivered'),
      120_000,
      500,
    );
    const check = await checkDeliveries(db, smtp);
    const agency = await login(api.base, USERS.agency);
    const list = await inAppList(api.base, agency, db, USERS.agency);
    console.log(
      `Redis restart: ${JSON.stringify({
        rows: check.rows,
        email: check.emailRows,
        mails: smtp.mails.length,
        sweepDuringOutage: duringStatus,
        statesAfterOutage,
        sweepsAfter: sweeps,
        inAppListed: list,
      })}`,
    );
    expect(check.duplicateKeys).toEqual([]);
    expect(check.notDelivered).toEqual({});
    expect(check.mailsNotOnce).toEqual({});
    expect(check.strayMails).toBe(0);
    expect(smtp.mails.length).toBe(check.emailRows);
    expect(list.listed).toBe(list.distinct);
    expect(list.listed).toBe(list.rows);
    expect(worker.alive()).toBe(true);
    expect(api.alive()).toBe(true);
  }, 240_000);

  // A Redis that comes back without its data (no persistence, a failover to an empty replica,
  // a flush) keeps no scheduler: the worker declares them again when it reconnects
  // (ReminderSchedules), so the periodic sweep goes on without a worker restart.
  it('schedules the periodic sweep again after Redis lost its data', async () => {
    const until = Date.now() + 20_000;
    while (!(await sweepScheduler()) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await sweepScheduler()).toBeDefined();
  }, 30_000);
});
