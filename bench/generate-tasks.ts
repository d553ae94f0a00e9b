// Fills a bench database with N tasks and their history, obligations, reports and reviews,
// entirely in SQL (INSERT … SELECT over a numbers table), so a million tasks take minutes,
// not hours. Deterministic: task i always gets the same body, dates and story.
//
// Shape, per task i (1-based):
//   committee    9 in 10 'Hà Giang', 1 in 10 'Lâm Đồng' (scope filtering has work to do)
//   origin       i%50=0 group parent, i%50=1 delegated, i%7=3 member, otherwise clause
//   lead         one of 60 bodies; document one of 100; due date spread over 2025–2026
//   story        i%10 in 0..3 verified (about half late), 4 cancelled, 5..9 still open;
//                i%9=0 extended by 60 days; every task has a create event
//   obligations  two: a half-year report and the deadline; reports for every other task,
//                a review for one task in four (accepted, or rework for i%8=4)
import type { DataSource } from 'typeorm';

const ID = (expr: string) =>
  `CONCAT(LPAD(HEX(${expr}), 8, '0'), '-0000-4000-8000-', LPAD(HEX(${expr}), 12, '0'))`;
const REPORT_ID = (expr: string) =>
  `CONCAT(LPAD(HEX(${expr}), 8, '0'), '-0000-4000-9000-', LPAD(HEX(${expr}), 12, '0'))`;
const OBLIGATION_ID = (expr: string, k: number) =>
  `CONCAT(LPAD(HEX(${expr}), 8, '0'), '-000${k}-4000-a000-', LPAD(HEX(${expr}), 12, '0'))`;
// base due date of task i, and when its story happens relative to it
const DUE = (i: string) => `DATE_ADD('2025-01-01', INTERVAL (${i} % 730) DAY)`;
const AT = (i: string, days: string, hour = 9) =>
  `TIMESTAMP(DATE_ADD(${DUE(i)}, INTERVAL (${days}) DAY), '0${hour}:00:00')`;

export interface GenerateResult {
  tasks: number;
  events: number;
  obligations: number;
  reports: number;
  reviews: number;
  seconds: number;
}

async function count(db: DataSource, table: string): Promise<number> {
  const rows = (await db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: string }[];
  return Number(rows[0]!.n);
}

