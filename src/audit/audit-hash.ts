import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The part of an audit event its hash covers. */
export interface HashedAuditFields {
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** hash = sha256(previous hash + canonical JSON of the event): one broken link breaks the rest. */
export function auditHash(previousHash: string, event: HashedAuditFields): string {
  return createHash('sha256').update(previousHash).update(canonicalJson(event)).digest('hex');
}
