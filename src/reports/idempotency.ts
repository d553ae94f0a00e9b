// Idempotency-Key rules, pure. The service keeps one row per (user, key): inserted before the
// work (in_flight), completed with the answer in the work's own transaction (done).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** How long an answer is kept for replays (API.md promises at least 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/**
 * A key still in flight after this long belongs to a request whose process died; it is taken
 * over rather than answering 409 for a day. Far above any real request's duration.
 */
export const IN_FLIGHT_STALE_MS = 10 * 60 * 1000;

/** Seconds a client is told to wait when the first request with its key is still running. */
export const RETRY_AFTER_SECONDS = 2;

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

export interface ReportRequestFacts {
  taskId: string;
  period: string | null;
  percent: number;
  narrative: string;
  indicators: { targetId: string; value: number }[];
  /** sha256 of each evidence file, in the order sent */
  evidence: string[];
}

/**
 * What "the same request" means: the route, the task, the validated fields and the files'
 * content. Key order and JSON vs multipart do not matter; a different file does.
 */
export function reportRequestHash(facts: ReportRequestFacts): string {
  const payload = canonicalJson({ route: 'POST /tasks/:id/reports', ...facts });
  return createHash('sha256').update(payload).digest('hex');
}

export interface KeyRowFacts {
  requestHash: string;
  state: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * What to answer when the key is already taken:
 * - reusable: expired, or abandoned in flight; drop the old row and start again
 * - mismatch: the same key with another body (422)
 * - in_flight: the first request is still running (409 with Retry-After)
 * - replay: answer what the first request answered
 */
export type KeyDecision = 'reusable' | 'mismatch' | 'in_flight' | 'replay';

export function decideOnTakenKey(row: KeyRowFacts, requestHash: string, now: Date): KeyDecision {
  if (row.expiresAt.getTime() <= now.getTime()) return 'reusable';
  if (row.state === 'in_flight' && now.getTime() - row.createdAt.getTime() > IN_FLIGHT_STALE_MS) {
    return 'reusable';
  }
  if (row.requestHash !== requestHash) return 'mismatch';
  return row.state === 'done' ? 'replay' : 'in_flight';
}
