// Processes the reliability suites start: private MariaDB and Redis servers, the built API and
// worker. Everything is registered with a Scope, which stops it and removes its temporary
// directories in afterAll, after a failure too.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { openDb, type Db } from './consistency.js';

const OUTPUT_KEPT = 1_000_000;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown by a probe to stop `until` at once (the process it waits for is gone). */
export class GiveUp extends Error {}

/**
 * Polls `probe` until `done` holds; a bounded wait on a state, not a fixed sleep. A probe that
 * throws is tried again (a server still starting refuses connections), unless it throws GiveUp.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined;
    let failure: unknown;
    try {
      value = await probe();
      if (done(value)) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      failure = error;
    }
    if (Date.now() > deadline) {
      const last = failure ? String(failure) : JSON.stringify(value);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last}`);
    }
    await sleep(intervalMs);
  }
}

export function freePort(): Promise<number> {
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

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A child process whose output is kept (the tail) for failure messages. */
export class Proc {
  private chunks: string[] = [];
  private kept = 0;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString();
      this.chunks.push(text);
      this.kept += text.length;
      while (this.kept > OUTPUT_KEPT && this.chunks.length > 1) {
        this.kept -= this.chunks.shift()!.length;
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  output(): string {
    return this.chunks.join('');
  }

  alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when the output matches (rejects when the process exits or time runs out). */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    await until(
      `${this.name} to print ${pattern}`,
      async () => {
        if (!this.alive()) throw new GiveUp(`${this.name} exited:\n${this.output().slice(-4000)}`);
        return pattern.test(this.output());
      },
      Boolean,
      timeoutMs,
      100,
    );
  }

  /** Sends `signal`, waits for the exit, and SIGKILLs after `graceMs` if it is still there. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    if (!this.alive()) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Where each suite leaves the output of the processes it ran (the tail of it), for a look. */
export const LOG_DIR = 'test-output/reliability';

/**
 * What one suite started. cleanup() stops every process still running, keeps the output of
 * each in LOG_DIR/<suite>-<process>.log and removes the temporary directories; a process exit
 * hook SIGKILLs leftovers if Jest dies first.
 */
export class Scope {
  private readonly procs = new Set<Proc>();
  private readonly ran: Proc[] = [];
  private readonly dirs: string[] = [];
  private readonly closers: (() => Promise<unknown>)[] = [];
  private readonly onExit = (): void => {
    for (const p of this.procs) if (p.alive()) p.child.kill('SIGKILL');
  };

  constructor(readonly suite: string) {
    process.once('exit', this.onExit);
  }

  spawn(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Proc {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = new Proc(name, child);
    // An 'error' event (e.g. the binary is missing) must not crash Jest; exit follows it.
    child.on('error', () => undefined);
    this.procs.add(proc);
    this.ran.push(proc);
    void proc.exited.then(() => this.procs.delete(proc));
    return proc;
  }

  tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `dondoc-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  /** Runs `close` at cleanup (pools, SMTP sinks), before the processes are stopped. */
  defer(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  async cleanup(): Promise<void> {
    for (const close of this.closers.reverse()) {
      await close().catch(() => undefined);
    }
    // Services first (they talk to the servers), then the servers.
    const all = [...this.procs];
    const services = all.filter((p) => !p.name.startsWith('server:'));
    await Promise.all(services.map((p) => p.stop('SIGTERM', 10_000)));
    await Promise.all(all.filter((p) => !services.includes(p)).map((p) => p.stop('SIGTERM')));
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    process.off('exit', this.onExit);
    mkdirSync(LOG_DIR, { recursive: true });
    const seen = new Map<string, number>();
    for (const p of this.ran) {
      const n = (seen.get(p.name) ?? 0) + 1;
      seen.set(p.name, n);
      const file = `${this.suite}-${p.name.replace(/[^a-z0-9-]+/gi, '_')}${n > 1 ? `-${n}` : ''}.log`;
      writeFileSync(`${LOG_DIR}/${file}`, p.output());
    }
  }
}

/** Runs a command to completion; rejects with its output on a non-zero exit or a timeout. */
export async function run(
  scope: Scope,
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string> {
  const proc = scope.spawn(name, command, args, env);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await proc.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name} failed (${code ?? signal}):\n${proc.output()}`);
  return proc.output();
}

/**
 * A MariaDB server of its own (data directory in a temporary directory, own port and socket),
 * so stopping it never touches the shared server other suites use.
 */
export class PrivateMariaDb {
  private proc: Proc | null = null;

