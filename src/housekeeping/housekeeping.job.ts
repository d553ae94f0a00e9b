import { Injectable, Logger } from '@nestjs/common';
import { FileStorageService, type FoundFile } from '../common/storage/file-storage.service.js';
import { HousekeepingRepository } from './housekeeping.repository.js';

/**
 * A stored file no row names is an orphan once it is this old: an upload whose report or
 * document was refused or rolled back, or whose commit's outcome was unknown (the connection
 * dropped). A day is far longer than any request, so a file of a write still running is
 * never taken.
 */
export const ORPHAN_AFTER_MS = 24 * 3600 * 1000;

const KEY_BATCH = 1000;
const FILE_BATCH = 500;

export interface HousekeepingResult {
  expiredKeys: number;
  orphanFiles: number;
  unfinishedWrites: number;
}

/**
 * Nightly (HOUSEKEEPING_TIME): removes expired Idempotency-Key rows, stored files no row
 * names, and temporary files of writes that never finished. Nothing a person entered is
 * removed: a key's answer is only kept for replays within its lifetime, and an orphan file
 * belongs to no report or document.
 */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger(HousekeepingJob.name);

  constructor(
    private readonly repo: HousekeepingRepository,
    private readonly storage: FileStorageService,
  ) {}

  async handle(now = new Date()): Promise<HousekeepingResult> {
    let expiredKeys = 0;
    for (;;) {
      const removed = await this.repo.purgeExpiredKeys(now, KEY_BATCH);
      expiredKeys += removed;
      if (removed < KEY_BATCH) break;
    }

    let orphanFiles = 0;
    let unfinishedWrites = 0;
    let batch: FoundFile[] = [];
    const flush = async () => {
      const named = await this.repo.namedKeys(batch.map((file) => file.key));
      for (const file of batch) {
        if (named.has(file.key)) continue;
        await this.storage.remove(file.key);
        orphanFiles += 1;
      }
      batch = [];
    };
    for await (const file of this.storage.filesBefore(new Date(now.getTime() - ORPHAN_AFTER_MS))) {
      if (file.temporary) {
        await this.storage.removeTemporary(file.key);
        unfinishedWrites += 1;
        continue;
      }
      batch.push(file);
      if (batch.length >= FILE_BATCH) await flush();
    }
    if (batch.length > 0) await flush();

    const result = { expiredKeys, orphanFiles, unfinishedWrites };
    this.logger.log(
      `housekeeping: ${expiredKeys} expired idempotency keys, ${orphanFiles} orphan files, ${unfinishedWrites} unfinished writes removed`,
    );
    return result;
  }
}
