import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { JobName, QueueName } from '../../src/reminders/queues.js';
import { HEARTBEAT_KEY } from '../../src/reminders/jobs/heartbeat.job.js';
import { waitForExit, waitForOutput } from '../helpers/processes.js';

const connection = { url: process.env.REDIS_URL!, maxRetriesPerRequest: null };

describe('built entry points (dist/main.js, dist/worker.js)', () => {
  it('stops the boot on a bad DATABASE_URL with one line naming the variable', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: { ...process.env, DATABASE_URL: 'not-a-url' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { code, stderr } = await waitForExit(child, 15_000);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_URL/);
  });

  it('says how to fix it when the database does not answer', async () => {
    const child = spawn(process.execPath, ['dist/worker.js'], {
      env: { ...process.env, DATABASE_URL: 'mysql://root@127.0.0.1:1/dondoc_test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { code, stderr } = await waitForExit(child, 15_000);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[worker\].*ECONNREFUSED/);
  });

  describe('the worker', () => {
    let worker: ChildProcess;
    let queue: Queue;
    let events: QueueEvents;
    const prefix = process.env.QUEUE_PREFIX!;

    beforeAll(async () => {
      queue = new Queue(QueueName.System, { connection, prefix });
      events = new QueueEvents(QueueName.System, { connection, prefix });
      await events.waitUntilReady();
      worker = spawn(process.execPath, ['dist/worker.js'], {
        env: { ...process.env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await waitForOutput(worker, /worker ready/, 20_000);
    });

    afterAll(async () => {
      if (worker.exitCode === null) worker.kill('SIGKILL');
      await events.close();
      await queue.close();
    });

    it('processes a job on the real Redis', async () => {
      const job = await queue.add(JobName.Heartbeat, { requestedAt: new Date().toISOString() });
      const result = (await job.waitUntilFinished(events, 15_000)) as { seenAt: string };
      expect(Date.parse(result.seenAt)).not.toBeNaN();
      const redis = new Redis(process.env.REDIS_URL!);
      const beat = JSON.parse((await redis.get(`${prefix}:${HEARTBEAT_KEY}`)) ?? '{}') as {
        jobId?: string;
      };
      redis.disconnect();
      expect(beat.jobId).toBe(job.id);
      await expect(queue.getJobCounts('waiting', 'active')).resolves.toEqual({
        waiting: 0,
        active: 0,
      });
    });

    it('drains and exits cleanly on SIGTERM', async () => {
      worker.kill('SIGTERM');
      const { code } = await waitForExit(worker, 20_000);
      expect(code).toBe(0);
    });
  });

  describe('the API', () => {
    it('serves, then drains and exits cleanly on SIGTERM', async () => {
      const api = spawn(process.execPath, ['dist/main.js'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await waitForOutput(api, /Nest application successfully started/, 20_000);
      api.kill('SIGTERM');
      const { code } = await waitForExit(api, 20_000);
      expect(code).toBe(0);
    });
  });
});
