// Progress-report writes through the service (auth, validation, transaction, audit,
// idempotency) beside a raw Fastify + mysql2 handler doing the same insert and update in one
// transaction, both as separate processes loaded by autocannon in the same run; and the API's
// resident memory, idle and under that load. Goals: service ≥ 0.6 × the raw req/s; RSS ≤ 150 MB
// idle, ≤ 300 MB under load.
//
// Needs the normal build (npm run -s build:server → dist/main.js, dist/cli.js), MariaDB/MySQL at
// 127.0.0.1:3306 (root, no password) and Redis at 127.0.0.1:6379. Uses its own database
// (dondoc_bench_api_<pid>, dropped at the end) and queue prefix (the same name). Run:
//
//   npm run -s build:server && rm -rf dist-bench && npx tsc -p tsconfig.bench.json &&
//     node dist-bench/bench/write.bench.js
//
// BENCH_WRITE_CONNECTIONS (default 32), BENCH_WRITE_DURATION_S (default 10),
// BENCH_WRITE_WARMUP_S (default 3), BENCH_MYSQL_URL (server, default mysql://root@127.0.0.1:3306),
// BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_WRITE_CPU_PROF=<dir> to have the API
// write a V8 CPU profile there (node --cpu-prof) when it stops.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import autocannon, { type AutocannonResult } from 'autocannon';
import { fastify } from 'fastify';
import mysql from 'mysql2/promise';

const SERVER_URL = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(
  /\/+$/,
  '',
);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// One database (and queue prefix) per run, dropped at the end: two runs at once never share
// one. The baseline server, a child process, is told the name.
const DB_NAME = process.env.BENCH_WRITE_DB ?? `dondoc_bench_api_${process.pid}`;
const DB_URL = `${SERVER_URL}/${DB_NAME}`;
const CONNECTIONS = Number(process.env.BENCH_WRITE_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_WRITE_DURATION_S ?? 10);
const WARMUP_S = Number(process.env.BENCH_WRITE_WARMUP_S ?? 3);
/** Quiet time before the idle memory reading (V8's memory reducer acts after ~10–20 s). */
const IDLE_SETTLE_MS = Number(process.env.BENCH_IDLE_SETTLE_MS ?? 30_000);
const SEED = 'test/fixtures/seeds/001_fa2d4705234aec79.txt';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo12345';
const LEAD = 'hg-ban-tuyen-giao';
/** the pool the raw handler gets: the same as the service's TypeORM pool (config/data-source.ts) */
const RAW_POOL = 10;
const BODY = JSON.stringify({
  percent: 40,
  narrative:
    'Đã tổ chức quán triệt nghị quyết đến toàn thể cán bộ, đảng viên; đang xây dựng kế hoạch.',
});

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** rows the run left in the database (one per 2xx) */
  rows: number;
  rssMaxMb: number;
  /** CPU the server process used during the run, in cores (1 = one core busy) */
  serverCores: number;
  /** CPU the load generator (this process) used, in cores */
  clientCores: number;
  /** SQL statements the database server received per 2xx (server-wide Questions counter) */
  queriesPerRequest: number;
  /** InnoDB log fsyncs per 2xx (commits that reached the disk, server-wide) */
  fsyncsPerRequest: number;
  /** time transactions spent waiting for row locks, per 2xx, in ms (Innodb_row_lock_time) */
  lockWaitMsPerRequest: number;
}

export interface WriteFigures {
  connections: number;
  durationS: number;
  service: LoadFigures;
  baseline: LoadFigures;
  ratio: number;
  /** 2 s after the last warm-up request: what a process holds right after boot */
  rssAfterBootMb: number;
  /**
   * After IDLE_SETTLE_MS without requests: V8's memory reducer has run (it waits for a quiet
   * spell, then collects and gives back the young generation and freed pages). What an API
   * replica holds between office hours.
   */
  rssIdleMb: number;
  /** what the idle RSS is made of: V8 heap and external memory (from /metrics), file-backed pages */
  idleBreakdown: { heapUsedMb: number; heapTotalMb: number; externalMb: number; rssFileMb: number };
  baselineRssIdleMb: number;
  taskId: string;
}

