// All the "Prove it" figures in one run, each beside a baseline measured in the same run on the
// same machine, with its goal: prints a table and writes bench/results.json.
//
//   npm run -s build:server && rm -rf dist-bench && tsc -p tsconfig.bench.json &&
//     node dist-bench/bench/run-all.js
//
// Needs MariaDB/MySQL at 127.0.0.1:3306 (root, no password) and Redis at 127.0.0.1:6379; uses
// only its own databases (dondoc_bench_api_<pid>, dondoc_bench_summaries, dondoc_bench_rem) and queue
// prefixes (dondoc_bench_api_<pid>, dondoc_bench_rem). About 5 minutes on 2 cores with the defaults.
//
// BENCH_ONLY=write,summaries,reminders,parse (a subset, comma-separated)
// BENCH_WRITE_CONNECTIONS / BENCH_WRITE_DURATION_S / BENCH_WRITE_WARMUP_S (32 / 10 / 3)
// BENCH_TASKS (summaries, default 100000; 1000000 for the full-size figure), BENCH_RUNS (5)
// BENCH_OBLIGATIONS (reminders, default 100000), BENCH_CONCURRENCY (the service's NOTIFY_CONCURRENCY)
// BENCH_STEP_TIMEOUT_S (default 900: a sub-bench running longer is stopped and reported)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import mysql from 'mysql2/promise';
import { idleNote, printWrite, runWrite, type WriteFigures } from './write.bench.js';

interface Row {
  measure: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  baselineName: string;
  /** value / baseline, when the goal is relative */
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
}

const root = process.cwd();
const here = dirname(process.argv[1]!);
const only = (process.env.BENCH_ONLY ?? 'write,summaries,reminders,parse')
  .split(',')
  .map((s) => s.trim());
const STEP_TIMEOUT_MS = Number(process.env.BENCH_STEP_TIMEOUT_S ?? 900) * 1000;
const started = Date.now();
const log = (line: string): void =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Runs one of the existing bench scripts as a child, echoing and returning its output. */
function script(name: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, name)], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let partial = '';
    const echo = (chunk: Buffer) => {
      const text = chunk.toString();
      out += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) console.log(`    ${line}`);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, STEP_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (partial) console.log(`    ${partial}`);
      if (code === 0) resolve(out);
      else reject(new Error(`${name} ${signal ? `stopped (${signal})` : `exited ${code}`}`));
    });
  });
}

function num(text: string, pattern: RegExp, what: string): number {
  const m = pattern.exec(text);
  if (!m) throw new Error(`could not read ${what} from the output`);
  return Number(m[1]);
}

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const errors: Record<string, string> = {};

function relative(
  measure: string,
  value: number,
  baseline: number,
  baselineName: string,
  unit: string,
  goal: { op: '≥' | '≤'; x: number } | null,
  note?: string,
): void {
  const ratio = value / baseline;
  rows.push({
    measure,
    value,
    unit,
    baseline,
    baselineName,
    ratio,
    goal: goal ? `${goal.op} ${goal.x.toFixed(2)}×` : '',
    met: goal ? (goal.op === '≥' ? ratio >= goal.x : ratio <= goal.x) : null,
    note,
  });
}

function absolute(
  measure: string,
  value: number,
  unit: string,
  goal: { op: '≥' | '≤' | '<'; x: number } | null,
  baseline: number | null = null,
  baselineName = '',
  note?: string,
): void {
  const met = !goal
    ? null
    : goal.op === '≥'
      ? value >= goal.x
      : goal.op === '≤'
        ? value <= goal.x
        : value < goal.x;
  rows.push({
    measure,
    value,
    unit,
    baseline,
    baselineName,
    ratio: null,
    goal: goal ? `${goal.op} ${goal.x} ${unit}` : '',
    met,
    note,
  });
}

