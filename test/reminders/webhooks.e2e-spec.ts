import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook,
} from '../../src/notifications/webhook-signature.js';
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

const at = (day: string): string => `${day}T02:00:00Z`;

interface Received {
  path: string;
  deliveryId: string;
  body: { obligationId: string | null; stage: string | null; kind: string; event: string };
  validSignature: boolean;
  status: number;
}

/**
 * A receiver on 127.0.0.1: /ok accepts, /flaky fails a delivery of the obligation under test
 * 3 times then accepts it, /down always fails.
 */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  secrets: Map<string, string>;
  state: { flakyObligation: string };
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const secrets = new Map<string, string>();
  const flakyCalls = new Map<string, number>();
  const state = { flakyObligation: '' };
  const read = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (data += chunk));
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer((req, res) => {
    void read(req).then((raw) => {
      const path = req.url ?? '';
      const secret = secrets.get(path) ?? '';
      const validSignature = verifyWebhook(
        secret,
        String(req.headers[TIMESTAMP_HEADER]),
        raw,
        String(req.headers[SIGNATURE_HEADER]),
      );
      let status = validSignature ? 204 : 401;
      const delivery = String(req.headers[DELIVERY_HEADER]);
      const calls = (flakyCalls.get(delivery) ?? 0) + 1;
      if (path === '/flaky') flakyCalls.set(delivery, calls);
      // Only the deliveries of the obligation under test fail: reminders of other suites' data
      // reach this subscription too, and their failures would count towards disabling it.
      const body = JSON.parse(raw) as Received['body'];
      if (path === '/flaky' && body.obligationId === state.flakyObligation && calls <= 3) {
        status = 500;
      }
      if (path === '/down') status = 503;
      received.push({
        path,
        deliveryId: String(req.headers[DELIVERY_HEADER]),
        body,
        validSignature,
        status,
      });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    secrets,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhooks', () => {
  let t: TestApp;
  let db: DataSource;
  let worker: ChildProcess;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: string;
  let office: string;
  let agency: string;
  const env: Record<string, string> = {
    ALLOW_CLOCK_OVERRIDE: 'true',
    WEBHOOK_BACKOFF_MS: '50',
    WEBHOOK_MAX_FAILURES: '4',
    WEBHOOK_ATTEMPTS: '6',
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ env });
    db = t.app.get(DataSource);
    worker = await startWorker(env);
    admin = await login(t, 'admin');
    office = await login(t, 'vanphong.hg');
    agency = await login(t, 'tuyengiao.hg');
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await receiver?.close();
  });

  const subscribe = async (token: string, path: string) => {
    const response = await t.api(
      '/webhooks',
      authed(token, 'POST', { url: `${receiver.url}${path}` }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      id: string;
      secret: string;
      committee: string | null;
    };
    receiver.secrets.set(path, body.secret);
    return body;
  };

  it('refuses agencies (403), bad URLs (400); an office sees its committee only', async () => {
    await expect(t.api('/webhooks', authed(agency, 'GET')).then((r) => r.status)).resolves.toBe(
      403,
    );
    await expect(
      t
        .api('/webhooks', authed(agency, 'POST', { url: 'http://127.0.0.1/x' }))
        .then((r) => r.status),
    ).resolves.toBe(403);
    await expect(
      t.api('/webhooks', authed(office, 'POST', { url: 'ftp://example' })).then((r) => r.status),
    ).resolves.toBe(400);
    const own = await subscribe(office, '/office-only');
    expect(own.committee).toBe('Hà Giang');
    expect(own.secret).toMatch(/^[0-9a-f]{64}$/);
    const listed = (await (await t.api('/webhooks', authed(office, 'GET'))).json()) as {
      items: { id: string; committee: string | null; secret?: string }[];
    };
    expect(listed.items.every((s) => s.committee === 'Hà Giang')).toBe(true);
    expect(listed.items.some((s) => 'secret' in s)).toBe(false);
    const deleted = await t.api(`/webhooks/${own.id}`, authed(office, 'DELETE'));
    expect(deleted.status).toBe(204);
    await expect(
      t.api(`/webhooks/${own.id}`, authed(office, 'DELETE')).then((r) => r.status),
    ).resolves.toBe(404);
  });

  it('signs each delivery; a receiver failing 3 times then succeeding accepts exactly one; a dead one is disabled with an audit event', async () => {
    const bodies = await createBodies(db);
    const ok = await subscribe(admin, '/ok');
    const flaky = await subscribe(admin, '/flaky');
    const down = await subscribe(admin, '/down');
    const task = await taskWithObligations(db, bodies, [{ periodKey: 'wh', dueOn: '2025-06-17' }]);
    const obligationId = task.obligations.wh!;
    receiver.state.flakyObligation = obligationId;
    const sweep = () =>
      t.api('/admin/reminders/sweep', authed(admin, 'POST', { now: at('2025-06-17') }));
    await sweep();
    await waitForDrained();
    await sweep(); // a second sweep: no second delivery
    await waitForDrained();
    const mine = (path: string) =>
      receiver.received.filter((r) => r.path === path && r.body.obligationId === obligationId);

    expect(mine('/ok').map((r) => [r.status, r.validSignature, r.body.stage])).toEqual([
      [204, true, 'due_today'],
    ]);
    expect(mine('/flaky').map((r) => r.status)).toEqual([500, 500, 500, 204]);
    expect(new Set(mine('/flaky').map((r) => r.deliveryId)).size).toBe(1);

    const downSub = await until(
      'the failing subscription to be disabled',
      async () =>
        (
          (await (await t.api('/webhooks', authed(admin, 'GET'))).json()) as {
            items: { id: string; active: boolean; consecutiveFailures: number }[];
          }
        ).items.find((s) => s.id === down.id),
      (s) => s?.active === false,
    );
    expect(downSub?.consecutiveFailures).toBeGreaterThanOrEqual(4);
    const audit = (await db.query(
      `SELECT action, actor_id AS actorId FROM audit_event WHERE entity_id = ? ORDER BY id`,
      [down.id],
    )) as { action: string; actorId: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.disabled']);

    // Once disabled it receives nothing more.
    const before = receiver.received.filter((r) => r.path === '/down').length;
    const later = await taskWithObligations(db, bodies, [
      { periodKey: 'wh2', dueOn: '2025-06-24' },
    ]);
    await t.api('/admin/reminders/sweep', authed(admin, 'POST', { now: at('2025-06-24') }));
    await waitForDrained();
    expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(before);
    expect(
      receiver.received.filter(
        (r) => r.path === '/ok' && r.body.obligationId === later.obligations.wh2,
      ),
    ).toHaveLength(1);

    for (const s of [ok, flaky, down]) {
      await expect(
        t.api(`/webhooks/${s.id}`, authed(admin, 'DELETE')).then((r) => r.status),
      ).resolves.toBe(204);
    }
  }, 60_000);
});
