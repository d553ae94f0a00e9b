// The summaries on a million tasks: the service's overview and scorecards beside the same
// aggregates written by hand as one SQL statement each, in the same run. Goal: service p50
// at most 2× the hand-written SQL. Fills its own database (BENCH_DATABASE_URL, default
// mysql://root@127.0.0.1:3306/dondoc_bench) and reuses it when it already has that size.
//
//   npx tsc --outDir node_modules/.cache/dondoc-bench --rootDir . --module nodenext \
//     --moduleResolution nodenext --target es2023 --experimentalDecorators \
//     --emitDecoratorMetadata --esModuleInterop --skipLibCheck --resolveJsonModule \
//     bench/summaries.bench.ts &&
//   BENCH_TASKS=1000000 node node_modules/.cache/dondoc-bench/bench/summaries.bench.js
//
// BENCH_TASKS (default 1 000 000) for a quicker run, BENCH_RUNS (default 5) per measure,
// BENCH_INDEXES=1 / 0 to add / drop the covering indexes proposed for the summaries.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../config/data-source.js';
import type { Actor } from '../src/auth/actor.js';
import type { AppConfig } from '../src/config/app-config.js';
import { ensureDatabase, probeServer } from '../src/database/ensure-database.js';
import type { OrganizationDirectoryService } from '../src/organizations/organization-directory.service.js';
import { SummariesRepository } from '../src/summaries/summaries.repository.js';
import { SummariesService } from '../src/summaries/summaries.service.js';
import { generateTasks } from './generate-tasks.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dondoc_bench';
const N = Number(process.env.BENCH_TASKS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AS_OF = process.env.BENCH_AS_OF ?? '2026-03-31';
const COMMITTEE = 'Hà Giang';
// end of AS_OF in Hanoi (UTC+7), as the service computes it
const CUTOFF = `${AS_OF} 17:00:00.000`;

const actor: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench',
  role: 'office',
  organizationId: 'hg-van-phong',
  committee: COMMITTEE,
  requestId: null,
};

/**
 * The overview written by hand, another way: the last event's status and day and the last
 * due date are carried inside MAX() of "zero-padded id + value" strings, so no second pass
 * over task_event is needed. Delegated children and group parents left out, as the service.
 */
function handTasksSql(groupByLead: boolean): string {
  return `
    SELECT ${groupByLead ? 'lead_org_id,' : ''} category, COUNT(*) AS n, SUM(ext) AS ext
    FROM (
      SELECT lead_org_id, ext,
        CASE
          WHEN SUBSTRING(st, 31) = 'cancelled' THEN 'cancelled'
          WHEN SUBSTRING(st, 31) = 'verified' THEN
            CASE WHEN due = '' OR SUBSTRING(st, 21, 10) <= due THEN 'onTimeDone' ELSE 'lateDone' END
          WHEN due <> '' AND due < '${AS_OF}' THEN 'overdueOpen'
          ELSE 'openInTerm'
        END AS category
      FROM (
        SELECT t.lead_org_id,
          MAX(CASE WHEN e.to_status IS NOT NULL THEN CONCAT(LPAD(e.id, 20, '0'),
              DATE(e.occurred_at + INTERVAL 420 MINUTE), e.to_status) END) AS st,
          SUBSTRING(MAX(CASE WHEN e.action IN ('create', 'extend') THEN CONCAT(LPAD(e.id, 20, '0'),
              COALESCE(e.new_due_on, '')) END), 21) AS due,
          SUM(e.action = 'extend') AS ext
        FROM task t JOIN task_event e ON e.task_id = t.id AND e.occurred_at < '${CUTOFF}'
        WHERE t.committee = '${COMMITTEE}' AND t.origin <> 'group'
          ${groupByLead ? '' : "AND t.origin <> 'delegated'"}
        GROUP BY t.id, t.lead_org_id
      ) per_task
    ) classified
    GROUP BY ${groupByLead ? 'lead_org_id,' : ''} category`;
}

/** The obligations of the overview by hand: accepted reports and verification, as of D. */
function handObligationsSql(groupByLead: boolean): string {
  return `
    SELECT ${groupByLead ? 'lead_org_id,' : ''} category, COUNT(*) AS n FROM (
      SELECT p.lead_org_id, CASE
          WHEN p.st LIKE '%cancelled' THEN 'cancelled'
          WHEN COALESCE(LEAST(p.verified_day, a.day), p.verified_day, a.day) IS NOT NULL THEN
            CASE WHEN COALESCE(LEAST(p.verified_day, a.day), p.verified_day, a.day) <= o.due_on
                 THEN 'onTimeDone' ELSE 'lateDone' END
          WHEN o.due_on < '${AS_OF}' THEN 'overdueOpen'
          ELSE 'openInTerm'
        END AS category
      FROM (
        SELECT t.id, t.lead_org_id,
          MAX(CASE WHEN e.to_status IS NOT NULL THEN CONCAT(LPAD(e.id, 20, '0'), e.to_status) END) AS st,
          MAX(CASE WHEN e.action = 'verify' THEN DATE(e.occurred_at + INTERVAL 420 MINUTE) END) AS verified_day
        FROM task t JOIN task_event e ON e.task_id = t.id AND e.occurred_at < '${CUTOFF}'
        WHERE t.committee = '${COMMITTEE}' AND t.origin <> 'group'
          ${groupByLead ? '' : "AND t.origin <> 'delegated'"}
        GROUP BY t.id, t.lead_org_id
      ) p
      JOIN obligation o ON o.task_id = p.id
      LEFT JOIN (
        SELECT r.obligation_id, DATE(MIN(v.created_at) + INTERVAL 420 MINUTE) AS day
        FROM progress_report r JOIN review v ON v.report_id = r.id
        WHERE v.verdict = 'accepted' AND v.created_at < '${CUTOFF}' AND r.author_relation = 'lead'
        GROUP BY r.obligation_id
      ) a ON a.obligation_id = o.id
      WHERE o.period_start IS NULL OR o.period_start <= '${AS_OF}'
    ) x GROUP BY ${groupByLead ? 'lead_org_id,' : ''} category`;
}

