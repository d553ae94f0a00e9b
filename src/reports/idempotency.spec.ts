import { describe, expect, it } from '@jest/globals';
import {
  decideOnTakenKey,
  IDEMPOTENCY_TTL_MS,
  IN_FLIGHT_STALE_MS,
  isValidIdempotencyKey,
  reportRequestHash,
  type ReportRequestFacts,
} from './idempotency.js';

const facts: ReportRequestFacts = {
  taskId: '7d0c3c1e-58c4-4c55-9b8e-3b1f4a0f0001',
  period: '2022-H1',
  percent: 40,
  narrative: 'Đã tổ chức quán triệt',
  indicators: [{ targetId: 't1', value: 3 }],
  evidence: ['a'.repeat(64)],
};

describe('isValidIdempotencyKey', () => {
  it('accepts 1-128 characters of [A-Za-z0-9._:-]', () => {
    expect(isValidIdempotencyKey('a')).toBe(true);
    expect(isValidIdempotencyKey('report:2022-H1_v1.0')).toBe(true);
    expect(isValidIdempotencyKey('x'.repeat(128))).toBe(true);
  });

  it('refuses empty, too long, other characters and non-strings', () => {
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(129))).toBe(false);
    expect(isValidIdempotencyKey('có dấu')).toBe(false);
    expect(isValidIdempotencyKey('a/b')).toBe(false);
    expect(isValidIdempotencyKey(undefined)).toBe(false);
    expect(isValidIdempotencyKey(['a'])).toBe(false);
  });
});

describe('reportRequestHash', () => {
  it('is a sha256 hex that ignores property order', () => {
    const reordered = {
      evidence: facts.evidence,
      indicators: facts.indicators,
      narrative: facts.narrative,
      percent: facts.percent,
      period: facts.period,
      taskId: facts.taskId,
    };
    expect(reportRequestHash(facts)).toMatch(/^[0-9a-f]{64}$/);
    expect(reportRequestHash(reordered)).toBe(reportRequestHash(facts));
  });

  it('changes with any field, the task or a file', () => {
    const base = reportRequestHash(facts);
    expect(reportRequestHash({ ...facts, percent: 41 })).not.toBe(base);
    expect(reportRequestHash({ ...facts, narrative: 'khác' })).not.toBe(base);
    expect(reportRequestHash({ ...facts, period: null })).not.toBe(base);
    expect(reportRequestHash({ ...facts, taskId: 'other' })).not.toBe(base);
    expect(reportRequestHash({ ...facts, indicators: [] })).not.toBe(base);
    expect(reportRequestHash({ ...facts, evidence: ['b'.repeat(64)] })).not.toBe(base);
    expect(reportRequestHash({ ...facts, evidence: [] })).not.toBe(base);
  });
});

describe('decideOnTakenKey', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const row = (over: Partial<{ requestHash: string; state: string; ageMs: number }> = {}) => ({
    requestHash: over.requestHash ?? 'h',
    state: over.state ?? 'done',
    createdAt: new Date(now.getTime() - (over.ageMs ?? 1000)),
    expiresAt: new Date(now.getTime() - (over.ageMs ?? 1000) + IDEMPOTENCY_TTL_MS),
  });

  it('replays a finished request with the same body', () => {
    expect(decideOnTakenKey(row(), 'h', now)).toBe('replay');
  });

  it('refuses the same key with another body, finished or not', () => {
    expect(decideOnTakenKey(row(), 'other', now)).toBe('mismatch');
    expect(decideOnTakenKey(row({ state: 'in_flight' }), 'other', now)).toBe('mismatch');
  });

  it('says in flight while the first request runs', () => {
    expect(decideOnTakenKey(row({ state: 'in_flight' }), 'h', now)).toBe('in_flight');
  });

  it('lets an expired key or an abandoned in-flight key be used again', () => {
    expect(decideOnTakenKey(row({ ageMs: IDEMPOTENCY_TTL_MS + 1 }), 'other', now)).toBe('reusable');
    expect(
      decideOnTakenKey(row({ state: 'in_flight', ageMs: IN_FLIGHT_STALE_MS + 1 }), 'h', now),
    ).toBe('reusable');
    expect(decideOnTakenKey(row({ ageMs: IN_FLIGHT_STALE_MS + 1 }), 'h', now)).toBe('replay');
  });
});