async function write(): Promise<void> {
  log('== 1–2. progress-report writes and API memory');
  const w: WriteFigures = await runWrite((line) => log(`  ${line}`));
  printWrite(w);
  details.write = w;
  const cores = cpus().length;
  const cpuNote =
    `${w.service.queriesPerRequest.toFixed(1)} SQL statements per request (raw ` +
    `${w.baseline.queriesPerRequest.toFixed(1)}); ` +
    `API process ${w.service.serverCores.toFixed(2)} cores busy (raw server ` +
    `${w.baseline.serverCores.toFixed(2)}), load generator ${w.service.clientCores.toFixed(2)}, ` +
    `${cores} cores in all`;
  const bad = w.service.non2xx + w.service.errors;
  relative(
    `report write, ${w.connections} conn ${w.durationS} s`,
    w.service.reqPerSec,
    w.baseline.reqPerSec,
    'raw Fastify+mysql2',
    'req/s',
    { op: '≥', x: 0.6 },
    (w.service.serverCores > 0.9
      ? `${cpuNote}: the API's single event loop is saturated (CPU-bound per request)`
      : cpuNote) + (bad > 0 ? `; ${bad} non-2xx/errors` : ''),
  );
  relative(
    'report write p99 latency',
    w.service.p99Ms,
    w.baseline.p99Ms,
    'raw Fastify+mysql2',
    'ms',
    null,
  );
  absolute(
    'API RSS 2 s after boot',
    w.rssAfterBootMb,
    'MB',
    null,
    w.baselineRssIdleMb,
    'raw server idle',
    'before V8 gives back the boot-time young generation',
  );
  absolute(
    'API RSS idle (30 s quiet)',
    w.rssIdleMb,
    'MB',
    { op: '≤', x: 150 },
    w.baselineRssIdleMb,
    'raw server idle',
    idleNote(w),
  );
  absolute(
    'API RSS under write load (max)',
    w.service.rssMaxMb,
    'MB',
    { op: '≤', x: 300 },
    w.baseline.rssMaxMb,
    'raw server under load',
  );
}

async function summaries(): Promise<void> {
  const tasks = process.env.BENCH_TASKS ?? '100000';
  log(`== 3a. summaries on ${Number(tasks).toLocaleString('en')} tasks vs hand-written SQL`);
  const out = await script('summaries.bench.js', {
    BENCH_TASKS: tasks,
    BENCH_DATABASE_URL:
      process.env.BENCH_SUMMARIES_DATABASE_URL ??
      'mysql://root@127.0.0.1:3306/dondoc_bench_summaries',
  });
  const row = (name: string) => {
    const m = new RegExp(`^\\| ${name} \\| (\\d+) \\| (\\d+) \\|`, 'm').exec(out);
    if (!m) throw new Error(`could not read "${name}" from the summaries output`);
    return { service: Number(m[1]), hand: Number(m[2]) };
  };
  const overview = row('overview \\(tasks \\+ obligations\\)');
  const orgs = row('organizations scorecards');
  details.summaries = { tasks: Number(tasks), overview, organizations: orgs };
  const n = `${Number(tasks) / 1000}k tasks`;
  relative(`summaries overview p50, ${n}`, overview.service, overview.hand, 'hand SQL', 'ms', {
    op: '≤',
    x: 2,
  });
  relative(`summaries scorecards p50, ${n}`, orgs.service, orgs.hand, 'hand SQL', 'ms', {
    op: '≤',
    x: 2,
  });
}