/** Leaves exactly `n` generated tasks in the database (regenerates when the size differs). */
export async function generateTasks(
  db: DataSource,
  n: number,
  log: (line: string) => void = () => undefined,
): Promise<GenerateResult> {
  const started = Date.now();
  // A marker written only after the last step: an interrupted fill is never reused.
  await db.query('CREATE TABLE IF NOT EXISTS bench_meta (tasks INT NOT NULL) ENGINE=InnoDB');
  const done = (await db.query('SELECT tasks FROM bench_meta')) as { tasks: number }[];
  if (done.length === 1 && Number(done[0]!.tasks) === n) {
    log(`bench database already holds ${n} tasks; reusing it`);
    return summary(db, started);
  }
  await db.query('DELETE FROM bench_meta');
  for (const table of ['review', 'progress_report', 'obligation', 'task_event', 'task', 'clause']) {
    await db.query(`TRUNCATE TABLE ${table}`);
  }
  await db.query('DROP TABLE IF EXISTS bench_seq');
  await db.query('CREATE TABLE bench_seq (i INT NOT NULL PRIMARY KEY) ENGINE=InnoDB');
  await db.query(
    `INSERT INTO bench_seq (i)
     SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 1
     FROM (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
           UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a
     CROSS JOIN (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
           UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b
     CROSS JOIN (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
           UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c
     CROSS JOIN (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
           UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) d`,
  );
  // i = (a-1) * 10000 + b for a, b in 1..10000 covers up to 100 million tasks
  const numbers = `(SELECT (x.i - 1) * 10000 + y.i AS i FROM bench_seq x JOIN bench_seq y
                    WHERE (x.i - 1) * 10000 + y.i <= ${n} AND x.i <= ${Math.ceil(n / 10000)})`;
  const step = async (label: string, sql: string) => {
    const t0 = Date.now();
    await db.query(sql);
    log(`  ${label.padEnd(28)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };

  await step(
    'clauses (one per document)',
    `INSERT INTO clause (id, document_id, position, section, ordinal, text, text_start, text_end,
       leads_json, coordinators_json, report_to_json, actions_json, cadence, milestones_json,
       deadlines_json)
     SELECT ${ID('i + 4000000000')}, ${ID('i + 3000000000')}, 1, 'IV', '1', 'bench', 0, 5,
       '[]', '[]', '[]', '[]', 'semiannual', '[]', '[]'
     FROM bench_seq WHERE i <= 100`,
  );
  await step(
    'tasks',
    `INSERT INTO task (id, document_id, clause_id, parent_id, origin, committee, lead_org_id,
       lead_name, title, report_to_json, coordinators_json, cadence, milestones_json, due_on,
       status)
     SELECT ${ID('s.i')}, ${ID('s.i % 100 + 3000000001')}, ${ID('s.i % 100 + 4000000001')},
       CASE WHEN s.i % 50 = 1 AND s.i > 1 THEN ${ID('s.i - 1')} END,
       CASE WHEN s.i % 50 = 0 THEN 'group' WHEN s.i % 50 = 1 THEN 'delegated'
            WHEN s.i % 7 = 3 THEN 'member' ELSE 'clause' END,
       CASE WHEN s.i % 10 = 7 THEN 'Lâm Đồng' ELSE 'Hà Giang' END,
       CASE WHEN s.i % 50 = 0 THEN NULL ELSE CONCAT('bench-org-', s.i % 60) END,
       CONCAT('Cơ quan ', s.i % 60), 'Nhiệm vụ thử tải', '[]', '[]', 'semiannual', '[]',
       CASE WHEN s.i % 9 = 0 THEN DATE_ADD(${DUE('s.i')}, INTERVAL 60 DAY) ELSE ${DUE('s.i')} END,
       CASE WHEN s.i % 10 < 4 THEN 'verified' WHEN s.i % 10 = 4 THEN 'cancelled'
            WHEN s.i % 10 = 5 THEN 'assigned' WHEN s.i % 10 = 6 THEN 'acknowledged'
            WHEN s.i % 10 = 8 THEN 'submitted' ELSE 'in_progress' END
     FROM ${numbers} s`,
  );
  // Events phase by phase, so ids grow with time within every task (as in the service).
  await step(
    'events: create',
    `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status, new_due_on)
     SELECT ${ID('s.i')}, ${AT('s.i', '-200')}, 'create', NULL, 'assigned', ${DUE('s.i')}
     FROM ${numbers} s`,
  );
  await step(
    'events: acknowledge',
    `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status)
     SELECT ${ID('s.i')}, ${AT('s.i', '-190')}, 'acknowledge', 'assigned', 'acknowledged'
     FROM ${numbers} s WHERE s.i % 10 NOT IN (4, 5)`,
  );
  await step(
    'events: start',
    `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status)
     SELECT ${ID('s.i')}, ${AT('s.i', '-180')}, 'start', 'acknowledged', 'in_progress'
     FROM ${numbers} s WHERE s.i % 10 NOT IN (4, 5, 6)`,
  );
  await step(
    'events: extend',
    `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status, old_due_on,
       new_due_on)
     SELECT ${ID('s.i')}, ${AT('s.i', '-30')}, 'extend', 'in_progress', 'in_progress',
       ${DUE('s.i')}, DATE_ADD(${DUE('s.i')}, INTERVAL 60 DAY)
     FROM ${numbers} s WHERE s.i % 9 = 0 AND s.i % 10 NOT IN (4, 5, 6)`,
  );
  await step(
    'events: submit',
    `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status)
     SELECT ${ID('s.i')}, ${AT('s.i', '(s.i % 20) - 12')}, 'submit', 'in_progress', 'submitted'
     FROM ${numbers} s WHERE s.i % 10 < 4 OR s.i % 10 = 8`,
  );
  await step(
    'events: verify / cancel',
    `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status, reason)
     SELECT ${ID('s.i')},
       CASE WHEN s.i % 10 = 4 THEN ${AT('s.i', '-100')} ELSE ${AT('s.i', '(s.i % 20) - 10', 8)} END,
       CASE WHEN s.i % 10 = 4 THEN 'cancel' ELSE 'verify' END,
       CASE WHEN s.i % 10 = 4 THEN 'assigned' ELSE 'submitted' END,
       CASE WHEN s.i % 10 = 4 THEN 'cancelled' ELSE 'verified' END,
       CASE WHEN s.i % 10 = 4 THEN 'Hủy để thử tải' END
     FROM ${numbers} s WHERE s.i % 10 <= 4`,
  );
  await step(
    'obligations',
    `INSERT INTO obligation (id, task_id, period_key, kind, period_start, period_end, due_on,
       label_vi, met_at)
     SELECT ${OBLIGATION_ID('s.i', 1)}, ${ID('s.i')},
       CONCAT(YEAR(${DUE('s.i')}), '-H', IF(MONTH(${DUE('s.i')}) <= 6, 1, 2)), 'periodic',
       DATE_SUB(${DUE('s.i')}, INTERVAL 180 DAY), ${DUE('s.i')},
       DATE_SUB(${DUE('s.i')}, INTERVAL 10 DAY), 'Báo cáo 6 tháng', NULL
     FROM ${numbers} s WHERE s.i % 50 <> 0
     UNION ALL
     SELECT ${OBLIGATION_ID('s.i', 2)}, ${ID('s.i')}, CONCAT('deadline-', ${DUE('s.i')}),
       'deadline', DATE_SUB(${DUE('s.i')}, INTERVAL 200 DAY), ${DUE('s.i')},
       CASE WHEN s.i % 9 = 0 THEN DATE_ADD(${DUE('s.i')}, INTERVAL 60 DAY) ELSE ${DUE('s.i')} END,
       'Báo cáo kết quả', NULL
     FROM ${numbers} s WHERE s.i % 50 <> 0`,
  );
  await step(
    'reports',
    `INSERT INTO progress_report (id, task_id, obligation_id, period_key, percent, narrative,
       indicators_json, author_id, author_org_id, author_relation, submitted_at, late, status)
     SELECT ${REPORT_ID('s.i')}, ${ID('s.i')}, ${OBLIGATION_ID('s.i', 1)}, NULL, 50, 'bench', '[]',
       '00000000-0000-4000-8000-000000000000', CONCAT('bench-org-', s.i % 60), 'lead',
       ${AT('s.i', '(s.i % 16) - 18')}, (s.i % 16) >= 8,
       CASE WHEN s.i % 4 <> 0 THEN 'submitted' WHEN s.i % 8 = 4 THEN 'rework' ELSE 'accepted' END
     FROM ${numbers} s WHERE s.i % 2 = 0 AND s.i % 50 <> 0`,
  );
  await step(
    'reviews',
    `INSERT INTO review (report_id, verdict, comment, reviewer_id, reviewer_role, created_at)
     SELECT ${REPORT_ID('s.i')}, CASE WHEN s.i % 8 = 4 THEN 'rework' ELSE 'accepted' END, 'bench',
       '00000000-0000-4000-8000-000000000000', 'inspector', ${AT('s.i', '(s.i % 16) - 14')}
     FROM ${numbers} s WHERE s.i % 4 = 0 AND s.i % 50 <> 0`,
  );
  await step('analyze', 'ANALYZE TABLE task, task_event, obligation, progress_report, review');
  await db.query('DROP TABLE bench_seq');
  await db.query('INSERT INTO bench_meta (tasks) VALUES (?)', [n]);
  return summary(db, started);
}

async function summary(db: DataSource, started: number): Promise<GenerateResult> {
  return {
    tasks: await count(db, 'task'),
    events: await count(db, 'task_event'),
    obligations: await count(db, 'obligation'),
    reports: await count(db, 'progress_report'),
    reviews: await count(db, 'review'),
    seconds: (Date.now() - started) / 1000,
  };
}
