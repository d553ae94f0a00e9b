import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * An open transaction, passed from a service to the repositories it calls. Opaque on purpose:
 * services decide what belongs in one transaction; only repositories touch the ORM.
 */
export interface Tx {
  readonly manager: EntityManager;
}

@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: every write in it lands together, or none does. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', (manager) => work({ manager }));
  }
}
