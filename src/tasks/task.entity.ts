import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/timestamps.entity.js';

/**
 * One body's work on one clause. A group mention becomes a parent task (no lead, the group)
 * with one child per member body; delegation down a level adds children too.
 * "Overdue" is never stored: it is derived from due dates and obligations.
 */
@Entity({ name: 'task' })
@Index('idx_task_committee_status', ['committee', 'status'])
@Index('idx_task_lead_status', ['leadOrgId', 'status'])
@Index('idx_task_document', ['documentId', 'clauseId'])
@Index('idx_task_parent', ['parentId'])
@Index('idx_task_due', ['dueOn'])
export class TaskRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'document_id', type: 'char', length: 36 })
  documentId!: string;

  @Column({ name: 'clause_id', type: 'char', length: 36 })
  clauseId!: string;

  @Column({ name: 'parent_id', type: 'char', length: 36, nullable: true })
  parentId!: string | null;

  /** clause (a lead named in the clause) | group (parent of a fan-out) | member | delegated */
  @Column({ type: 'varchar', length: 12 })
  origin!: string;

  @Column({ type: 'varchar', length: 64 })
  committee!: string;

  @Column({ name: 'lead_org_id', type: 'varchar', length: 100, nullable: true })
  leadOrgId!: string | null;

  /** the body whose words named the lead, when no directory entry was chosen */
  @Column({ name: 'lead_name', type: 'varchar', length: 255 })
  leadName!: string;

  @Column({ name: 'group_tag', type: 'varchar', length: 60, nullable: true })
  groupTag!: string | null;

  /** the body that delegated this task down (lead of the parent) */
  @Column({ name: 'delegated_by_org_id', type: 'varchar', length: 100, nullable: true })
  delegatedByOrgId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ name: 'report_to_json', type: 'text' })
  reportToJson!: string;

  @Column({ name: 'coordinators_json', type: 'text' })
  coordinatorsJson!: string;

  @Column({ type: 'varchar', length: 16 })
  cadence!: string;

  @Column({ name: 'milestones_json', type: 'varchar', length: 100 })
  milestonesJson!: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'int', unsigned: true, default: 1 })
  version!: number;

  @Column({ type: 'tinyint', unsigned: true, default: 0 })
  percent!: number;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}

/** Coordinating bodies (phối hợp): they see the task and may add contributions. */
@Entity({ name: 'task_party' })
@Index('idx_task_party_org', ['organizationId', 'role'])
export class TaskPartyRow {
  @PrimaryColumn({ name: 'task_id', type: 'char', length: 36 })
  taskId!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 100 })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: string;
}

/** Every change of a task, in order: the history summaries read "as of" a date from. */
@Entity({ name: 'task_event' })
@Index('idx_task_event_task', ['taskId', 'id'])
@Index('idx_task_event_time', ['occurredAt'])
// Covering index for replaying a task's history as of a date (summaries).
@Index('idx_task_event_replay', ['taskId', 'occurredAt', 'action', 'toStatus', 'newDueOn'])
export class TaskEventRow {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'task_id', type: 'char', length: 36 })
  taskId!: string;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'char', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_org_id', type: 'varchar', length: 100, nullable: true })
  actorOrgId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true })
  toStatus!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'old_due_on', type: 'date', nullable: true })
  oldDueOn!: string | null;

  @Column({ name: 'new_due_on', type: 'date', nullable: true })
  newDueOn!: string | null;
}

/** One reporting period a task owes. The database is the truth of what is owed. */
@Entity({ name: 'obligation' })
@Index('uq_obligation_period', ['taskId', 'periodKey'], { unique: true })
@Index('idx_obligation_due', ['dueOn', 'metAt'])
// Covering index for the summaries' obligation join.
@Index('idx_obligation_summary', ['taskId', 'periodStart', 'dueOn', 'kind', 'periodKey'])
export class ObligationRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ name: 'task_id', type: 'char', length: 36 })
  taskId!: string;

  @Column({ name: 'period_key', type: 'varchar', length: 40 })
  periodKey!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart!: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd!: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'label_vi', type: 'varchar', length: 120 })
  labelVi!: string;

  @Column({ name: 'met_at', type: 'datetime', precision: 3, nullable: true })
  metAt!: Date | null;

  @Column({ name: 'met_report_id', type: 'char', length: 36, nullable: true })
  metReportId!: string | null;
}
