import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { FileStorageService } from '../../src/common/storage/file-storage.service.js';
import type { HousekeepingResult } from '../../src/housekeeping/housekeeping.job.js';
import { JobName, QueueName } from '../../src/reminders/queues.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startWorker, stopWorker } from './reminder-fixtures.js';

// The nightly housekeeping, run by the real worker: expired Idempotency-Key rows and stored
// files that no row names (older than a day) go; everything still named or recent stays.

const DAY = 24 * 3600 * 1000;

describe('housekeeping (real worker)', () => {
  const storageDir = `test-output/storage-housekeeping-${process.pid}`;
  const env = { STORAGE_DIR: storageDir };
  let t: TestApp;
  let db: DataSource;
  let storage: FileStorageService;
  let worker: ChildProcess;
  const redis = () => ({ url: process.env.REDIS_URL!, maxRetriesPerRequest: null });

  beforeAll(async () => {
    rmSync(storageDir, { recursive: true, force: true });
    t = await startTestApp({ env });
    db = t.app.get(DataSource);
    storage = t.app.get(FileStorageService);
    worker = await startWorker(env);
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const pathOf = (key: string) => resolve(storageDir, ...key.split('/'));
  const age = (key: string, ms: number, suffix = '') => {
    const when = new Date(Date.now() - ms);
    utimesSync(`${pathOf(key)}${suffix}`, when, when);
  };
  const stored = async (content: string, ageMs: number) => {
    const { key } = await storage.write(Buffer.from(content));
    age(key, ageMs);
    return key;
  };
  const addKey = async (userId: string, key: string, expiresAt: Date) => {
    await db.query(
      `INSERT INTO idempotency_key (user_id, idem_key, request_hash, state, response_status,
         response_body, created_at, expires_at) VALUES (?, ?, ?, 'done', 201, '{}', ?, ?)`,
      [userId, key, 'a'.repeat(64), new Date(expiresAt.getTime() - DAY), expiresAt],
    );
  };

  async function runHousekeeping(): Promise<HousekeepingResult> {
    const queue = new Queue(QueueName.Reminders, {
      connection: redis(),
      prefix: process.env.QUEUE_PREFIX!,
    });
    const events = new QueueEvents(QueueName.Reminders, {
      connection: redis(),
      prefix: process.env.QUEUE_PREFIX!,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add(
        JobName.Housekeeping,
        {},
        { jobId: `housekeeping-${randomUUID()}` },
      );
      return (await job.waitUntilFinished(events, 30_000)) as HousekeepingResult;
    } finally {
      await events.close();
      await queue.close();
    }
  }

  it('removes expired keys, orphan files and unfinished writes; keeps what is named or recent', async () => {
    // Rows made here name no real report or document: they are removed at the end, so the
    // run's database stays consistent for the suites that check it whole (test/reliability).
    const user = randomUUID();
    const evidenceId = randomUUID();
    const sourceId = randomUUID();
    try {
      await checkHousekeeping(user, evidenceId, sourceId);
    } finally {
      await db.query('DELETE FROM evidence_file WHERE id = ?', [evidenceId]);
      await db.query('DELETE FROM source_file WHERE id = ?', [sourceId]);
      await db.query('DELETE FROM idempotency_key WHERE user_id = ?', [user]);
    }
  }, 60_000);

  async function checkHousekeeping(user: string, evidenceId: string, sourceId: string) {
    await addKey(user, 'het-han-1', new Date(Date.now() - 60_000));
    await addKey(user, 'het-han-2', new Date(Date.now() - DAY));
    await addKey(user, 'con-han', new Date(Date.now() + DAY));

    const orphan = await stored('tệp không ai nhắc tới', 2 * DAY);
    const recentOrphan = await stored('tệp mới tải lên', 3600 * 1000);
    const evidence = await stored('minh chứng của một báo cáo', 3 * DAY);
    const source = await stored('văn bản gốc', 3 * DAY);
    await db.query(
      `INSERT INTO evidence_file (id, report_id, filename, media_type, size_bytes, sha256, storage_key)
       VALUES (?, ?, 'minh-chung.pdf', 'application/pdf', 10, ?, ?)`,
      [evidenceId, randomUUID(), 'b'.repeat(64), evidence],
    );
    await db.query(
      `INSERT INTO source_file (id, sha256, filename, media_type, size_bytes, storage_key, text, uploaded_by)
       VALUES (?, ?, 'nghi-quyet.txt', 'text/plain', 10, ?, 'Nghị quyết', ?)`,
      [sourceId, randomUUID().replaceAll('-', '').padEnd(64, 'c'), source, user],
    );
    // a write that died before its rename; and something this service never wrote
    const unfinished = `${orphan.slice(0, 8)}${randomUUID()}`;
    writeFileSync(`${pathOf(unfinished)}.tmp`, 'nửa tệp');
    age(unfinished, 2 * DAY, '.tmp');
    const foreign = join(storageDir, orphan.slice(0, 8), 'ghi-chu.txt');
    writeFileSync(foreign, 'không phải của dịch vụ');
    utimesSync(foreign, new Date(Date.now() - 5 * DAY), new Date(Date.now() - 5 * DAY));

    const result = await runHousekeeping();

    expect(result).toEqual({ expiredKeys: 2, orphanFiles: 1, unfinishedWrites: 1 });
    const keys = (await db.query('SELECT idem_key AS k FROM idempotency_key WHERE user_id = ?', [
      user,
    ])) as { k: string }[];
    expect(keys.map((row) => row.k)).toEqual(['con-han']);
    expect(existsSync(pathOf(orphan))).toBe(false);
    expect(existsSync(`${pathOf(unfinished)}.tmp`)).toBe(false);
    for (const kept of [recentOrphan, evidence, source])
      expect(existsSync(pathOf(kept))).toBe(true);
    expect(existsSync(foreign)).toBe(true);

    // a second run finds nothing more to do
    expect(await runHousekeeping()).toEqual({
      expiredKeys: 0,
      orphanFiles: 0,
      unfinishedWrites: 0,
    });
  }

  it('is scheduled nightly at HOUSEKEEPING_TIME in the app time zone', async () => {
    const queue = new Queue(QueueName.Reminders, {
      connection: redis(),
      prefix: process.env.QUEUE_PREFIX!,
    });
    try {
      const scheduler = await queue.getJobScheduler('housekeeping-nightly');
      expect(scheduler).toMatchObject({ pattern: '15 3 * * *', tz: 'Asia/Ho_Chi_Minh' });
    } finally {
      await queue.close();
    }
  });
});
