import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * What the nightly housekeeping reads and removes: expired Idempotency-Key rows, and which
 * stored files a row still names (evidence of a report, the file a document came from).
 */
@Injectable()
export class HousekeepingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Deletes up to `limit` keys expired before `now`; returns how many went. */
  async purgeExpiredKeys(now: Date, limit: number): Promise<number> {
    const result = (await this.db.query(
      'DELETE FROM idempotency_key WHERE expires_at < ? ORDER BY expires_at LIMIT ?',
      [now, limit],
    )) as { affectedRows: number };
    return result.affectedRows;
  }

  /** The storage keys among `keys` that an evidence or a source file row names. */
  async namedKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const marks = keys.map(() => '?').join(', ');
    const rows = (await this.db.query(
      `SELECT storage_key AS storageKey FROM evidence_file WHERE storage_key IN (${marks})
       UNION
       SELECT storage_key FROM source_file WHERE storage_key IN (${marks})`,
      [...keys, ...keys],
    )) as { storageKey: string }[];
    return new Set(rows.map((row) => row.storageKey));
  }
}
