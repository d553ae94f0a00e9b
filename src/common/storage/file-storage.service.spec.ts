import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../config/app-config.js';
import { FileStorageService, StoredFileMissingError } from './file-storage.service.js';

const root = mkdtempSync(join(tmpdir(), 'dondoc-storage-'));
const storage = new FileStorageService({ STORAGE_DIR: root } as AppConfig);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('FileStorageService', () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes a stream under yyyy/mm/<uuid>, with its sha256 and size', async () => {
    const bytes = Buffer.from('Báo cáo sơ kết '.repeat(1000));
    const stored = await storage.write(
      Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]),
      new Date('2026-03-05T00:00:00Z'),
    );
    expect(stored.key).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(stored.sizeBytes).toBe(bytes.length);
    await expect(readAll(await storage.openRead(stored.key))).resolves.toEqual(bytes);
    await expect(storage.readStart(stored.key, 10)).resolves.toEqual(bytes.subarray(0, 10));
    // no temp file left beside it
    expect(readdirSync(join(root, '2026', '03'))).toEqual([stored.key.split('/')[2]]);
  });

  it('leaves nothing behind when the source fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half'));
        this.destroy(new Error('client went away'));
      },
    });
    const before = readdirSync(root, { recursive: true }).length;
    await expect(storage.write(failing)).rejects.toThrow('client went away');
    const files = readdirSync(root, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.length).toBeLessThanOrEqual(before + 2); // at most the new yyyy/mm directories
  });

  it('says a removed file is missing, and refuses keys outside its shape', async () => {
    const stored = await storage.write(Buffer.from('x'));
    await storage.remove(stored.key);
    await expect(storage.openRead(stored.key)).rejects.toBeInstanceOf(StoredFileMissingError);
    await expect(storage.remove(stored.key)).resolves.toBeUndefined();
    await expect(storage.openRead('../../etc/passwd')).rejects.toThrow('invalid storage key');
  });
});
