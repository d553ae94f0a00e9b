import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';

/** A file found in storage by a walk; `temporary` when it is a write that never finished. */
export interface FoundFile {
  key: string;
  temporary: boolean;
  modifiedAt: Date;
}

export interface StoredFile {
  /** `yyyy/mm/<uuid>`: where the file lives under STORAGE_DIR */
  key: string;
  sha256: string;
  sizeBytes: number;
}

/** Raised when a key the database names has no file behind it (storage lost or restored badly). */
export class StoredFileMissingError extends Error {
  constructor(readonly key: string) {
    super(`stored file ${key} is missing`);
    this.name = 'StoredFileMissingError';
  }
}

const TEMP_SUFFIX = '.tmp';

// Keys come from our own rows, but a strict shape keeps a bad one from walking out of the root.
const KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files on local disk under STORAGE_DIR. A file appears under its key only once fully written
 * (temp name, then rename in the same directory), so a reader never sees half a file.
 */
@Injectable()
export class FileStorageService {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = path.resolve(config.STORAGE_DIR);
  }

  /** Writes the stream (or buffer) under a new key; sha256 and size are taken on the way. */
  async write(source: Readable | Buffer, now: Date = new Date()): Promise<StoredFile> {
    const month = String(now.getUTCMonth() + 1).padStart(2, '0');
    const key = `${now.getUTCFullYear()}/${month}/${randomUUID()}`;
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}${TEMP_SUFFIX}`;
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        Buffer.isBuffer(source) ? Readable.from([source]) : source,
        meter,
        createWriteStream(temp, { flags: 'wx', mode: 0o640 }),
      );
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, sha256: hash.digest('hex'), sizeBytes };
  }

  /** Opens the file first, so a missing one fails here and not halfway through a response. */
  async openRead(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissingError(key);
      throw error;
    }
  }

  /** The first `maxBytes` of the file (all of it when smaller), e.g. to sniff its type. */
  async readStart(key: string, maxBytes: number): Promise<Buffer> {
    let handle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissingError(key);
      throw error;
    }
    try {
      const buffer = Buffer.alloc(maxBytes);
      let filled = 0;
      while (filled < maxBytes) {
        const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Best effort: used on cleanup paths, where a failure must not hide the original error. */
  async removeQuietly(keys: string[]): Promise<void> {
    await Promise.allSettled(keys.map((key) => this.remove(key)));
  }

  /**
   * Every file under the root last modified before `cutoff`, month folder by month folder:
   * stored files by key, and the temporary files of writes that never finished. Anything
   * else found there (not written by this service) is left out.
   */
  async *filesBefore(cutoff: Date): AsyncGenerator<FoundFile> {
    for (const year of await this.folders(this.root, /^\d{4}$/)) {
      for (const month of await this.folders(path.join(this.root, year), /^\d{2}$/)) {
        const dir = path.join(this.root, year, month);
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          const temporary = name.endsWith(TEMP_SUFFIX);
          const key = `${year}/${month}/${temporary ? name.slice(0, -TEMP_SUFFIX.length) : name}`;
          if (!KEY.test(key)) continue;
          const info = await stat(path.join(dir, name)).catch(() => null);
          if (!info?.isFile() || info.mtime >= cutoff) continue;
          yield { key, temporary, modifiedAt: info.mtime };
        }
      }
    }
  }

  /** Removes the temporary file of a write that never finished. */
  async removeTemporary(key: string): Promise<void> {
    await rm(`${this.pathOf(key)}${TEMP_SUFFIX}`, { force: true });
  }

  private async folders(dir: string, name: RegExp): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isDirectory() && name.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key "${key}"`);
    return path.join(this.root, ...key.split('/'));
  }
}
