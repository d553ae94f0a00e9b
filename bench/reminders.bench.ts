// Reminders at scale: one sweep over 100,000 obligations due the same day (set-based INSERT …
// SELECT, then enqueueing a delivery job per row), then in-app delivery of those jobs by a
// BullMQ worker, beside raw BullMQ no-op jobs/s measured in the same run on the same Redis
// with the same concurrency. Goals: sweep < 60 s; delivery ≥ 0.5 × the no-op rate. The no-op
// rate is measured before and after the delivery and the faster of the two is the baseline, so
// a machine that got busier meanwhile does not flatter the ratio; before each timed phase the
// database is let settle (purge and page flushing of the previous phase's writes).
// Uses its own database (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/dondoc_bench_rem)
// and queue prefix (BENCH_QUEUE_PREFIX, default dondoc_bench_rem), and cleans both first. Run:
//
//   npx tsc --ignoreConfig --outDir node_modules/.cache/dondoc-bench-rem --rootDir . --module nodenext \
//     --moduleResolution nodenext --target es2023 --experimentalDecorators --types node \
//     --emitDecoratorMetadata --esModuleInterop --skipLibCheck --resolveJsonModule \
//     bench/reminders.bench.ts &&
//   node node_modules/.cache/dondoc-bench-rem/bench/reminders.bench.js
//
// BENCH_OBLIGATIONS (default 100000), BENCH_CONCURRENCY (default: the service's NOTIFY_CONCURRENCY), BENCH_POOL (MySQL
// connections, default 20), BENCH_TIMEOUT_S (default 300; the run stops there).
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../config/data-source.js';
import { loadConfig } from '../src/config/app-config.js';
import { ensureDatabase, probeServer } from '../src/database/ensure-database.js';
import { MailerService } from '../src/notifications/mailer.service.js';
import { NotificationQueue } from '../src/notifications/notification-queue.service.js';
import { NotificationsRepository } from '../src/notifications/notifications.repository.js';
import { ReminderSweepService } from '../src/notifications/reminder-sweep.service.js';
import { ReminderRules } from '../src/notifications/working-calendar.provider.js';
import { DeliverNotificationJob } from '../src/reminders/jobs/deliver-notification.job.js';
import { QueueName } from '../src/reminders/queues.js';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dondoc_bench_rem';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const N = Number(process.env.BENCH_OBLIGATIONS ?? 100_000);
const POOL = Number(process.env.BENCH_POOL ?? 20);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 300) * 1000;
const PREFIX = process.env.BENCH_QUEUE_PREFIX ?? 'dondoc_bench_rem';
const COMMITTEE = 'BenchRem';
const DUE = '2025-10-14'; // a Tuesday: the due_today stage, lead users, in-app only
const BODIES = 1000;

const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
const started = Date.now();
const log = (line: string): void =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);

function assertTime(what: string): void {
  if (Date.now() - started > TIMEOUT_MS) throw new Error(`bench timed out during ${what}`);
}

// 0 … 10^digits - 1 from a cross join of digits: portable to MySQL 8 and MariaDB.
function numbers(digits: number): string {
  const d = (k: number) =>
    `(SELECT 0 AS v UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d${k}`;
  const parts = Array.from({ length: digits }, (_, k) => d(k));
  const expr = Array.from({ length: digits }, (_, k) => `d${k}.v * ${10 ** k}`).join(' + ');
  return `SELECT ${expr} AS i FROM ${parts.join(' CROSS JOIN ')}`;
}

const uuid = (prefix: string, expr: string) => `CONCAT('${prefix}', LPAD(HEX(${expr}), 12, '0'))`;

