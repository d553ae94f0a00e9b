import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../cli.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DEMO_USERS, DemoDataService } from './demo-data.service.js';
import { probeServer } from '../database/ensure-database.js';
import { runMigrations } from '../database/migrations/migration-commands.js';

const HOW_TO_START = `
Cách khởi động / how to start them:
  - với Docker / with Docker:  docker compose up -d mysql redis
  - MariaDB cài sẵn / local MariaDB:  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld && \\
      start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  - Redis cài sẵn / local Redis:  redis-server --daemonize yes --bind 127.0.0.1 --port 6379
Hoặc đặt DATABASE_URL và REDIS_URL / or set DATABASE_URL and REDIS_URL.`;

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/**
 * `npm run demo`: checks MySQL/MariaDB and Redis, migrates, loads the demo data, then runs the
 * API and the worker together until Ctrl+C.
 */
export async function runDemo(config: AppConfig): Promise<number> {
  const database = await probeServer(config.DATABASE_URL).catch((error: Error) => error);
  if (database instanceof Error) {
    console.error(
      `Không kết nối được MySQL/MariaDB tại ${redactUrl(config.DATABASE_URL)} / cannot reach the database: ${database.message}${HOW_TO_START}`,
    );
    return 1;
  }
  if (!(await redisAnswers(config.REDIS_URL))) {
    console.error(
      `Không kết nối được Redis tại ${redactUrl(config.REDIS_URL)} / cannot reach Redis.${HOW_TO_START}`,
    );
    return 1;
  }
  const ran = await runMigrations(config.DATABASE_URL);
  console.log(
    `Cơ sở dữ liệu ${config.databaseName} (${database.flavour} ${database.version}): ${ran.length} migration mới.`,
  );
  const cli = await NestFactory.createApplicationContext(
    CliModule.forRoot({ config, flavour: database.flavour }),
    { logger: ['error', 'warn'] },
  );
  try {
    const loaded = await cli.get(DemoDataService).load();
    console.log(
      `Danh mục cơ quan / directory: ${loaded.organizations.created.length} mới, ${loaded.organizations.updated.length} cập nhật.` +
        (loaded.usersCreated.length
          ? ` Người dùng mới / new users: ${loaded.usersCreated.join(', ')}.`
          : '') +
        (loaded.documents
          ? ` Văn bản mẫu / sample documents: ${loaded.documents.uploaded}; ${loaded.documents.published} nhiệm vụ đã giao / tasks published.`
          : ''),
    );
  } finally {
    await cli.close();
  }

  const env = { ...process.env, NODE_ENV: config.NODE_ENV };
  const dist = join(process.cwd(), 'dist');
  const children: ChildProcess[] = [
    spawn(process.execPath, [join(dist, 'main.js')], { env, stdio: 'inherit' }),
    spawn(process.execPath, [join(dist, 'worker.js')], { env, stdio: 'inherit' }),
  ];
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const base = `http://localhost:${config.PORT}`;
  const exited = new Promise<number>((resolve) => {
    let left = children.length;
    for (const child of children) {
      child.on('exit', (code) => {
        if (!stopping) stop('SIGTERM');
        left -= 1;
        if (left === 0) resolve(stopping && code === 0 ? 0 : (code ?? 1));
      });
    }
  });
  if (await waitForHealth(`${base}/api/v1/health`, 30_000)) {
    console.log(`
Đôn đốc đang chạy / is running (API + worker). Ctrl+C để dừng / to stop.
  Giao diện / web:     ${base}/
  Sức khỏe / health:  ${base}/api/v1/health
  API:                ${base}/api/v1
  Tài liệu API / docs: ${base}/docs   (OpenAPI: ${base}/docs-json)
  Số đo / metrics:     ${base}/metrics

Người dùng thử / demo users (mật khẩu / password: ${config.DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `  ${u.username.padEnd(14)} ${u.role.padEnd(10)} ${u.organizationId}`).join('\n')}
  Đăng nhập / log in:  curl -s -X POST ${base}/api/v1/auth/login -H 'content-type: application/json' \\
                         -d '{"username":"vanphong.hg","password":"${config.DEMO_PASSWORD}"}'
`);
  }
  return exited;
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
