import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../database/unit-of-work.repository.js';
import { AuditChainHead, AuditEvent } from './audit-event.entity.js';
import { GENESIS_HASH, type HashedAuditFields } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';

export interface AuditRecord extends HashedAuditFields {
  id: string;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
}

function toRecord(row: AuditEvent): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.beforeJson === null ? null : (JSON.parse(row.beforeJson) as unknown),
    after: row.afterJson === null ? null : (JSON.parse(row.afterJson) as unknown),
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Appends one event inside the caller's transaction, in one round trip (procedure
   * audit_append): the chain head is locked there, so concurrent writers queue on it and the
   * chain stays a single line; the lock is held from this call to the commit only. The hash is
   * computed by the server from the canonical JSON made here (sha256 of previous hash + text,
   * as auditHash), so verify recomputes it from the row. `commit`: the procedure also commits
   * the transaction (the call must then be the transaction's last statement).
   */
  async append(
    tx: Tx,
    fields: Omit<HashedAuditFields, 'occurredAt'>,
    commit = false,
  ): Promise<AuditRecord> {
    // Millisecond precision, as the column stores it, so the hash recomputes from the row.
    const occurredAt = new Date(Math.floor(Date.now()));
    const hashed: HashedAuditFields = {
      ...fields,
      before: normalize(fields.before),
      after: normalize(fields.after),
      occurredAt: occurredAt.toISOString(),
    };
    const results = (await tx.manager.query('CALL audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      occurredAt,
      fields.actorId,
      fields.actorRole,
      fields.action,
      fields.entityType,
      fields.entityId,
      hashed.before === null ? null : canonicalJson(hashed.before),
      hashed.after === null ? null : canonicalJson(hashed.after),
      fields.requestId,
      canonicalJson(hashed),
      commit ? 1 : 0,
    ])) as unknown[];
    const row = (results[0] as { id: string | number; prev_hash: string; hash: string }[])[0];
    if (!row) throw new Error('audit_append returned no row');
    return { ...hashed, id: String(row.id), prevHash: row.prev_hash, hash: row.hash };
  }

  async list(
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditRecord[]; total: number }> {
    const where = {
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
    };
    const [rows, total] = await this.events.findAndCount({
      where,
      order: { id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toRecord), total };
  }

  /** Events in id order, a batch at a time, so verify reads any size of log in bounded memory. */
  async *inOrder(batchSize = 1000): AsyncGenerator<AuditRecord> {
    let after = '0';
    for (;;) {
      const rows = await this.events
        .createQueryBuilder('e')
        .where('e.id > :after', { after })
        .orderBy('e.id', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) yield toRecord(row);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  async head(): Promise<{ lastEventId: string | null; lastHash: string }> {
    const head = await this.events.manager.getRepository(AuditChainHead).findOneBy({ id: 1 });
    return { lastEventId: head?.lastEventId ?? null, lastHash: head?.lastHash ?? GENESIS_HASH };
  }
}

// What is hashed is what is stored: plain JSON values (dates as strings, no undefined).
function normalize(value: unknown): unknown {
  return value === undefined || value === null
    ? null
    : (JSON.parse(canonicalJson(value)) as unknown);
}
