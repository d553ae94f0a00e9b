import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job that used up its attempts. Kept in MySQL, where the office and summaries can see it. */
@Entity({ name: 'job_failure' })
@Index('idx_job_failure_failed_at', ['failedAt'])
export class JobFailure {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  queue!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName!: string;

  @Column({ name: 'job_id', type: 'varchar', length: 191 })
  jobId!: string;

  /** The payload as JSON text (ids only, by convention). */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'text' })
  error!: string;

  @Column({ type: 'int', unsigned: true })
  attempts!: number;

  @CreateDateColumn({
    name: 'failed_at',
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
  })
  failedAt!: Date;
}