async function reminders(): Promise<void> {
  log('== 3b. reminder sweep and in-app delivery vs raw BullMQ no-op jobs');
  const out = await script('reminders.bench.js', {});
  const n = num(out, /^obligations due\s+(\d+)/m, 'obligations');
  const noop = num(out, /^BullMQ no-op: process\s+\S+ s\s+(\d+) jobs\/s/m, 'no-op rate');
  const deliver = num(out, /^in-app delivery\s+\S+ s\s+(\d+) jobs\/s/m, 'delivery rate');
  const statements = num(out, /^SQL statements per delivery\s+([\d.]+)/m, 'statements');
  const sweepS = num(out, /^sweep \(rows \+ enqueue\)\s+([\d.]+) s/m, 'sweep time');
  details.reminders = {
    obligations: n,
    noopJobsPerS: noop,
    deliveryJobsPerS: deliver,
    statementsPerDelivery: statements,
    sweepS,
  };
  relative(
    `reminder delivery, ${n / 1000}k jobs`,
    deliver,
    noop,
    'BullMQ no-op',
    'jobs/s',
    { op: '≥', x: 0.5 },
    `in-app rows of jobs running together are marked in one UPDATE (${statements} statements ` +
      'per delivery), but each row still costs MySQL CPU on the same cores; the no-op job ' +
      'touches only Redis',
  );
  absolute(`reminder sweep, ${n / 1000}k obligations`, sweepS, 's', { op: '<', x: 60 });
}

async function parse(): Promise<void> {
  log('== 3c. parser throughput');
  const out = await script('parse.bench.js', {});
  const mbps = num(out, /throughput on 5 MB: ([\d.]+) MB\/s/, 'throughput');
  const seeds = num(out, /time ratio 10×\/1×: seeds ([\d.]+)/, 'seed ratio');
  const clauses = num(out, /numbered clauses ([\d.]+)/, 'clause ratio');
  details.parse = { mbPerS: mbps, timeRatio10x: { seeds, clauses } };
  absolute('parser on 5 MB of seeds', mbps, 'MB/s', { op: '≥', x: 1 }, null, '', undefined);
  rows[rows.length - 1]!.note =
    `time 10× input / 1×: seeds ${seeds}, clauses ${clauses} (≈10 linear)`;
}

function fmt(v: number | null, unit = ''): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const s = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return unit ? `${s} ${unit}` : s;
}

function printTable(): void {
  const table = rows.map((r) => [
    r.measure,
    fmt(r.value, r.unit),
    r.baseline === null ? '—' : `${fmt(r.baseline, r.unit)} (${r.baselineName})`,
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.goal || '—',
    r.met === null ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const head = ['measure', 'figure', 'baseline (same run)', 'ratio', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === 2 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join('  ');
  console.log(`\n${line(head)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
  const missed = rows.filter((r) => r.met === false);
  if (missed.length > 0) {
    console.log('\nGoals missed:');
    for (const r of missed) {
      console.log(
        `  - ${r.measure}: ${fmt(r.value, r.unit)}, goal ${r.goal}${r.note ? `. ${r.note}` : ''}`,
      );
    }
  }
  const notes = rows.filter((r) => r.met !== false && r.note);
  for (const r of notes) console.log(`  note, ${r.measure}: ${r.note}`);
  for (const [name, message] of Object.entries(errors)) {
    console.log(`  ERROR in ${name}: ${message.split('\n')[0]}`);
  }
}

async function serverVersion(): Promise<string> {
  try {
    const conn = await mysql.createConnection({ uri: 'mysql://root@127.0.0.1:3306' });
    const [rows] = await conn.query('SELECT VERSION() AS v');
    await conn.end();
    return String((rows as { v: string }[])[0]!.v);
  } catch (error) {
    return `unknown (${(error as Error).message})`;
  }
}

async function main(): Promise<number> {
  const steps: [string, () => Promise<void>][] = [
    ['write', write],
    ['summaries', summaries],
    ['reminders', reminders],
    ['parse', parse],
  ];
  for (const [name, step] of steps) {
    if (!only.includes(name)) continue;
    try {
      await step();
    } catch (error) {
      errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`${name} failed: ${errors[name]}`);
    }
  }
  printTable();
  const results = {
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 1024 / 1024),
      database: await serverVersion(),
    },
    rows,
    details,
    errors,
  };
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote bench/results.json (${results.seconds} s in all)`);
  return Object.keys(errors).length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
