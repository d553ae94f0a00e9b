import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { authed, login } from '../helpers/auth.js';
import { waitForExit } from '../helpers/processes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createBodies,
  startSmtp,
  startWorker,
  stopWorker,
  taskWithObligations,
  until,
  waitForDrained,
  type Bodies,
  type SmtpSink,
} from './reminder-fixtures.js';

const at = (day: string): string => `${day}T02:00:00Z`;

/** `n` more users of the lead body, each with an address, in one statement. */
async function addLeadUsers(db: DataSource, bodies: Bodies, n: number): Promise<void> {
  const values: unknown[] = [];
  for (let i = 0; i < n; i += 1) {
    const tag = `${i}.${randomUUID().slice(0, 8)}`;
    values.push(
      randomUUID(),
      `bulk${tag}`,
      `Người nhận ${i}`,
      bodies.leadOrgId,
      `bulk${tag}@${bodies.domain}`,
    );
  }
  await db.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, organization_id, email, active)
     VALUES ${Array(n).fill("(?, ?, ?, 'x', 'agency', ?, ?, 1)").join(', ')}`,
    values,
  );
}

async function rowCount(db: DataSource, obligationId: string): Promise<number> {
  const rows = (await db.query(`SELECT COUNT(*) AS n FROM notification WHERE obligation_id = ?`, [
    obligationId,
  ])) as { n: string }[];
  return Number(rows[0]!.n);
}

function expectEachOnce(smtp: SmtpSink, bodies: Bodies, expected: number): void {
  const mine = smtp.mails.filter((m) => m.to.endsWith(`@${bodies.domain}`));
  const perAddress = new Map<string, number>();
  for (const m of mine) perAddress.set(m.to, (perAddress.get(m.to) ?? 0) + 1);
  const twice = [...perAddress].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  expect(perAddress.size).toBe(expected);
  expect(new Set(mine.map((m) => m.messageId)).size).toBe(expected);
}

async function emailStates(db: DataSource, obligationId: string): Promise<Record<string, number>> {
  const rows = (await db.query(
    `SELECT state, COUNT(*) AS n FROM notification WHERE obligation_id = ? AND channel = 'email'
     GROUP BY state`,
    [obligationId],
  )) as { state: string; n: string }[];
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

describe('a worker killed with SIGKILL while delivering 1,000 e-mails', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: ChildProcess | undefined;
  const env: Record<string, string> = {
    ALLOW_CLOCK_OVERRIDE: 'true',
    NOTIFY_CLAIM_SECONDS: '3',
    // One delivery at a time, so the kill lands inside an SMTP transaction that the server
    // has not accepted: the crash point a real outage hits most (the network wait), and the
    // one the design promises exactly-once for. See DeliverNotificationJob for the residual
    // window (accepted by the server, not yet marked delivered).
    NOTIFY_CONCURRENCY: '1',
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    env.SMTP_URL = smtp.url;
    t = await startTestApp({ env });
    db = t.app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await smtp?.close();
  });

  it('after a restart, every e-mail arrives exactly once', async () => {
    const bodies = await createBodies(db);
    await addLeadUsers(db, bodies, 999);
    const task = await taskWithObligations(db, bodies, [
      { periodKey: 'crash', dueOn: '2025-07-15' },
    ]);
    const obligationId = task.obligations.crash!;
    const admin = await login(t, 'admin');
    let killed: Promise<unknown> | null = null;
    smtp.beforeAccept = (count) => {
      if (count >= 300 && !killed && worker) {
        const victim = worker;
        killed = waitForExit(victim, 10_000);
        victim.kill('SIGKILL');
        // The client is gone: this message is not accepted.
        throw new Error('connection lost');
      }
    };
    worker = await startWorker(env);
    const first = await t.api(
      '/admin/reminders/sweep',
      authed(admin, 'POST', { now: at('2025-07-15') }),
    );
    // `created` also counts rows of other suites' obligations that this day reaches.
    expect(((await first.json()) as { created: number }).created).toBeGreaterThanOrEqual(2000);
    await expect(rowCount(db, obligationId)).resolves.toBe(2000);
    await until(
      'the kill',
      async () => killed,
      (k) => k !== null,
      60_000,
    );
    await killed;
    smtp.beforeAccept = undefined;
    const atKill = smtp.mails.length;
    expect(atKill).toBeGreaterThanOrEqual(300);
    expect(atKill).toBeLessThan(1000);

    worker = await startWorker(env);
    // The row the dead worker held comes back once its claim expires: the stalled job (after
    // BullMQ's lock expires) or the next sweep, whichever comes first.
    await until(
      'every e-mail delivered',
      async () => {
        await t.api('/admin/reminders/sweep', authed(admin, 'POST', { now: at('2025-07-15') }));
        await waitForDrained({}, 90_000);
        return emailStates(db, obligationId);
      },
      (states) => states.delivered === 1000,
      120_000,
    );
    expectEachOnce(smtp, bodies, 1000);
  }, 240_000);
});

describe('Redis flushed in the middle of a delivery run', () => {
  // A Redis database of its own, so FLUSHDB touches nothing else.
  const redisUrl = `${process.env.REDIS_URL!.replace(/\/\d+$/, '')}/5`;
  let t: TestApp;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: ChildProcess | undefined;
  const env: Record<string, string> = {
    ALLOW_CLOCK_OVERRIDE: 'true',
    NOTIFY_CLAIM_SECONDS: '3',
    REDIS_URL: redisUrl,
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    env.SMTP_URL = smtp.url;
    t = await startTestApp({ env });
    db = t.app.get(DataSource);
    worker = await startWorker(env);
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await smtp?.close();
  });

  it('the next sweeps deliver every notification, none twice', async () => {
    const bodies = await createBodies(db);
    await addLeadUsers(db, bodies, 499);
    const task = await taskWithObligations(db, bodies, [
      { periodKey: 'flush', dueOn: '2025-05-13' },
    ]);
    const obligationId = task.obligations.flush!;
    const admin = await login(t, 'admin');
    const redis = new Redis(redisUrl);
    try {
      let flushed: Promise<unknown> | null = null;
      smtp.beforeAccept = (count) => {
        if (count >= 100 && !flushed) flushed = redis.flushdb();
      };
      const first = await t.api(
        '/admin/reminders/sweep',
        authed(admin, 'POST', { now: at('2025-05-13') }),
      );
      expect(((await first.json()) as { created: number }).created).toBeGreaterThanOrEqual(1000);
      await expect(rowCount(db, obligationId)).resolves.toBe(1000);
      await until(
        'the flush',
        async () => flushed,
        (f) => f !== null,
        60_000,
      );
      await flushed;
      smtp.beforeAccept = undefined;
      expect(await redis.dbsize()).toBeLessThan(1000); // the jobs are gone
      const states = await until(
        'every notification delivered',
        async () => {
          await t.api('/admin/reminders/sweep', authed(admin, 'POST', { now: at('2025-05-13') }));
          await waitForDrained({ REDIS_URL: redisUrl }, 60_000);
          const rows = (await db.query(
            `SELECT state, COUNT(*) AS n FROM notification WHERE obligation_id = ? GROUP BY state`,
            [obligationId],
          )) as { state: string; n: string }[];
          return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
        },
        (s) => s.delivered === 1000,
        90_000,
      );
      expect(states).toEqual({ delivered: 1000 });
      expectEachOnce(smtp, bodies, 500);
    } finally {
      redis.disconnect();
    }
  }, 180_000);
});
