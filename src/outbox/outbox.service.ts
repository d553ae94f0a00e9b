import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/unit-of-work.repository.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { OutboxRepository, type OutboxJob } from './outbox.repository.js';

/** What services call: record jobs in their transaction; they go out after the commit. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async add(tx: Tx, ...jobs: OutboxJob[]): Promise<void> {
    await this.outbox.add(tx, jobs);
    tx.afterCommit(() => this.relay.kick());
  }

  backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    return this.outbox.backlog();
  }
}
