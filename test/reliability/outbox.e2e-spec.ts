import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { bearer, login, uniqueName } from '../helpers/auth.js';
import { waitForExit, waitForOutput } from '../helpers/processes.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createTask } from '../factories/task.factory.js';
import { freePort, until } from './processes.js';

const TUYEN_GIAO = 'hg-ban-tuyen-giao';

// The transactional outbox with a Redis of the test's own, stopped and started again: a
// report is accepted while Redis is away, health says degraded, and the office's notification
// goes out once Redis is back (through the API's relay and a real worker), exactly once.
describe('reports while Redis is away (transactional outbox)', () => {
  let port: number;
  let redis: ChildProcess | null = null;
  let worker: ChildProcess;
  let t: TestApp;
  let db: DataSource;
  let agency: string;
  let office: string;

  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await waitForOutput(redis, /Ready to accept connections/, 10_000);
    redis.stdout?.resume();
  };
  const stopRedis = async () => {
    const r = redis!;
    redis = null;
    r.kill('SIGKILL');
    await waitForExit(r, 10_000);
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    const redisUrl = `redis://127.0.0.1:${port}`;
    t = await startTestApp({ env: { REDIS_URL: redisUrl, OUTBOX_POLL_MS: '250' } });
    db = t.app.get(DataSource);
    worker = spawn(process.execPath, [process.env.REMINDERS_WORKER_ENTRY ?? 'dist/worker.js'], {
      env: { ...process.env, LOG_LEVEL: 'info', REDIS_URL: redisUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(worker, /worker ready/, 30_000);
    worker.stdout?.resume();
    worker.stderr?.resume();
    [agency, office] = await Promise.all([login(t, 'tuyengiao.hg'), login(t, 'vanphong.hg')]);
  }, 60_000);

  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await waitForExit(worker, 20_000).catch(() => undefined);
    await t?.close();
    if (redis) await stopRedis();
  }, 40_000);

  const report = async (taskId: string, narrative: string) => {
    const response = await t.api(`/tasks/${taskId}/reports`, {
      method: 'POST',
      headers: bearer(agency, {
        'content-type': 'application/json',
        'idempotency-key': uniqueName('outbox-'),
      }),
      body: JSON.stringify({ percent: 30, narrative }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  /** The office's in-app notifications about the task's reports. */
  const officeNotices = async (taskId: string) => {
    const response = await t.api('/notifications?pageSize=100', { headers: bearer(office) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { kind: string; taskId: string | null }[] };
    return body.items.filter((n) => n.taskId === taskId && n.kind === 'report');
  };

  const pendingOutbox = async () =>
    Number(
      ((await db.query('SELECT COUNT(*) AS n FROM outbox')) as { n: string | number }[])[0]!.n,
    );

  it('accepts a report without Redis, reports degraded health, and delivers once Redis is back', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });

    // Redis up: the notification goes out within seconds, without waiting for a sweep.
    await report(task.taskId, 'Báo cáo khi Redis hoạt động bình thường.');
    await until(
      'first notification',
      () => officeNotices(task.taskId),
      (items) => items.length === 1,
      20_000,
    );

    await stopRedis();
    const degraded = await until(
      'degraded health',
      async () => {
        const r = await t.api('/health');
        return { code: r.status, ...((await r.json()) as { status: string; redis: string }) };
      },
      (h) => h.code === 200 && h.status === 'degraded',
      10_000,
    );
    expect(degraded).toMatchObject({ db: 'up', redis: 'down' });

    const startedAt = Date.now();
    const second = await report(task.taskId, 'Báo cáo gửi khi Redis đang ngừng.');
    // Accepted promptly: the request does not wait for Redis.
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const rows = (await db.query("SELECT payload FROM outbox WHERE job_name = 'task-event'")) as {
      payload: string;
    }[];
    expect(rows.some((r) => r.payload.includes(second))).toBe(true);
    const health = (await (await t.api('/health')).json()) as {
      outbox: { pending: number };
    };
    expect(health.outbox.pending).toBeGreaterThanOrEqual(1);

    await startRedis();
    await until('outbox drained', pendingOutbox, (n) => n === 0, 30_000);
    const notices = await until(
      'second notification',
      () => officeNotices(task.taskId),
      (items) => items.length >= 2,
      30_000,
    );
    // Once each: the relay and the job are idempotent.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await officeNotices(task.taskId)).toHaveLength(notices.length);
    expect(notices).toHaveLength(2);
    const [counts] = (await db.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT event_key, user_id, channel) AS distinctN
       FROM notification WHERE task_id = ? AND kind = 'report'`,
      [task.taskId],
    )) as { n: string | number; distinctN: string | number }[];
    expect(Number(counts!.n)).toBe(Number(counts!.distinctN));
    const after = await t.api('/health');
    expect(after.status).toBe(200);
    await expect(after.json()).resolves.toMatchObject({ status: 'ok', redis: 'up' });
  }, 120_000);
});
