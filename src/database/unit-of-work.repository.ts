import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * An open transaction, passed from a service to the repositories it calls. Opaque on purpose:
 * services decide what belongs in one transaction; only repositories touch the ORM.
 */
export interface Tx {
  readonly manager: EntityManager;
  /**
   * Runs `hook` once the transaction has committed (never if it rolls back). For nudges that
   * must not happen before the data is visible, such as waking the outbox relay; a hook's
   * failure is logged and does not change the outcome of the transaction.
   */
  afterCommit(hook: () => void): void;
}

@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction: every write in it lands together, or none does. Isolation
   * is READ COMMITTED, set once per connection (see mysql-session.ts) rather than per
   * transaction, which saves a statement on every write.
   */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) =>
      work({ manager, afterCommit: (hook) => hooks.push(hook) }),
    );
    for (const hook of hooks) {
      try {
        hook();
      } catch (error) {
        this.logger.warn(`after-commit hook failed: ${String(error)}`);
      }
    }
    return result;
  }
}