  private constructor(
    private readonly scope: Scope,
    readonly dir: string,
    readonly port: number,
  ) {}

  static async install(scope: Scope): Promise<PrivateMariaDb> {
    const dir = scope.tempDir('mariadb');
    const db = new PrivateMariaDb(scope, dir, await freePort());
    await run(
      scope,
      'mariadb-install-db',
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...db.serverOptions(),
      ],
      process.env,
      60_000,
    );
    return db;
  }

  /** mysql://root@127.0.0.1:<port> (no database) */
  get serverUrl(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  private serverOptions(): string[] {
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    return [
      ...asRoot,
      '--innodb-buffer-pool-size=64M',
      '--innodb-log-file-size=32M',
      '--performance-schema=OFF',
      '--skip-name-resolve',
    ];
  }

  async start(): Promise<void> {
    if (this.proc?.alive()) throw new Error('the private MariaDB is already running');
    this.proc = this.scope.spawn(
      'server:mariadbd',
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        '--max-connections=300',
        ...this.serverOptions(),
      ],
      process.env,
    );
    const proc = this.proc;
    await until(
      `the private MariaDB on port ${this.port}`,
      async () => {
        if (!proc.alive()) throw new GiveUp(`mariadbd exited:\n${proc.output().slice(-4000)}`);
        const connection = await mysql.createConnection({ uri: this.serverUrl });
        await connection.end();
        return true;
      },
      Boolean,
      60_000,
      100,
    );
  }

  /** SIGTERM: a clean shutdown (it rolls back what is open); SIGKILL: a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    await this.proc?.stop(signal, 60_000);
  }
}

/** A Redis server of its own, without persistence: a restart comes back empty. */
export class PrivateRedis {
  private proc: Proc | null = null;

  private constructor(
    private readonly scope: Scope,
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(scope: Scope): Promise<PrivateRedis> {
    return new PrivateRedis(scope, await freePort(), scope.tempDir('redis'));
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.proc?.alive()) throw new Error('the private Redis is already running');
    this.proc = this.scope.spawn(
      'server:redis',
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
        '--maxmemory-policy',
        'noeviction',
      ],
      process.env,
    );
    const proc = this.proc;
    await until(
      `the private Redis on port ${this.port}`,
      async () => {
        if (!proc.alive()) throw new GiveUp(`redis-server exited:\n${proc.output()}`);
        return portOpen(this.port);
      },
      Boolean,
      20_000,
      50,
    );
  }

  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    await this.proc?.stop(signal);
  }
}

/** Recreates a database this project made (name must contain "test"), empty. */
export async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[A-Za-z0-9_]*test[A-Za-z0-9_]*$/.test(name) || name.length > 64) {
    throw new Error(`refusing to recreate ${name}: a test database name must contain "test"`);
  }
  const connection = await mysql.createConnection({ uri: serverUrl });
  try {
    const [tables] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [name],
    );
    if (tables.length > 0 && !tables.some((t) => t.name === 'schema_migrations')) {
      throw new Error(`refusing to drop ${name}: it was not created by Đôn đốc`);
    }
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

/** The shared server the run's database lives on: mysql://root@127.0.0.1:3306 */
export function sharedServerUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = '';
  return url.toString().replace(/\/$/, '');
}

/** The run's own database (recreated and seeded by the global setup). */
export function runDatabaseUrl(): string {
  return process.env.DATABASE_URL!;
}

/** The run's database name with a suffix: dondoc_test_<…>_<suffix>. */
export function suiteDatabaseName(suffix: string): string {
  const base = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  return `${base}_${suffix}`.slice(0, 64);
}