type Log = (line: string) => void;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident set of a process in MB, from /proc (Linux) or ps. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // not Linux, or gone: ask ps
  }
  try {
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    );
  } catch {
    return Number.NaN;
  }
}

/** RssFile (code and mapped files) of a process in MB, from /proc; NaN elsewhere. */
function rssFileMb(pid: number): number {
  try {
    const kb = /^RssFile:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A gauge from the API's Prometheus text, in MB (NaN when absent). */
function gaugeMb(metrics: string, name: string): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)`, 'm').exec(metrics);
  return m ? Number(m[1]) / 1024 / 1024 : Number.NaN;
}

/** CPU seconds a process has used so far (user + system), from /proc; NaN elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12] are utime and stime (14th and 15th of the full line), in ticks
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} not answering after ${timeoutMs} ms`);
      await sleep(200);
    }
  }
}

function collect(child: ChildProcess): () => string {
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => out;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = collect(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output());
      else reject(new Error(`${args.join(' ')} exited ${code}:\n${output()}`));
    });
  });
}

function serviceEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: DB_NAME,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    THROTTLE_LIMIT: '100000000',
    LOGIN_THROTTLE_LIMIT: '1000000',
  };
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function login(api: string, username: string): Promise<string> {
  const response = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return (await json<{ accessToken: string }>(response, `login ${username}`)).accessToken;
}

