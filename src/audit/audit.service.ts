import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../database/unit-of-work.repository.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import { AuditRepository, type AuditFilter, type AuditRecord } from './audit.repository.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  firstBrokenId: string | null;
}

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** One event for one write, in the write's own transaction. */
  record(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<AuditRecord> {
    return this.audit.append(tx, this.fields(actor, entry));
  }

  private fields(actor: Actor | null, entry: AuditEntry) {
    return {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: actor?.requestId ?? null,
    };
  }

  /**
   * The event, then the commit of `tx`, in one round trip: for a write whose last statement is
   * its audit event, so the chain head (taken by every write) is held as briefly as possible.
   * Nothing may follow in `tx`; the UnitOfWork's own COMMIT then finds nothing left to do.
   */
  recordAndCommit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<AuditRecord> {
    return this.audit.append(tx, this.fields(actor, entry), true);
  }

  list(filter: AuditFilter, page: number, pageSize: number) {
    return this.audit.list(filter, page, pageSize);
  }

  /** Recomputes the chain from the first event; names the first event whose hash fails. */
  async verify(): Promise<VerifyResult> {
    let previous = GENESIS_HASH;
    let events = 0;
    let lastId: string | null = null;
    for await (const event of this.audit.inOrder()) {
      events += 1;
      const { id, prevHash, hash, ...fields } = event;
      if (prevHash !== previous || auditHash(previous, fields) !== hash) {
        return { ok: false, events, firstBrokenId: id };
      }
      previous = hash;
      lastId = id;
    }
    const head = await this.audit.head();
    // A deleted tail shows as a head that points past the last event still there.
    if (head.lastEventId !== lastId || head.lastHash !== previous) {
      return { ok: false, events, firstBrokenId: head.lastEventId ?? lastId };
    }
    return { ok: true, events, firstBrokenId: null };
  }
}
