import { describe, expect, it } from '@jest/globals';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash.js';
import { canonicalJson } from './canonical-json.js';

const event: HashedAuditFields = {
  occurredAt: '2026-11-23T08:00:00.000Z',
  actorId: 'u1',
  actorRole: 'office',
  action: 'task.create',
  entityType: 'task',
  entityId: '42',
  before: null,
  after: { b: 1, a: [{ y: 2, x: 1 }] },
  requestId: 'r1',
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}]},"b":1}',
    );
  });

  it('writes dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2024-06-30T00:00:00Z') })).toBe(
      '{"at":"2024-06-30T00:00:00.000Z"}',
    );
  });
});

describe('auditHash', () => {
  it('does not depend on the order properties were built in', () => {
    const reordered = { ...event, after: { a: [{ x: 1, y: 2 }], b: 1 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, event));
  });

  it('changes with the previous hash and with any field', () => {
    const base = auditHash(GENESIS_HASH, event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), event)).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...event, entityId: '43' })).not.toBe(base);
    expect(auditHash(GENESIS_HASH, { ...event, after: { b: 2, a: [] } })).not.toBe(base);
  });
});
