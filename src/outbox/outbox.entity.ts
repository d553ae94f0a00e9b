import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job a write owes to BullMQ, recorded in the write's own transaction (the transactional
 * outbox): the job exists if and only if the write committed, whether or not Redis answered at
 * that moment. The relay (OutboxRelay) hands rows to BullMQ and deletes them once Redis has
 * taken them; a row is therefore work not yet handed over, never a history.
 */
@Entity({ name: 'outbox' })
@Index('idx_outbox_due', ['availableAt', 'id'])
export class OutboxRow {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  queue!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName!: string;

  /** BullMQ job id: deterministic, so a row relayed twice (a crash after add) is one job */
  @Column({ name: 'job_id', type: 'varchar', length: 191 })
  jobId!: string;

  /** the payload as JSON text (ids only, by convention) */
  @Column({ type: 'text' })
  payload!: string;

  @CreateDateColumn({
    name: 'created_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  })
  createdAt!: Date;

  /** not before this time: pushed back after a failed hand-over */
  @Column({
    name: 'available_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  })
  availableAt!: Date;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}
