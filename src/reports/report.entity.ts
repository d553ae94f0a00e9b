import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/timestamps.entity.js';

/** A progress report on a task for a period, with evidence files. */
@Entity({ name: 'progress_report' })
@Index('idx_report_task', ['taskId', 'submittedAt'])
@Index('idx_report_obligation', ['obligationId'])
@Index('idx_report_status', ['status', 'submittedAt'])
export class ProgressReportRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'task_id', type: 'char', length: 36 })
  taskId!: string;

  @Column({ name: 'obligation_id', type: 'char', length: 36, nullable: true })
  obligationId!: string | null;

  @Column({ name: 'period_key', type: 'varchar', length: 40, nullable: true })
  periodKey!: string | null;

  @Column({ type: 'tinyint', unsigned: true })
  percent!: number;

  @Column({ type: 'mediumtext' })
  narrative!: string;

  /** [{targetId, value}] as JSON text */
  @Column({ name: 'indicators_json', type: 'text' })
  indicatorsJson!: string;

  @Column({ name: 'author_id', type: 'char', length: 36 })
  authorId!: string;

  @Column({ name: 'author_org_id', type: 'varchar', length: 100 })
  authorOrgId!: string;

  /** lead | coordinator: a coordinator's report is a contribution */
  @Column({ name: 'author_relation', type: 'varchar', length: 16 })
  authorRelation!: string;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt!: Date;

  @Column({ type: 'boolean' })
  late!: boolean;

  /** submitted | accepted | rework | rejected */
  @Column({ type: 'varchar', length: 16 })
  status!: string;
}

@Entity({ name: 'evidence_file' })
@Index('idx_evidence_report', ['reportId'])
export class EvidenceFileRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'report_id', type: 'char', length: 36 })
  reportId!: string;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'int', unsigned: true })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** indexed: the nightly housekeeping asks which stored files are still named */
  @Index('idx_evidence_storage_key')
  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  @CreatedAt()
  createdAt!: Date;
}

@Entity({ name: 'review' })
@Index('idx_review_report', ['reportId', 'id'])
export class ReviewRow {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'report_id', type: 'char', length: 36 })
  reportId!: string;

  /** accepted | rework | rejected */
  @Column({ type: 'varchar', length: 16 })
  verdict!: string;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ name: 'reviewer_id', type: 'char', length: 36 })
  reviewerId!: string;

  @Column({ name: 'reviewer_role', type: 'varchar', length: 16 })
  reviewerRole!: string;

  @CreatedAt()
  createdAt!: Date;
}

/**
 * Idempotency-Key records, per user. The row is inserted before the work (state in_flight),
 * so a duplicate arriving meanwhile finds it; the answer is stored with the work's result.
 */
@Entity({ name: 'idempotency_key' })
@Index('idx_idempotency_expires', ['expiresAt'])
export class IdempotencyKeyRow {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  /** in_flight | done */
  @Column({ type: 'varchar', length: 12 })
  state!: string;

  @Column({ name: 'response_status', type: 'smallint', unsigned: true, nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'mediumtext', nullable: true })
  responseBody!: string | null;

  @CreatedAt()
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
