import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { addDays, compareDates } from '../../src/common/dates.js';
import { UnitOfWork } from '../../src/database/unit-of-work.repository.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { JobName, QueueName } from '../../src/reminders/queues.js';
import { authed, bearer, login } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createBodies,
  rowsOf,
  startSmtp,
  startWorker,
  stopWorker,
  taskWithObligations,
  until,
  waitForDrained,
  type Bodies,
  type SmtpSink,
} from './reminder-fixtures.js';

const at = (day: string): string => `${day}T02:00:00Z`; // 09:00 in Hà Nội

describe('reminders: sweep, stages, channels (real worker, real SMTP)', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: SmtpSink;
  let worker: ChildProcess;
  let admin: string;
  let bodies: Bodies;
  let env: Record<string, string>;

  const sweep = async (day: string): Promise<{ created: number; enqueued: number }> => {
    const response = await t.api('/admin/reminders/sweep', authed(admin, 'POST', { now: at(day) }));
    expect(response.status).toBe(200);
    return (await response.json()) as { created: number; enqueued: number };
  };
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to === email);

  beforeAll(async () => {
    smtp = await startSmtp();
    env = {
      SMTP_URL: smtp.url,
      ALLOW_CLOCK_OVERRIDE: 'true',
      PUBLIC_URL: 'https://dondoc.test',
      NOTIFY_CLAIM_SECONDS: '5',
    };
    t = await startTestApp({ env });
    db = t.app.get(DataSource);
    worker = await startWorker(env);
    admin = await login(t, 'admin');
    bodies = await createBodies(db);
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await smtp?.close();
  });

  describe('each stage fires on its working day', () => {
    const tuesday = '2025-10-14';
    const saturday = '2025-10-18';
    const nationalDay = '2025-09-02';
    let ids: Record<string, string>;

    beforeAll(async () => {
      const task = await taskWithObligations(db, bodies, [
        { periodKey: 'tue', dueOn: tuesday },
        { periodKey: 'sat', dueOn: saturday },
        { periodKey: 'qk', dueOn: nationalDay },
      ]);
      ids = task.obligations;
      for (let day = '2025-08-25'; compareDates(day, '2025-10-30') <= 0; day = addDays(day, 1)) {
        await sweep(day);
      }
      await waitForDrained();
    }, 180_000);

    const firstDays = async (obligationId: string) => {
      const rows = (await db.query(
        `SELECT stage, MIN(fires_on) AS day FROM notification WHERE obligation_id = ?
         GROUP BY stage`,
        [obligationId],
      )) as { stage: string; day: string }[];
      return Object.fromEntries(rows.map((r) => [r.stage, r.day]));
    };

    it('a Tuesday deadline: 7 days, 1 day before, the day, +3, +10', async () => {
      await expect(firstDays(ids.tue!)).resolves.toEqual({
        due_soon_7: '2025-10-07',
        due_soon_1: '2025-10-13',
        due_today: '2025-10-14',
        overdue_3: '2025-10-17',
        overdue_10: '2025-10-24',
      });
    });

    it('a Saturday deadline: the day reminder on Friday (1 day before comes with it)', async () => {
      await expect(firstDays(ids.sat!)).resolves.toEqual({
        due_soon_7: '2025-10-10',
        due_today: '2025-10-17',
        overdue_3: '2025-10-21',
        overdue_10: '2025-10-28',
      });
    });

    it('2 September: the day reminder on the last working day before the holiday', async () => {
      await expect(firstDays(ids.qk!)).resolves.toEqual({
        due_soon_7: '2025-08-26',
        due_today: '2025-08-29',
        overdue_3: '2025-09-05',
        overdue_10: '2025-09-12',
      });
    });

    it('the lead hears every stage, the office and the inspector the escalations', async () => {
      const rows = await rowsOf(db, ids.tue!);
      const byUser = (userId: string, channel: string) =>
        rows.filter((r) => r.userId === userId && r.channel === channel).map((r) => r.stage);
      expect(byUser(bodies.leadUsers[0]!.id, 'email')).toHaveLength(5);
      expect(byUser(bodies.leadUsers[0]!.id, 'in_app')).toHaveLength(5);
      expect(byUser(bodies.officeUser.id, 'email')).toEqual(['overdue_3', 'overdue_10']);
      expect(byUser(bodies.inspectorUser.id, 'in_app')).toEqual(['overdue_3', 'overdue_10']);
      expect(rows.filter((r) => r.userId === bodies.officeUser.id).map((r) => r.kind)).toEqual(
        Array(4).fill('escalation'),
      );
      expect(rows.every((r) => r.state === 'delivered')).toBe(true);
    });

    it('sends one e-mail per row, in Vietnamese, saying when the deadline is a day off', async () => {
      const lead = bodies.leadUsers[0]!.email;
      expect(mailsTo(lead)).toHaveLength(5 + 4 + 4);
      expect(mailsTo(bodies.officeUser.email)).toHaveLength(6);
      expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length);
      const national = mailsTo(lead).find((m) =>
        m.subject.includes('Đến hạn báo cáo (02/09/2025)'),
      );
      expect(national?.text).toContain(
        'Hạn báo cáo 02/09/2025 rơi vào ngày nghỉ (Quốc khánh); thông báo được gửi vào ngày làm việc liền trước, 29/08/2025.',
      );
      expect(national?.text).toContain('Tổ chức quán triệt, triển khai nghị quyết');
      expect(national?.text).toContain('Văn bản: ');
      expect(national?.text).toContain('https://dondoc.test/tasks/');
      const escalation = mailsTo(bodies.officeUser.email)[0]!;
      expect(escalation.subject).toMatch(/^\[Đôn đốc\] Báo cáo quá hạn cần đôn đốc \(hạn /);
    });

    it('a second sweep with the same clock creates nothing and sends nothing', async () => {
      const before = smtp.mails.length;
      const again = await sweep('2025-10-24');
      expect(again.created).toBe(0);
      await waitForDrained();
      expect(smtp.mails.length).toBe(before);
    });
  });

  describe('cancellation', () => {
    it('a met obligation or a closed task cancels pending notifications; a job that runs anyway does nothing', async () => {
      const queue = new Queue(QueueName.Notifications, {
        connection: { url: process.env.REDIS_URL!, maxRetriesPerRequest: null },
        prefix: process.env.QUEUE_PREFIX!,
      });
      const other = await createBodies(db);
      const task = await taskWithObligations(db, other, [
        { periodKey: 'a', dueOn: '2025-11-04' },
        { periodKey: 'b', dueOn: '2025-11-04' },
      ]);
      const verifiedTask = await taskWithObligations(db, other, [
        { periodKey: 'c', dueOn: '2025-11-04' },
      ]);
      const notifications = t.app.get(NotificationsService);
      const uow = t.app.get(UnitOfWork);
      await queue.pause();
      try {
        await sweep('2025-11-04');
        // a: the reports service reports it met (rows cancelled before any job runs)
        await uow.run(async (tx) => {
          await tx.manager.query(`UPDATE obligation SET met_at = NOW(3) WHERE id = ?`, [
            task.obligations.a,
          ]);
          await notifications.obligationsMet(tx, [task.obligations.a!]);
        });
        // b: met behind the service's back: the job re-reads and cancels
        await db.query(`UPDATE obligation SET met_at = NOW(3) WHERE id = ?`, [task.obligations.b]);
        // c: its task verified
        await uow.run((tx) =>
          notifications.notifyTaskEvent(tx, {
            taskId: verifiedTask.taskId,
            event: 'verified',
            ref: '2',
          }),
        );
        await db.query(`UPDATE task SET status = 'verified' WHERE id = ?`, [verifiedTask.taskId]);
      } finally {
        await queue.resume();
      }
      await sweep('2025-11-04'); // enqueues the task event's rows
      await waitForDrained();
      await queue.close();
      for (const id of Object.values(task.obligations).concat(verifiedTask.obligations.c!)) {
        expect((await rowsOf(db, id)).map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
      }
      const mails = mailsTo(other.leadUsers[0]!.email);
      expect(mails.map((m) => m.subject)).toEqual([
        '[Đôn đốc] Nhiệm vụ đã được xác nhận hoàn thành: Tổ chức quán triệt, triển khai nghị quyết',
      ]);
    }, 60_000);
  });

  describe('daily digest', () => {
    it('one e-mail with every held item; none when there is nothing', async () => {
      const digestBodies = await createBodies(db, 2);
      const [reader, idle] = digestBodies.leadUsers as [
        { id: string; email: string },
        { id: string; email: string },
      ];
      await db.query(
        `INSERT INTO notification_preference (user_id, email_mode) VALUES (?, 'digest'), (?, 'digest')`,
        [reader.id, idle.id],
      );
      const task = await taskWithObligations(db, digestBodies, [
        { periodKey: 'd1', dueOn: '2025-12-02' },
        { periodKey: 'd2', dueOn: '2025-12-09' },
      ]);
      await sweep('2025-12-02'); // d1 due today, d2 due in 7 days
      await waitForDrained();
      // the idle user's rows go elsewhere: nothing is held for them
      await db.query(
        `UPDATE notification SET state = 'cancelled' WHERE user_id = ? AND channel = 'email'`,
        [idle.id],
      );
      expect(mailsTo(reader.email)).toHaveLength(0); // held, not sent
      const reminders = new Queue(QueueName.Reminders, {
        connection: { url: process.env.REDIS_URL!, maxRetriesPerRequest: null },
        prefix: process.env.QUEUE_PREFIX!,
      });
      try {
        const fanOut = async () => {
          await reminders.add(JobName.DigestFanOut, {});
          await until(
            'the fan-out job',
            () => reminders.getJobCounts('waiting', 'active'),
            (c) => c.waiting + c.active === 0,
          );
          await waitForDrained();
        };
        await fanOut();
        const mails = mailsTo(reader.email);
        expect(mails).toHaveLength(1);
        expect(mails[0]!.subject).toMatch(
          /^\[Đôn đốc\] Tổng hợp ngày \d\d\/\d\d\/\d{4}: 2 việc cần báo cáo$/,
        );
        expect(mails[0]!.text).toContain('Đến hạn báo cáo (02/12/2025)');
        expect(mails[0]!.text).toContain('Sắp đến hạn báo cáo (09/12/2025)');
        expect(mailsTo(idle.email)).toHaveLength(0);
        await fanOut(); // the same day again: nothing more
        expect(mailsTo(reader.email)).toHaveLength(1);
        const states = (await db.query(
          `SELECT DISTINCT state FROM notification WHERE user_id = ? AND channel = 'email'`,
          [reader.id],
        )) as { state: string }[];
        expect(states.map((s) => s.state)).toEqual(['delivered']);
        expect(task.obligations.d1).toBeDefined();
      } finally {
        await reminders.close();
      }
    }, 60_000);
  });

  describe('HTTP', () => {
    let agency: string;
    let other: string;
    let office: string;

    beforeAll(async () => {
      agency = await login(t, 'tuyengiao.hg');
      other = await login(t, 'bcsd.hg');
      office = await login(t, 'vanphong.hg');
    });

    it('GET /notifications lists the own delivered in-app notifications; read is own only', async () => {
      const task = await taskWithObligations(
        db,
        { leadOrgId: 'hg-ban-tuyen-giao', committee: 'Hà Giang' },
        [{ periodKey: 'http', dueOn: '2025-11-18' }],
      );
      await sweep('2025-11-18');
      await waitForDrained();
      const list = await t.api('/notifications?unread=true&pageSize=200', authed(agency, 'GET'));
      expect(list.status).toBe(200);
      const body = (await list.json()) as {
        items: { id: string; obligationId: string; title: string; readAt: string | null }[];
        unread: number;
      };
      const mine = body.items.find((i) => i.obligationId === task.obligations.http);
      expect(mine?.title).toBe(
        'Đến hạn báo cáo (18/11/2025): Tổ chức quán triệt, triển khai nghị quyết',
      );
      expect(mine?.readAt).toBeNull();

      const stranger = await t.api(`/notifications/${mine!.id}/read`, authed(other, 'POST'));
      expect(stranger.status).toBe(404);
      expect(((await stranger.json()) as { message: string }).message).toBe(
        'Không tìm thấy thông báo.',
      );
      await expect(
        t.api('/notifications/not-a-number/read', authed(agency, 'POST')).then((r) => r.status),
      ).resolves.toBe(404);

      const read = await t.api(`/notifications/${mine!.id}/read`, authed(agency, 'POST'));
      expect(read.status).toBe(200);
      expect(((await read.json()) as { readAt: string | null }).readAt).not.toBeNull();
      const after = (await (
        await t.api('/notifications?unread=true&pageSize=200', authed(agency, 'GET'))
      ).json()) as { items: { id: string }[]; unread: number };
      expect(after.items.some((i) => i.id === mine!.id)).toBe(false);
      expect(after.unread).toBe(body.unread - 1);
      await expect(t.api('/notifications').then((r) => r.status)).resolves.toBe(401);
    });

    it('PATCH /me/notification-preferences chooses immediate or digest', async () => {
      const bad = await t.api(
        '/me/notification-preferences',
        authed(agency, 'PATCH', { emailMode: 'weekly' }),
      );
      expect(bad.status).toBe(400);
      const set = await t.api(
        '/me/notification-preferences',
        authed(agency, 'PATCH', { emailMode: 'digest' }),
      );
      expect(set.status).toBe(200);
      await expect(set.json()).resolves.toMatchObject({ emailMode: 'digest', emailEnabled: true });
      const get = await t.api('/me/notification-preferences', authed(agency, 'GET'));
      await expect(get.json()).resolves.toMatchObject({ emailMode: 'digest' });
      await t.api(
        '/me/notification-preferences',
        authed(agency, 'PATCH', { emailMode: 'immediate' }),
      );
    });

    it('POST /admin/reminders/sweep: admin only; `now` only with ALLOW_CLOCK_OVERRIDE', async () => {
      const refused = await t.api('/admin/reminders/sweep', authed(office, 'POST', {}));
      expect(refused.status).toBe(403);
      const bad = await t.api(
        '/admin/reminders/sweep',
        authed(admin, 'POST', { now: 'yesterday' }),
      );
      expect(bad.status).toBe(400);
      const strict = await startTestApp({ env: { ...env, ALLOW_CLOCK_OVERRIDE: 'false' } });
      try {
        const token = await login(strict, 'admin');
        const withClock = await strict.api(
          '/admin/reminders/sweep',
          authed(token, 'POST', { now: at('2025-10-14') }),
        );
        expect(withClock.status).toBe(400);
        await expect(withClock.json()).resolves.toMatchObject({
          message: expect.stringContaining('ALLOW_CLOCK_OVERRIDE'),
        });
        const now = await strict.api('/admin/reminders/sweep', authed(token, 'POST', {}));
        expect(now.status).toBe(200);
        await expect(now.json()).resolves.toMatchObject({
          created: expect.any(Number),
          enqueued: expect.any(Number),
        });
      } finally {
        await strict.close();
      }
    });

    it('bull-board at /queues wants an admin bearer token', async () => {
      await expect(fetch(`${t.baseUrl}/queues`).then((r) => r.status)).resolves.toBe(401);
      await expect(
        fetch(`${t.baseUrl}/queues`, { headers: bearer(office) }).then((r) => r.status),
      ).resolves.toBe(403);
      const ok = await fetch(`${t.baseUrl}/queues/api/queues`, { headers: bearer(admin) });
      expect(ok.status).toBe(200);
      const names = ((await ok.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
      expect(names).toEqual(expect.arrayContaining(['notifications', 'reminders']));
    });

    it('/metrics shows the depth of the reminder queues', async () => {
      const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
      expect(text).toMatch(/queue_jobs\{queue="notifications",state="waiting"\} \d+/);
      expect(text).toMatch(/queue_jobs\{queue="reminders",state="delayed"\} \d+/);
    });
  });
});