async function fill(db: DataSource): Promise<void> {
  for (const table of ['notification', 'webhook_delivery', 'notification_digest']) {
    await db.query(`TRUNCATE TABLE ${table}`);
  }
  await db.query(`DELETE FROM obligation WHERE task_id LIKE 'bbbbbbbb-%'`);
  await db.query(`DELETE FROM task WHERE committee = ?`, [COMMITTEE]);
  await db.query(`DELETE FROM app_user WHERE username LIKE 'benchrem.%'`);
  await db.query(`DELETE FROM organization WHERE province = ?`, [COMMITTEE]);
  await db.query(`DELETE FROM clause WHERE id = 'cccccccc-0000-4000-8000-000000000001'`);
  await db.query(`DELETE FROM document WHERE id = 'dddddddd-0000-4000-8000-000000000001'`);
  await db.query(
    `INSERT INTO organization (id, name, short_name, aliases, kind, level, province, group_tags, successors)
     SELECT CONCAT('benchrem-', n.i), CONCAT('Cơ quan ', n.i), CONCAT('CQ ', n.i), '[]', 'ban',
            'tinh', ?, '[]', '[]'
     FROM (${numbers(3)}) n`,
    [COMMITTEE],
  );
  await db.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, organization_id, active)
     SELECT ${uuid('aaaaaaaa-0000-4000-8000-', 'n.i')}, CONCAT('benchrem.', n.i),
            CONCAT('Người dùng ', n.i), 'x', 'agency', CONCAT('benchrem-', n.i), 1
     FROM (${numbers(3)}) n`,
  );
  await db.query(
    `INSERT INTO document (id, source_id, index_in_source, committee, kind, number, title, is_draft,
       status, text_start, text_end, recipients_json, warnings_json, created_by, published_at)
     VALUES ('dddddddd-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000002', 0, ?,
       'NQ', '99-NQ/TU', 'Nghị quyết đo hiệu năng', 0, 'published', 0, 1, '[]', '[]',
       '00000000-0000-4000-8000-000000000000', NOW(3))`,
    [COMMITTEE],
  );
  await db.query(
    `INSERT INTO clause (id, document_id, position, section, ordinal, text, text_start, text_end,
       leads_json, coordinators_json, report_to_json, actions_json, cadence, milestones_json, deadlines_json)
     VALUES ('cccccccc-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000001', 1,
       'IV', '1', 'Đo hiệu năng.', 0, 1, '[]', '[]', '[]', '[]', 'once', '[]', '[]')`,
  );
  const digits = Math.ceil(Math.log10(N));
  await db.query(
    `INSERT INTO task (id, document_id, clause_id, origin, committee, lead_org_id, lead_name, title,
       report_to_json, coordinators_json, cadence, milestones_json, due_on, status)
     SELECT ${uuid('bbbbbbbb-0000-4000-8000-', 'n.i')}, 'dddddddd-0000-4000-8000-000000000001',
            'cccccccc-0000-4000-8000-000000000001', 'clause', ?, CONCAT('benchrem-', n.i % ${BODIES}),
            'x', CONCAT('Nhiệm vụ ', n.i), '[]', '[]', 'once', '[]', ?, 'in_progress'
     FROM (${numbers(digits)}) n WHERE n.i < ?`,
    [COMMITTEE, DUE, N],
  );
  await db.query(
    `INSERT INTO obligation (id, task_id, period_key, kind, due_on, label_vi)
     SELECT ${uuid('eeeeeeee-0000-4000-8000-', 'n.i')}, ${uuid('bbbbbbbb-0000-4000-8000-', 'n.i')},
            'deadline', 'deadline', ?, 'Báo cáo kết quả'
     FROM (${numbers(digits)}) n WHERE n.i < ?`,
    [DUE, N],
  );
}

async function drained(queue: Queue): Promise<void> {
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (c.waiting + c.active + c.delayed + c.prioritized === 0) return;
    assertTime(`draining ${queue.name}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits (30 s at most) until InnoDB has purged the old row versions and written back most dirty
 * pages that earlier work left (the fill deletes 200,000 rows, the sweep inserts 100,000, and
 * another bench may have run just before), so no timed phase pays for another's writes.
 */
async function settle(db: DataSource, before: string): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const [{ history }] = (await db.query(
      `SELECT \`COUNT\` AS history FROM information_schema.INNODB_METRICS
       WHERE NAME = 'trx_rseg_history_len'`,
    )) as { history: string }[];
    const pages = Object.fromEntries(
      (
        (await db.query(
          `SHOW GLOBAL STATUS WHERE Variable_name IN
             ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total')`,
        )) as { Variable_name: string; Value: string }[]
      ).map((r) => [r.Variable_name, Number(r.Value)]),
    );
    const dirty = pages.Innodb_buffer_pool_pages_dirty! / pages.Innodb_buffer_pool_pages_total!;
    const settled = Number(history) < 1000 && dirty < 0.2;
    const waited = (Date.now() - t0) / 1000;
    if (settled || waited > 30) {
      log(
        `database ${settled ? 'settled' : 'not settled (gave up waiting)'} before ${before} ` +
          `in ${waited.toFixed(1)} s: history ${history}, ${(dirty * 100).toFixed(0)} % of pages dirty`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function noopRate(concurrency: number): Promise<{ enqueueS: number; processS: number }> {
  const queue = new Queue('bench-noop', { connection, prefix: PREFIX });
  await queue.obliterate({ force: true });
  let t0 = performance.now();
  for (let i = 0; i < N; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({
        name: 'noop',
        data: { id: String(i + k) },
        opts: { jobId: `noop-${i + k}`, removeOnComplete: true, attempts: 3 },
      })),
    );
  }
  const enqueueS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const worker = new Worker('bench-noop', async () => null, {
    connection,
    prefix: PREFIX,
    concurrency,
  });
  await drained(queue);
  const processS = (performance.now() - t0) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { enqueueS, processS };
}

