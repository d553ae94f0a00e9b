import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { authed, login } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { taskWithObligations } from './reminder-fixtures.js';

describe('GET /calendar.ics', () => {
  let t: TestApp;
  let db: DataSource;
  let agency: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://dondoc.test' } });
    db = t.app.get(DataSource);
    agency = await login(t, 'tuyengiao.hg');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('serves the own deadlines with a revocable token, not the login token', async () => {
    // A Saturday deadline far enough ahead to stay in the feed whatever today is.
    const task = await taskWithObligations(
      db,
      { leadOrgId: 'hg-ban-tuyen-giao', committee: 'Hà Giang' },
      [{ periodKey: 'ics', dueOn: '2099-12-19' }],
    );
    await expect(
      t.api('/me/calendar-token', { method: 'POST' }).then((r) => r.status),
    ).resolves.toBe(401);
    const created = await t.api('/me/calendar-token', authed(agency, 'POST'));
    expect(created.status).toBe(201);
    const { token, url } = (await created.json()) as { token: string; url: string };
    expect(url).toBe(`https://dondoc.test/api/v1/calendar.ics?token=${token}`);

    const feed = await t.api(`/calendar.ics?token=${token}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:obligation-${task.obligations.ics}@dondoc`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20991219');
    expect(ics).toContain('SUMMARY:Hạn báo cáo: Báo cáo kỳ ics – Tổ chức quán triệt');
    expect(ics).toContain('ngày nghỉ: thứ Bảy');
    // 08:00 in Hà Nội on the reminders' working days (7 days before moves to Friday 11/12;
    // 1 day before and the day come together on Friday 18/12: one alarm).
    // (Other suites of the run give this body deadlines too: read this obligation's event only.)
    const event = ics
      .split('BEGIN:VEVENT')
      .find((block) => block.includes(`UID:obligation-${task.obligations.ics}@dondoc`));
    expect(event?.match(/TRIGGER;VALUE=DATE-TIME:\d{8}T\d{6}Z/g)).toEqual([
      'TRIGGER;VALUE=DATE-TIME:20991211T010000Z',
      'TRIGGER;VALUE=DATE-TIME:20991218T010000Z',
    ]);

    // Another user's feed does not hold it.
    const otherToken = (await (
      await t.api('/me/calendar-token', authed(await login(t, 'bcsd.hg'), 'POST'))
    ).json()) as { token: string };
    const otherIcs = await (await t.api(`/calendar.ics?token=${otherToken.token}`)).text();
    expect(otherIcs).not.toContain(task.obligations.ics!);

    await expect(t.api('/calendar.ics').then((r) => r.status)).resolves.toBe(401);
    await expect(t.api(`/calendar.ics?token=${agency}`).then((r) => r.status)).resolves.toBe(401);
    await expect(
      t.api(`/calendar.ics?token=${'x'.repeat(43)}`).then((r) => r.status),
    ).resolves.toBe(404);

    // A new token replaces the old; revoking ends it.
    const second = (await (await t.api('/me/calendar-token', authed(agency, 'POST'))).json()) as {
      token: string;
    };
    await expect(t.api(`/calendar.ics?token=${token}`).then((r) => r.status)).resolves.toBe(404);
    await expect(t.api(`/calendar.ics?token=${second.token}`).then((r) => r.status)).resolves.toBe(
      200,
    );
    await expect(
      t.api('/me/calendar-token', authed(agency, 'DELETE')).then((r) => r.status),
    ).resolves.toBe(204);
    await expect(t.api(`/calendar.ics?token=${second.token}`).then((r) => r.status)).resolves.toBe(
      404,
    );
    await expect(
      t.api('/me/calendar-token', authed(agency, 'DELETE')).then((r) => r.status),
    ).resolves.toBe(404);
  });
});