function handReportsSql(): string {
  return `
    SELECT t.lead_org_id, COUNT(*) AS submitted, SUM(r.late = 0) AS on_time,
      SUM((SELECT COUNT(*) FROM review v WHERE v.report_id = r.id AND v.verdict = 'rework'
           AND v.created_at < '${CUTOFF}')) AS rework
    FROM task t JOIN progress_report r ON r.task_id = t.id
    WHERE t.committee = '${COMMITTEE}' AND t.origin <> 'group' AND r.author_relation = 'lead'
      AND r.submitted_at < '${CUTOFF}'
    GROUP BY t.lead_org_id`;
}

async function p50(label: string, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm the buffer pool and the plan
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  process.stdout.write(`  ${label.padEnd(34)} p50 ${median.toFixed(0).padStart(7)} ms\n`);
  return median;
}

/** The covering indexes the summaries want (see the report to the lead). */
const SUMMARY_INDEXES = [
  {
    table: 'task_event',
    name: 'idx_task_event_replay',
    columns: 'task_id, occurred_at, action, to_status, new_due_on',
  },
  {
    table: 'obligation',
    name: 'idx_obligation_summary',
    columns: 'task_id, period_start, due_on, kind, period_key',
  },
];

/**
 * BENCH_INDEXES=1 adds, =0 drops, the covering indexes in the bench database; unset leaves
 * it as it is. Prints which are present.
 */
async function summaryIndexes(db: DataSource): Promise<void> {
  const want = process.env.BENCH_INDEXES;
  for (const ix of SUMMARY_INDEXES) {
    const rows = (await db.query(
      `SELECT COUNT(*) AS n FROM information_schema.STATISTICS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?`,
      [ix.table, ix.name],
    )) as { n: string }[];
    let has = Number(rows[0]!.n) > 0;
    if (want === '1' && !has) {
      await db.query(`ALTER TABLE ${ix.table} ADD INDEX ${ix.name} (${ix.columns})`);
      has = true;
    } else if (want === '0' && has) {
      await db.query(`ALTER TABLE ${ix.table} DROP INDEX ${ix.name}`);
      has = false;
    }
    console.log(`${ix.table}.${ix.name} (${ix.columns}): ${has ? 'present' : 'absent'}`);
  }
}

async function main(): Promise<void> {
  await ensureDatabase(URL_);
  const server = await probeServer(URL_);
  const db: DataSource = createDataSource(URL_, server.flavour);
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    console.log(
      `${server.flavour} ${server.version}: ${N.toLocaleString('en')} tasks, ${RUNS} runs each`,
    );
    const g = await generateTasks(db, N, (line) => console.log(line));
    console.log(
      `data: ${g.tasks} tasks, ${g.events} events, ${g.obligations} obligations, ` +
        `${g.reports} reports, ${g.reviews} reviews (${g.seconds.toFixed(0)} s)`,
    );

    await summaryIndexes(db);
    const config = { TZ_APP: 'Asia/Ho_Chi_Minh' } as AppConfig;
    const directory = {
      resolver: () => Promise.resolve({ findByCode: () => null }),
    } as unknown as OrganizationDirectoryService;
    const service = new SummariesService(new SummariesRepository(db), directory, config);

    const overview = await service.overview(actor, { asOf: AS_OF });
    const handOverview = (await db.query(handTasksSql(false))) as { category: string; n: string }[];
    const handCounts = Object.fromEntries(handOverview.map((r) => [r.category, Number(r.n)]));
    for (const k of ['onTimeDone', 'lateDone', 'openInTerm', 'overdueOpen', 'cancelled'] as const) {
      if ((handCounts[k] ?? 0) !== overview[k]) {
        throw new Error(`overview ${k}: service ${overview[k]} ≠ hand-written ${handCounts[k]}`);
      }
    }
    console.log(
      `overview as of ${AS_OF}: ${JSON.stringify({ ...overview, obligations: undefined })}`,
    );
    console.log(`obligations: ${JSON.stringify(overview.obligations)}`);

    const rows: [string, number, number][] = [];
    rows.push([
      'overview (tasks + obligations)',
      await p50('service overview', () => service.overview(actor, { asOf: AS_OF })),
      await p50('hand SQL overview', () =>
        Promise.all([db.query(handTasksSql(false)), db.query(handObligationsSql(false))]),
      ),
    ]);
    rows.push([
      'organizations scorecards',
      await p50('service organizations', () => service.organizations(actor, { asOf: AS_OF })),
      await p50('hand SQL organizations', () =>
        Promise.all([
          db.query(handTasksSql(true)),
          db.query(handObligationsSql(true)),
          db.query(handReportsSql()),
        ]),
      ),
    ]);
    console.log('\n| summary | service p50 ms | hand SQL p50 ms | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [name, s, h] of rows) {
      console.log(`| ${name} | ${s.toFixed(0)} | ${h.toFixed(0)} | ${(s / h).toFixed(2)}× |`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
