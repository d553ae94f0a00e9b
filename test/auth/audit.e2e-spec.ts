import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { authed, bearer, login, uniqueName } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  let inspector: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
    inspector = await login(t, 'ubkt.hg');
  });
  afterAll(() => t.close());

  it('verifies the chain after writes, concurrent ones included', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.api(
          '/users',
          authed(admin, 'POST', {
            username: uniqueName(`audit${i}.`),
            displayName: 'Người thử nhật ký',
            password: 'password-123',
            role: 'agency',
            organizationId: 'hg-ban-dan-van',
          }),
        ),
      ),
    );
    const response = await t.api('/audit/verify', { headers: bearer(inspector) });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; events: number; firstBrokenId: null };
    expect(result).toMatchObject({ ok: true, firstBrokenId: null });
    expect(result.events).toBeGreaterThanOrEqual(8);
  });

  it('refuses UPDATE and DELETE on the log in the database itself', async () => {
    const db = await mysql.createConnection({ uri: process.env.DATABASE_URL });
    try {
      await expect(
        db.query("UPDATE audit_event SET action = 'x' ORDER BY id LIMIT 1"),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_event ORDER BY id DESC LIMIT 1')).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await db.end();
    }
  });
});
