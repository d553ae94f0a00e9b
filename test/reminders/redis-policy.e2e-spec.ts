import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitForExit, waitForOutput } from '../helpers/processes.js';

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// A Redis of the test's own that evicts keys: the shared one must keep noeviction.
describe('the worker and an evicting Redis', () => {
  let redis: ChildProcess;
  let redisUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await waitForOutput(redis, /Ready to accept connections/, 10_000);
    redis.stdout?.resume();
    redisUrl = `redis://127.0.0.1:${port}`;
  });

  afterAll(() => {
    redis?.kill('SIGTERM');
  });

  const worker = (env: Record<string, string>) =>
    spawn(process.execPath, [process.env.REMINDERS_WORKER_ENTRY ?? 'dist/worker.js'], {
      env: { ...process.env, LOG_LEVEL: 'info', REDIS_URL: redisUrl, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('refuses to start in production, naming the fix', async () => {
    const child = worker({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
    });
    const { code, stderr } = await waitForExit(child, 30_000);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[worker\].*maxmemory-policy là "allkeys-lru"/);
    expect(stderr).toContain('CONFIG SET maxmemory-policy noeviction');
  });

  it('starts with a warning in test (and demo)', async () => {
    const child = worker({});
    try {
      const out = await waitForOutput(child, /worker ready/, 30_000);
      expect(out).toMatch(/maxmemory-policy là \\?"allkeys-lru\\?"/);
    } finally {
      child.kill('SIGTERM');
      await waitForExit(child, 20_000);
    }
  });
});