async function main(): Promise<void> {
  const server = await probeServer(DB_URL);
  await ensureDatabase(DB_URL);
  const base = createDataSource(DB_URL, server.flavour);
  const db = await base
    .setOptions({ ...base.options, poolSize: POOL } as typeof base.options)
    .initialize();
  await db.runMigrations({ transaction: 'each' });
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    LOG_LEVEL: 'silent',
  });
  const notifications = new Queue(QueueName.Notifications, { connection, prefix: PREFIX });
  const reminders = new Queue(QueueName.Reminders, { connection, prefix: PREFIX });
  await notifications.obliterate({ force: true });
  const repo = new NotificationsRepository(db);
  const queue = new NotificationQueue(notifications, reminders, config);
  const rules = new ReminderRules();
  const mailer = new MailerService(config);
  const sweeper = new ReminderSweepService(repo, queue, rules, mailer, config);
  // The delivery's statements are counted on their way to MySQL: they are what the no-op lacks.
  let statements = 0;
  const counting = Object.create(db, {
    query: {
      value: (...args: Parameters<DataSource['query']>) => {
        statements += 1;
        return db.query(...args);
      },
    },
  }) as DataSource;
  const deliver = new DeliverNotificationJob(
    new NotificationsRepository(counting),
    mailer,
    rules,
    config,
  );
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? config.NOTIFY_CONCURRENCY);

  log(`filling ${N} obligations for ${BODIES} bodies`);
  await fill(db);
  await settle(db, 'the no-op jobs');
  log('raw BullMQ no-op jobs');
  const noopBefore = await noopRate(concurrency);

  log('sweep');
  let t0 = performance.now();
  const sweep = await sweeper.sweep(new Date(`${DUE}T02:00:00Z`));
  const sweepS = (performance.now() - t0) / 1000;
  log(`sweep: ${sweep.created} rows, ${sweep.enqueued} jobs in ${sweepS.toFixed(1)} s`);

  await settle(db, 'the delivery');
  log('in-app delivery');
  t0 = performance.now();
  const worker = new Worker(
    QueueName.Notifications,
    async (job) => deliver.handle(job.data as { notificationId: string }, false),
    { connection, prefix: PREFIX, concurrency },
  );
  await drained(notifications);
  const deliverS = (performance.now() - t0) / 1000;
  await worker.close();
  const [{ n: delivered }] = (await db.query(
    `SELECT COUNT(*) AS n FROM notification WHERE state = 'delivered'`,
  )) as { n: string }[];
  await settle(db, 'the no-op jobs again');
  log('raw BullMQ no-op jobs again');
  const noopAfter = await noopRate(concurrency);
  const noop = noopAfter.processS < noopBefore.processS ? noopAfter : noopBefore;

  log('second sweep, same clock (must create nothing)');
  t0 = performance.now();
  const again = await sweeper.sweep(new Date(`${DUE}T02:00:00Z`));
  const againS = (performance.now() - t0) / 1000;

  const rate = (n: number, s: number) => Math.round(n / s);
  const noopRateS = rate(N, noop.processS);
  const deliverRate = rate(Number(delivered), deliverS);
  const rows: [string, string, string][] = [
    ['obligations due', String(N), ''],
    [
      'BullMQ no-op: enqueue (addBulk)',
      `${noop.enqueueS.toFixed(1)} s`,
      `${rate(N, noop.enqueueS)} jobs/s`,
    ],
    [
      'BullMQ no-op, before delivery',
      `${noopBefore.processS.toFixed(1)} s`,
      `${rate(N, noopBefore.processS)} jobs/s`,
    ],
    [
      'BullMQ no-op, after delivery',
      `${noopAfter.processS.toFixed(1)} s`,
      `${rate(N, noopAfter.processS)} jobs/s`,
    ],
    ['BullMQ no-op: process', `${noop.processS.toFixed(1)} s`, `${noopRateS} jobs/s (the faster)`],
    [
      'sweep (rows + enqueue)',
      `${sweepS.toFixed(1)} s`,
      `${sweep.created} rows, ${sweep.enqueued} jobs (goal < 60 s)`,
    ],
    [
      'in-app delivery',
      `${deliverS.toFixed(1)} s`,
      `${deliverRate} jobs/s, ${delivered} delivered`,
    ],
    [
      'SQL statements per delivery',
      (statements / Number(delivered)).toFixed(3),
      `${statements} statements`,
    ],
    ['delivery / no-op', (deliverRate / noopRateS).toFixed(2), 'goal ≥ 0.50'],
    [
      'second sweep',
      `${againS.toFixed(1)} s`,
      `${again.created} created, ${again.enqueued} enqueued`,
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\nconcurrency ${concurrency}, MySQL pool ${POOL}, ${server.flavour}`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);

  await notifications.obliterate({ force: true });
  await notifications.close();
  await reminders.close();
  mailer.onModuleDestroy();
  await db.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