/** Uploads and publishes the Hà Giang seed as the office; returns a clause task the lead owns. */
async function prepareTask(api: string): Promise<string> {
  const office = await login(api, 'vanphong.hg');
  const text = `${readFileSync(join(process.cwd(), SEED), 'utf8')}\n<!-- bench ${randomUUID()} -->\n`;
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), SEED.split('/').pop()!);
  const uploaded = await json<{ items: { id: string }[] }>(
    await fetch(`${api}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}` },
      body: form,
    }),
    'upload',
  );
  for (const doc of uploaded.items) {
    const published = await json<{ tasks: { id: string; origin: string; leadOrgId: string }[] }>(
      await fetch(`${api}/documents/${doc.id}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
        body: JSON.stringify({ issuedOn: '2022-05-20' }),
      }),
      'publish',
    );
    const task = published.tasks.find((t) => t.origin === 'clause' && t.leadOrgId === LEAD);
    if (task) return task.id;
  }
  throw new Error(`no clause task led by ${LEAD} in the published seed`);
}

interface Sampler {
  stop(): { rssMaxMb: number; cores: number };
}

function sample(pid: number): Sampler {
  let max = rssMb(pid);
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  const timer = setInterval(() => {
    max = Math.max(max, rssMb(pid));
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      max = Math.max(max, rssMb(pid));
      return { rssMaxMb: max, cores: (cpuSeconds(pid) - cpu0) / ((Date.now() - t0) / 1000) };
    },
  };
}

async function load(
  url: string,
  headers: Record<string, string>,
  durationS: number,
  pid: number,
  label: string,
  db: mysql.Pool,
): Promise<Omit<LoadFigures, 'rows'>> {
  let n = 0;
  const questions0 = await questions(db);
  const fsyncs0 = await serverStatus(db, 'Innodb_data_fsyncs');
  const lockMs0 = await serverStatus(db, 'Innodb_row_lock_time');
  const runId = randomUUID().slice(0, 8);
  const sampler = sample(pid);
  const client0 = process.cpuUsage();
  const t0 = Date.now();
  const result: AutocannonResult = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: BODY,
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            headers: { ...request.headers, 'idempotency-key': `bench-${label}-${runId}-${n}` },
          };
        },
      },
    ],
  });
  const client = process.cpuUsage(client0);
  const seconds = (Date.now() - t0) / 1000;
  const server = sampler.stop();
  // minus the one statement that reads the counter
  const statements = (await questions(db)) - questions0 - 1;
  const fsyncs = (await serverStatus(db, 'Innodb_data_fsyncs')) - fsyncs0;
  const lockMs = (await serverStatus(db, 'Innodb_row_lock_time')) - lockMs0;
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssMaxMb: server.rssMaxMb,
    serverCores: server.cores,
    clientCores: (client.user + client.system) / 1e6 / seconds,
    queriesPerRequest: statements / Math.max(1, result['2xx']),
    fsyncsPerRequest: fsyncs / Math.max(1, result['2xx']),
    lockWaitMsPerRequest: lockMs / Math.max(1, result['2xx']),
  };
}

// ---- the raw baseline: Fastify + mysql2, one transaction per request ----------------------

const RAW_TABLES = [
  `CREATE TABLE IF NOT EXISTS bench_raw_task (id char(36) NOT NULL PRIMARY KEY,
     percent tinyint UNSIGNED NOT NULL, version int NOT NULL, updated_at datetime(3) NOT NULL)
     ENGINE=InnoDB`,
  `CREATE TABLE IF NOT EXISTS bench_raw_report (id char(36) NOT NULL PRIMARY KEY,
     task_id char(36) NOT NULL, percent tinyint UNSIGNED NOT NULL, narrative mediumtext NOT NULL,
     author_id char(36) NOT NULL, submitted_at datetime(3) NOT NULL, status varchar(16) NOT NULL,
     INDEX idx_raw_report_task (task_id, submitted_at)) ENGINE=InnoDB`,
];

/** Runs the raw server in this process (the child side of --serve-baseline). */
async function serveBaseline(port: number): Promise<void> {
  const pool = mysql.createPool({ uri: DB_URL, connectionLimit: RAW_POOL });
  const app = fastify({ logger: false });
  app.get('/health', () => ({ ok: true }));
  app.post<{ Params: { id: string }; Body: { percent?: unknown; narrative?: unknown } }>(
    '/tasks/:id/reports',
    async (request, reply) => {
      const { percent, narrative } = request.body ?? {};
      if (
        typeof percent !== 'number' ||
        !Number.isInteger(percent) ||
        percent < 0 ||
        percent > 100 ||
        typeof narrative !== 'string'
      ) {
        return reply.code(400).send({ message: 'percent 0–100 and narrative required' });
      }
      const id = randomUUID();
      const now = new Date();
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        await conn.query(
          `INSERT INTO bench_raw_report (id, task_id, percent, narrative, author_id, submitted_at,
             status) VALUES (?, ?, ?, ?, ?, ?, 'submitted')`,
          [id, request.params.id, percent, narrative, '00000000-0000-4000-8000-000000000001', now],
        );
        await conn.query(
          'UPDATE bench_raw_task SET percent = ?, version = version + 1, updated_at = ? WHERE id = ?',
          [percent, now, request.params.id],
        );
        await conn.commit();
      } catch (error) {
        await conn.rollback();
        throw error;
      } finally {
        conn.release();
      }
      return reply.code(201).send({ id, taskId: request.params.id, percent, status: 'submitted' });
    },
  );
  const close = () => {
    void app.close().then(() => pool.end().then(() => process.exit(0)));
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ port, host: '127.0.0.1' });
}

async function serverStatus(pool: mysql.Pool, name: string): Promise<number> {
  const [rows] = await pool.query('SHOW GLOBAL STATUS LIKE ?', [name]);
  return Number((rows as { Value: string }[])[0]?.Value ?? Number.NaN);
}

async function questions(pool: mysql.Pool): Promise<number> {
  const [rows] = await pool.query("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number((rows as { Value: string }[])[0]!.Value);
}

async function count(pool: mysql.Pool, sql: string, params: unknown[]): Promise<number> {
  const [rows] = await pool.query(sql, params);
  return Number((rows as { n: number | string }[])[0]!.n);
}

/** The whole measurement; children are always stopped. */
export async function runWrite(log: Log = console.log): Promise<WriteFigures> {
  const root = process.cwd();
  const admin = await mysql.createConnection({ uri: SERVER_URL });
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
  await admin.query(`CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const port = await freePort();
  const env = serviceEnv(port);
  log(`seed-demo into ${DB_NAME}`);
  await run(process.execPath, [join(root, 'dist/cli.js'), 'seed-demo'], env, 180_000);

  const children: ChildProcess[] = [];
  const db = mysql.createPool({ uri: DB_URL, connectionLimit: 2 });
  try {
    log(`starting the API (dist/main.js) on 127.0.0.1:${port}`);
    const profile = process.env.BENCH_WRITE_CPU_PROF
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_WRITE_CPU_PROF]
      : [];
    const api = spawn(process.execPath, [...profile, join(root, 'dist/main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(api);
    const apiOutput = collect(api);
    const base = `http://127.0.0.1:${port}/api/v1`;
    try {
      await waitForHttp(`${base}/health`, api, 60_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${apiOutput()}`, { cause: error });
    }
    const taskId = await prepareTask(base);
    const token = await login(base, 'tuyengiao.hg');
    const auth = { authorization: `Bearer ${token}` };
    // a few ordinary requests, then let it settle before the idle reading
    for (let i = 0; i < 5; i++) {
      await json(await fetch(`${base}/tasks/${taskId}`, { headers: auth }), 'get task');
      await fetch(`${base}/health`);
    }
    await sleep(2000);
    const rssAfterBootMb = rssMb(api.pid!);
    await sleep(IDLE_SETTLE_MS - 2000);
    const rssIdleMb = rssMb(api.pid!);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const idleBreakdown = {
      heapUsedMb: gaugeMb(metrics, 'dondoc_nodejs_heap_size_used_bytes'),
      heapTotalMb: gaugeMb(metrics, 'dondoc_nodejs_heap_size_total_bytes'),
      externalMb: gaugeMb(metrics, 'dondoc_nodejs_external_memory_bytes'),
      rssFileMb: rssFileMb(api.pid!),
    };
    log(
      `API RSS ${rssAfterBootMb.toFixed(0)} MB after boot, ${rssIdleMb.toFixed(0)} MB idle; task ${taskId}`,
    );

    // the raw baseline, in its own process
    const rawPort = await freePort();
    for (const sql of RAW_TABLES) await db.query(sql);
    await db.query('DELETE FROM bench_raw_report');
    await db.query('DELETE FROM bench_raw_task');
    await db.query(
      `INSERT INTO bench_raw_task (id, percent, version, updated_at) VALUES (?, 0, 1, NOW(3))`,
      [taskId],
    );
    // this file's build sits beside whichever bench script is running (run-all.js imports it)
    const script = join(dirname(process.argv[1]!), 'write.bench.js');
    const raw = spawn(process.execPath, [script, '--serve-baseline', String(rawPort)], {
      cwd: root,
      env: { ...process.env, BENCH_WRITE_DB: DB_NAME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(raw);
    const rawOutput = collect(raw);
    try {
      await waitForHttp(`http://127.0.0.1:${rawPort}/health`, raw, 30_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${rawOutput()}`, { cause: error });
    }
    const baselineRssIdleMb = rssMb(raw.pid!);

    const serviceUrl = `${base}/tasks/${taskId}/reports`;
    const rawUrl = `http://127.0.0.1:${rawPort}/tasks/${taskId}/reports`;
    if (WARMUP_S > 0) {
      log(`warm-up ${WARMUP_S} s each`);
      await load(serviceUrl, auth, WARMUP_S, api.pid!, 'warm', db);
      await load(rawUrl, {}, WARMUP_S, raw.pid!, 'warm', db);
    }
    const reportsBefore = await count(
      db,
      'SELECT COUNT(*) AS n FROM progress_report WHERE task_id = ?',
      [taskId],
    );
    const rawBefore = await count(db, 'SELECT COUNT(*) AS n FROM bench_raw_report', []);

    log(`service: ${CONNECTIONS} connections for ${DURATION_S} s`);
    const s = await load(serviceUrl, auth, DURATION_S, api.pid!, 'svc', db);
    await sleep(1000);
    log(`raw Fastify + mysql2: ${CONNECTIONS} connections for ${DURATION_S} s`);
    const b = await load(rawUrl, {}, DURATION_S, raw.pid!, 'raw', db);

    const service: LoadFigures = {
      ...s,
      rows:
        (await count(db, 'SELECT COUNT(*) AS n FROM progress_report WHERE task_id = ?', [taskId])) -
        reportsBefore,
    };
    const baseline: LoadFigures = {
      ...b,
      rows: (await count(db, 'SELECT COUNT(*) AS n FROM bench_raw_report', [])) - rawBefore,
    };
    if (service.non2xx > 0 || service.errors > 0) {
      log(`service answered ${service.non2xx} non-2xx, ${service.errors} errors/timeouts`);
    }
    return {
      connections: CONNECTIONS,
      durationS: DURATION_S,
      service,
      baseline,
      ratio: service.reqPerSec / baseline.reqPerSec,
      rssAfterBootMb,
      rssIdleMb,
      idleBreakdown,
      baselineRssIdleMb,
      taskId,
    };
  } finally {
    for (const child of children.reverse()) await stop(child);
    await db.end();
    const cleanup = await mysql.createConnection({ uri: SERVER_URL });
    await cleanup.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await cleanup.end();
  }
}

/** What the API's idle RSS is made of, in words. */
export function idleNote(w: WriteFigures): string {
  const b = w.idleBreakdown;
  return (
    `V8 heap ${b.heapUsedMb.toFixed(0)} MB used of ${b.heapTotalMb.toFixed(0)} MB, external ` +
    `${b.externalMb.toFixed(0)} MB, file-backed (code, libraries) ${b.rssFileMb.toFixed(0)} MB`
  );
}

export function printWrite(w: WriteFigures): void {
  const line = (name: string, f: LoadFigures) =>
    `${name.padEnd(24)}${f.reqPerSec.toFixed(0).padStart(8)} req/s  p50 ${f.p50Ms} ms  p99 ${
      f.p99Ms
    } ms  2xx ${f.ok}  non-2xx ${f.non2xx}  errors ${f.errors}  rows ${f.rows}  ` +
    `SQL/req ${f.queriesPerRequest.toFixed(1)}  fsync/req ${f.fsyncsPerRequest.toFixed(2)}  lock wait/req ${f.lockWaitMsPerRequest.toFixed(1)} ms  RSS max ${f.rssMaxMb.toFixed(0)} MB  server CPU ${f.serverCores.toFixed(2)} cores  ` +
    `client CPU ${f.clientCores.toFixed(2)} cores`;
  console.log(`\nPOST /tasks/:id/reports, ${w.connections} connections, ${w.durationS} s`);
  console.log(line('service (dist/main.js)', w.service));
  console.log(line('raw Fastify + mysql2', w.baseline));
  console.log(`service / raw: ${w.ratio.toFixed(2)} (goal ≥ 0.60)`);
  console.log(
    `API RSS: idle ${w.rssIdleMb.toFixed(0)} MB (goal ≤ 150; ${w.rssAfterBootMb.toFixed(0)} MB ` +
      `2 s after boot), under load ` +
      `${w.service.rssMaxMb.toFixed(0)} MB (goal ≤ 300); raw server idle ` +
      `${w.baselineRssIdleMb.toFixed(0)} MB, under load ${w.baseline.rssMaxMb.toFixed(0)} MB`,
  );
  console.log(`API idle: ${idleNote(w)}`);
}

const self = process.argv[1] ?? '';
if (/write\.bench\.js$/.test(self)) {
  if (process.argv[2] === '--serve-baseline') {
    serveBaseline(Number(process.argv[3])).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    runWrite().then(
      (w) => {
        printWrite(w);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