/** The run's queue prefix with a suffix, so a suite's Redis keys are its own. */
export function suiteQueuePrefix(suffix: string): string {
  return `${process.env.QUEUE_PREFIX ?? 'dondoc_test'}_${suffix}`;
}

export interface ServiceSettings {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  storageDir: string;
  /** more variables (SMTP_URL, ALLOW_CLOCK_OVERRIDE, …) */
  extra?: Record<string, string>;
}

function serviceEnv(settings: ServiceSettings, own: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.queuePrefix,
    STORAGE_DIR: settings.storageDir,
    THROTTLE_LIMIT: '10000000',
    LOGIN_THROTTLE_LIMIT: '10000000',
    LOG_LEVEL: 'warn',
    ...settings.extra,
    ...own,
  };
}

/** Migrates the database and loads the directory and demo users with the built CLI. */
export async function seedDemo(scope: Scope, settings: ServiceSettings): Promise<void> {
  await run(
    scope,
    'seed-demo',
    process.execPath,
    ['dist/cli.js', 'seed-demo'],
    serviceEnv(settings, {}),
    180_000,
  );
}

/** dist/main.js on a port of its own; restart() brings it back on the same port. */
export class ApiProcess {
  private proc: Proc | null = null;

  private constructor(
    private readonly scope: Scope,
    readonly name: string,
    readonly port: number,
    private readonly settings: ServiceSettings,
  ) {}

  static async start(scope: Scope, name: string, settings: ServiceSettings): Promise<ApiProcess> {
    const api = new ApiProcess(scope, name, await freePort(), settings);
    await api.restart();
    return api;
  }

  /** http://127.0.0.1:<port>/api/v1 */
  get base(): string {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  alive(): boolean {
    return this.proc?.alive() ?? false;
  }

  output(): string {
    return this.proc?.output() ?? '';
  }

  /** Starts the process (again) and resolves once it answers HTTP (any status). */
  async restart(): Promise<void> {
    if (this.alive()) throw new Error(`${this.name} is still running`);
    const proc = this.scope.spawn(
      this.name,
      process.execPath,
      ['dist/main.js'],
      serviceEnv(this.settings, { PORT: String(this.port), HOST: '127.0.0.1' }),
    );
    this.proc = proc;
    await until(
      `${this.name} to answer on port ${this.port}`,
      async () => {
        if (!proc.alive()) throw new GiveUp(`${this.name} exited:\n${proc.output().slice(-4000)}`);
        await fetch(`${this.base}/health`, { signal: AbortSignal.timeout(5000) });
        return true;
      },
      Boolean,
      90_000,
      200,
    );
  }

  /** SIGKILL: the process dies wherever it is, requests in flight included. */
  async kill(): Promise<void> {
    await this.proc?.stop('SIGKILL');
  }

  /** SIGTERM: drain and exit; resolves with how it exited. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.proc) return { code: null, signal: null };
    await this.proc.stop('SIGTERM');
    return this.proc.exited;
  }
}

/** dist/worker.js; resolves once it reports ready (its queues are consumed). */
export async function startWorker(
  scope: Scope,
  name: string,
  settings: ServiceSettings,
): Promise<Proc> {
  const proc = scope.spawn(
    name,
    process.execPath,
    ['dist/worker.js'],
    serviceEnv(settings, { LOG_LEVEL: 'info' }),
  );
  await proc.waitForOutput(/worker ready/, 90_000);
  return proc;
}

/**
 * One API process on the run's database and Redis (with a queue prefix and a storage folder of
 * its own), and a pool to read the rows it writes; both end with the scope.
 */
export async function apiOnRunDatabase(
  scope: Scope,
  name: string,
): Promise<{ settings: ServiceSettings; api: ApiProcess; db: Db }> {
  const settings: ServiceSettings = {
    databaseUrl: runDatabaseUrl(),
    redisUrl: process.env.REDIS_URL!,
    queuePrefix: suiteQueuePrefix(name),
    storageDir: scope.tempDir('storage'),
  };
  const api = await ApiProcess.start(scope, 'api', settings);
  const db = openDb(settings.databaseUrl);
  scope.defer(() => db.end());
  return { settings, api, db };
}
