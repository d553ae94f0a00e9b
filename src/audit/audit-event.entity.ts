import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only: a trigger refuses UPDATE and DELETE (migration audit-log). Each row's hash
 * covers the previous row's hash, so a change behind the service's back is found by verify.
 */
@Entity({ name: 'audit_event' })
@Index('idx_audit_entity', ['entityType', 'entityId', 'id'])
@Index('idx_audit_occurred_at', ['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100 })
  entityId!: string;

  /** canonical JSON text (not a JSON column: MariaDB and MySQL read those back differently) */
  @Column({ name: 'before_json', type: 'mediumtext', nullable: true })
  beforeJson!: string | null;

  @Column({ name: 'after_json', type: 'mediumtext', nullable: true })
  afterJson!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Index('uq_audit_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  hash!: string;
}

/** One row: the end of the chain. Locked FOR UPDATE by each append, so there is one chain. */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHead {
  @Column({ type: 'tinyint', unsigned: true, primary: true })
  id!: number;

  @Column({ name: 'last_event_id', type: 'bigint', unsigned: true, nullable: true })
  lastEventId!: string | null;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash!: string;
}
