import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { authed, bearer, login, uniqueName } from '../helpers/auth.js';
import { jsonBody, startTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  messageEn: string;
  fields?: { field: string }[];
}

describe('auth', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
  });
  afterAll(() => t.close());

  it('logs a demo user in and says who they are', async () => {
    const response = await t.api(
      '/auth/login',
      jsonBody({ username: 'tuyengiao.hg', password: 'demo12345' }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      accessToken: string;
      expiresIn: number;
      user: Record<string, unknown>;
    };
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.expiresIn).toBe(8 * 3600);
    expect(body.user).toMatchObject({
      username: 'tuyengiao.hg',
      role: 'agency',
      organization: { id: 'hg-ban-tuyen-giao', name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang' },
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    const me = await t.api('/me', { headers: bearer(body.accessToken) });
    expect(me.status).toBe(200);
    await expect(me.json()).resolves.toMatchObject({ username: 'tuyengiao.hg', role: 'agency' });
  });

  it('answers a wrong password and an unknown user with the same words', async () => {
    const wrong = await t.api(
      '/auth/login',
      jsonBody({ username: 'ubkt.hg', password: 'nope-nope' }),
    );
    const unknown = await t.api(
      '/auth/login',
      jsonBody({ username: uniqueName('ghost'), password: 'nope-nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as ErrorBody;
    const b = (await unknown.json()) as ErrorBody;
    expect(a.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(b.message).toBe(a.message);
    expect(b.messageEn).toBe(a.messageEn);
  });

  it('names the missing login fields', async () => {
    const response = await t.api('/auth/login', jsonBody({ username: 'admin' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect([...new Set(body.fields?.map((f) => f.field))]).toEqual(['password']);
  });

  it('refuses a request without a token, with a forged one and with an expired one', async () => {
    expect((await t.api('/me')).status).toBe(401);
    expect((await t.api('/me', { headers: bearer('not.a.token') })).status).toBe(401);
    const forged = await new JwtService({
      secret: 'someone-else-secret-of-enough-length',
    }).signAsync({
      sub: 'x',
      role: 'admin',
      org: 'hg-tinh-uy',
      username: 'admin',
    });
    expect((await t.api('/me', { headers: bearer(forged) })).status).toBe(401);
    const me = (await (await t.api('/me', { headers: bearer(admin) })).json()) as { id: string };
    const expired = await t.app
      .get(JwtService)
      .signAsync(
        { sub: me.id, role: 'admin', org: 'hg-tinh-uy', username: 'admin' },
        { expiresIn: -10 },
      );
    const response = await t.api('/me', { headers: bearer(expired) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).message).toContain('hết hạn');
  });

  it('answers 403 when the role may not call the route', async () => {
    const office = await login(t, 'vanphong.hg');
    const response = await t.api('/users', { headers: bearer(office) });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).message).toBe(
      'Vai trò của bạn không được phép thực hiện thao tác này.',
    );
    expect(
      (await t.api('/audit/verify', { headers: bearer(await login(t, 'bcsd.hg')) })).status,
    ).toBe(403);
  });

  it('locks a name after repeated failures, even with the right password, and says so', async () => {
    const username = uniqueName('lock.');
    const created = await t.api(
      '/users',
      authed(admin, 'POST', {
        username,
        displayName: 'Người thử khóa',
        password: 'correct-horse',
        role: 'agency',
        organizationId: 'hg-ban-dan-van',
      }),
    );
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i += 1) {
      const r = await t.api('/auth/login', jsonBody({ username, password: 'wrong-password' }));
      expect(r.status).toBe(401);
    }
    const locked = await t.api('/auth/login', jsonBody({ username, password: 'correct-horse' }));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as ErrorBody).message).toContain('tạm khóa');
    // A name that does not exist locks the same way: the lock tells nothing about accounts.
    const ghost = uniqueName('ghost.');
    for (let i = 0; i < 5; i += 1)
      await t.api('/auth/login', jsonBody({ username: ghost, password: 'x' }));
    expect((await t.api('/auth/login', jsonBody({ username: ghost, password: 'x' }))).status).toBe(
      429,
    );
  });

  it('stops a deactivated user at once', async () => {
    const username = uniqueName('off.');
    const created = await t.api(
      '/users',
      authed(admin, 'POST', {
        username,
        displayName: 'Người bị khóa',
        password: 'password-123',
        role: 'agency',
        organizationId: 'hg-ban-to-chuc',
      }),
    );
    const user = (await created.json()) as { id: string };
    const token = await login(t, username, 'password-123');
    expect((await t.api('/me', { headers: bearer(token) })).status).toBe(200);
    const off = await t.api(`/users/${user.id}`, authed(admin, 'PATCH', { active: false }));
    expect(off.status).toBe(200);
    // The guard's cache holds a user for a few seconds; a fresh app reads the row directly.
    const fresh = await startTestApp();
    try {
      expect((await fresh.api('/me', { headers: bearer(token) })).status).toBe(401);
      expect(
        (await fresh.api('/auth/login', jsonBody({ username, password: 'password-123' }))).status,
      ).toBe(401);
    } finally {
      await fresh.close();
    }
  });
});

describe('users (admin)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
  });
  afterAll(() => t.close());

  it('lists users without their password hashes, paginated', async () => {
    const response = await t.api('/users?pageSize=2', { headers: bearer(admin) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: Record<string, unknown>[];
      total: number;
      pageSize: number;
    };
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(body.pageSize).toBe(2);
    for (const user of body.items) expect(user).not.toHaveProperty('passwordHash');
  });

  it('refuses a taken username (409), an unknown organization and a short password (400)', async () => {
    const taken = await t.api(
      '/users',
      authed(admin, 'POST', {
        username: 'admin',
        displayName: 'X Y',
        password: 'password-1',
        role: 'admin',
        organizationId: 'hg-tinh-uy',
      }),
    );
    expect(taken.status).toBe(409);
    const badOrg = await t.api(
      '/users',
      authed(admin, 'POST', {
        username: uniqueName('u.'),
        displayName: 'X Y',
        password: 'password-1',
        role: 'agency',
        organizationId: 'no-such-body',
      }),
    );
    expect(badOrg.status).toBe(400);
    expect(((await badOrg.json()) as ErrorBody).fields?.[0].field).toBe('organizationId');
    const weak = await t.api(
      '/users',
      authed(admin, 'POST', {
        username: uniqueName('u.'),
        displayName: 'X Y',
        password: 'short',
        role: 'superuser',
        organizationId: 'hg-tinh-uy',
      }),
    );
    expect(weak.status).toBe(400);
    expect(
      [...new Set(((await weak.json()) as ErrorBody).fields?.map((f) => f.field))].sort(),
    ).toEqual(['password', 'role']);
  });

  it('answers 404 for a user that does not exist', async () => {
    const response = await t.api(
      '/users/00000000-0000-4000-8000-000000000000',
      authed(admin, 'PATCH', { displayName: 'Không ai' }),
    );
    expect(response.status).toBe(404);
    expect(
      (await t.api('/users/not-a-uuid', authed(admin, 'PATCH', { displayName: 'A B' }))).status,
    ).toBe(404);
  });
});
