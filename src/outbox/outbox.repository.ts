import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/unit-of-work.repository.js';

/** A job to hand to BullMQ once the transaction that records it has committed. */
export interface OutboxJob {
  queue: string;
  name: string;
  jobId: string;
  payload: object;
}

export interface OutboxEntry extends OutboxJob {
  id: string;
  attempts: number;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One multi-row INSERT in the caller's transaction. */
  async add(tx: Tx, jobs: OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await tx.manager.query(
      `INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ${jobs.map(() => '(?, ?, ?, ?)').join(', ')}`,
      jobs.flatMap((j) => [j.queue, j.name, j.jobId, JSON.stringify(j.payload)]),
    );
  }

  /**
   * The oldest rows that are due, locked until `tx` ends. SKIP LOCKED lets relays of several
   * processes (API and worker replicas) work side by side without taking the same rows.
   */
  async claim(tx: Tx, limit: number): Promise<OutboxEntry[]> {
    const rows = (await tx.manager.query(
      `SELECT id, queue, job_name AS name, job_id AS jobId, payload, attempts FROM outbox
       WHERE available_at <= NOW(3) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as {
      id: string;
      queue: string;
      name: string;
      jobId: string;
      payload: string;
      attempts: number;
    }[];
    return rows.map((r) => ({
      id: String(r.id),
      queue: r.queue,
      name: r.name,
      jobId: r.jobId,
      payload: JSON.parse(r.payload) as object,
      attempts: Number(r.attempts),
    }));
  }

  async remove(tx: Tx, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.manager.query(
      `DELETE FROM outbox WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
  }

  /** A failed hand-over: the rows wait `delayMs` before the next try. */
  async postpone(ids: string[], delayMs: number, error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.ds.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = ?,
         available_at = NOW(3) + INTERVAL ? MICROSECOND
       WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [error.slice(0, 500), delayMs * 1000, ...ids],
    );
  }

  /** How much is waiting, and since when (health, metrics). */
  async backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    const [row] = (await this.ds.query(
      `SELECT COUNT(*) AS pending,
              COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at), NOW(3)), 0) AS oldest
       FROM outbox`,
    )) as { pending: string | number; oldest: string | number }[];
    return { pending: Number(row?.pending ?? 0), oldestSeconds: Number(row?.oldest ?? 0) };
  }
}
