import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { authed, login } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createBodies,
  startWorker,
  stopWorker,
  taskWithObligations,
  until,
  waitForDrained,
} from './reminder-fixtures.js';

// Webhooks may not be aimed at the service's neighbours: loopback and private networks are
// refused unless the install allows them (WEBHOOK_ALLOW_PRIVATE_NETWORKS), reserved and
// link-local addresses (cloud metadata) always; at subscription and again at each delivery.

describe('webhook targets (private networks not allowed)', () => {
  const env = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false', ALLOW_CLOCK_OVERRIDE: 'true' };
  let t: TestApp;
  let db: DataSource;
  let worker: ChildProcess;
  let receiver: Server;
  let receiverUrl: string;
  let hits = 0;
  let admin: string;
  let office: string;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      hits += 1;
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    t = await startTestApp({ env });
    db = t.app.get(DataSource);
    worker = await startWorker(env);
    admin = await login(t, 'admin');
    office = await login(t, 'vanphong.hg');
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const count = async (sql: string): Promise<number> =>
    Number(((await db.query(sql)) as { n: number | string }[])[0]!.n);

  it.each([
    ['loopback', 'http://127.0.0.1:9/x', /mạng nội bộ/, /private/],
    ['a name for loopback', 'http://localhost:9/x', /mạng nội bộ/, /private/],
    ['IPv6 loopback', 'http://[::1]:9/x', /mạng nội bộ/, /private/],
    ['IPv4 loopback written as IPv6', 'http://[::ffff:127.0.0.1]/x', /mạng nội bộ/, /private/],
    ['a private network', 'https://10.20.30.40/hook', /mạng nội bộ/, /private/],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data', /dành riêng/, /reserved/],
    ['"this host"', 'http://0.0.0.0:6379/', /dành riêng/, /reserved/],
  ])('refuses %s with 400 naming url, and writes nothing', async (_what, url, vi, en) => {
    const subscriptions = await count('SELECT COUNT(*) AS n FROM webhook_subscription');
    const events = await count('SELECT COUNT(*) AS n FROM audit_event');
    const response = await t.api('/webhooks', authed(office, 'POST', { url }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      messageEn: string;
      fields: { field: string; message: string; messageEn: string }[];
    };
    expect(body.fields).toHaveLength(1);
    expect(body.fields[0]!.field).toBe('url');
    expect(body.fields[0]!.message).toMatch(vi);
    expect(body.fields[0]!.messageEn).toMatch(en);
    expect(await count('SELECT COUNT(*) AS n FROM webhook_subscription')).toBe(subscriptions);
    expect(await count('SELECT COUNT(*) AS n FROM audit_event')).toBe(events);
  });

  it('the worker refuses to deliver to a subscription that names a refused address', async () => {
    // As if made while the install allowed private networks, since turned off.
    const bodies = await createBodies(db);
    const subscriptionId = randomUUID();
    await db.query(
      `INSERT INTO webhook_subscription (id, url, secret, committee, created_by)
       VALUES (?, ?, ?, ?, ?)`,
      [subscriptionId, `${receiverUrl}/hook`, 'a'.repeat(64), bodies.committee, randomUUID()],
    );
    await taskWithObligations(db, bodies, [{ periodKey: 'ssrf', dueOn: '2025-06-17' }]);
    const sweep = await t.api(
      '/admin/reminders/sweep',
      authed(admin, 'POST', { now: '2025-06-17T02:00:00Z' }),
    );
    expect(sweep.status).toBe(200);

    const failed = await until(
      'the delivery to be refused',
      async () =>
        (await db.query(
          'SELECT state, attempts, last_error AS lastError FROM webhook_delivery WHERE subscription_id = ?',
          [subscriptionId],
        )) as { state: string; attempts: number; lastError: string | null }[],
      (rows) => rows.length > 0 && rows.every((row) => (row.lastError ?? '').includes('refused')),
    );
    expect(failed[0]!.lastError).toContain('127.0.0.1 refused: private');
    await db.query('UPDATE webhook_subscription SET active = 0 WHERE id = ?', [subscriptionId]);
    await waitForDrained();
    expect(hits).toBe(0);
  }, 60_000);
});
