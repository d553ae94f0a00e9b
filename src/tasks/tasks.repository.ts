import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../database/unit-of-work.repository.js';
import { ObligationRow, TaskEventRow, TaskPartyRow, TaskRow } from './task.entity.js';
import { TERMINAL_STATUSES, type TaskStatus } from './task-status.js';

export interface PartyRef {
  name: string;
  orgId: string | null;
  group: boolean;
}

export interface TaskRecord {
  id: string;
  documentId: string;
  clauseId: string;
  parentId: string | null;
  origin: 'clause' | 'group' | 'member' | 'delegated';
  committee: string;
  leadOrgId: string | null;
  leadName: string;
  groupTag: string | null;
  delegatedByOrgId: string | null;
  title: string;
  reportTo: PartyRef[];
  coordinators: PartyRef[];
  coordinatorOrgIds: string[];
  cadence: string;
  milestones: string[];
  dueOn: string | null;
  status: TaskStatus;
  version: number;
  percent: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewTask = Omit<TaskRecord, 'version' | 'createdAt' | 'updatedAt' | 'percent'>;

export interface TaskEventRecord {
  id: string;
  taskId: string;
  occurredAt: Date;
  actorId: string | null;
  actorOrgId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  oldDueOn: string | null;
  newDueOn: string | null;
}

export interface ObligationRecord {
  id: string;
  taskId: string;
  periodKey: string;
  kind: string;
  periodStart: string | null;
  periodEnd: string | null;
  dueOn: string;
  labelVi: string;
  metAt: Date | null;
  metReportId: string | null;
}

export interface TaskFilter {
  status?: TaskStatus;
  organizationId?: string;
  documentId?: string;
  /** overdue as of this date: open, with a due date (or an unmet obligation) before it */
  overdueOn?: string;
  dueBefore?: string;
  parentId?: string;
}

function toRecord(row: TaskRow, coordinatorOrgIds: string[]): TaskRecord {
  return {
    id: row.id,
    documentId: row.documentId,
    clauseId: row.clauseId,
    parentId: row.parentId,
    origin: row.origin as TaskRecord['origin'],
    committee: row.committee,
    leadOrgId: row.leadOrgId,
    leadName: row.leadName,
    groupTag: row.groupTag,
    delegatedByOrgId: row.delegatedByOrgId,
    title: row.title,
    reportTo: JSON.parse(row.reportToJson) as PartyRef[],
    coordinators: JSON.parse(row.coordinatorsJson) as PartyRef[],
    coordinatorOrgIds,
    cadence: row.cadence,
    milestones: JSON.parse(row.milestonesJson) as string[],
    dueOn: row.dueOn,
    status: row.status as TaskStatus,
    version: row.version,
    percent: row.percent,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns of `task t` under TaskRow's property names (the due date as YYYY-MM-DD). */
const TASK_COLUMNS = [
  't.id',
  't.document_id AS documentId',
  't.clause_id AS clauseId',
  't.parent_id AS parentId',
  't.origin',
  't.committee',
  't.lead_org_id AS leadOrgId',
  't.lead_name AS leadName',
  't.group_tag AS groupTag',
  't.delegated_by_org_id AS delegatedByOrgId',
  't.title',
  't.report_to_json AS reportToJson',
  't.coordinators_json AS coordinatorsJson',
  't.cadence',
  't.milestones_json AS milestonesJson',
  "DATE_FORMAT(t.due_on, '%Y-%m-%d') AS dueOn",
  't.status',
  't.version',
  't.percent',
  't.created_at AS createdAt',
  't.updated_at AS updatedAt',
].join(', ');

/**
 * The scope rule over `task t`, with named parameters: one text for the query builder and for
 * plain SQL. An agency sees the tasks it leads, delegated or coordinates; office and inspectors
 * those of their committee.
 */
function scopeCondition(actor: Actor): { sql: string; params: Record<string, string> } {
  if (actor.role === 'agency') {
    return {
      sql: `(t.lead_org_id = :scopeOrg OR t.delegated_by_org_id = :scopeOrg OR EXISTS (SELECT 1 FROM task_party p WHERE p.task_id = t.id AND p.organization_id = :scopeOrg AND p.role = 'coordinator'))`,
      params: { scopeOrg: actor.organizationId },
    };
  }
  return { sql: 't.committee = :scopeCommittee', params: { scopeCommittee: actor.committee } };
}

/** Named parameters (:name) to mysql2's positional ones, in order of appearance. */
function positional(
  sql: string,
  named: Record<string, unknown>,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = sql.replace(/:([A-Za-z]\w*)/g, (_match, name: string) => {
    if (!(name in named)) throw new Error(`no value for :${name}`);
    params.push(named[name]);
    return '?';
  });
  return { sql: text, params };
}

export const OPEN_STATUSES: TaskStatus[] = [
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'returned',
];

/**
 * Tasks as a caller may see them. Every read takes the caller: the scope is applied in the
 * query, so no route can forget it (an agency sees its own tasks, those it delegated and those
 * it coordinates; office and inspectors those of their committee).
 */
@Injectable()
export class TasksRepository {
  constructor(@InjectRepository(TaskRow) private readonly rows: Repository<TaskRow>) {}

  /** Narrows a query on `task t` to what the caller may see. */
  private applyScope(qb: SelectQueryBuilder<TaskRow>, actor: Actor): SelectQueryBuilder<TaskRow> {
    const scope = scopeCondition(actor);
    return qb.andWhere(scope.sql, scope.params);
  }

  /**
   * One task the caller may see, with its coordinators, in one statement. Plain SQL rather than
   * the query builder: every report and every task page starts here, and building and hydrating
   * the entity was half of TypeORM's share of a report write's CPU.
   */
  async findVisible(actor: Actor, id: string, tx?: Tx): Promise<TaskRecord | null> {
    const scope = scopeCondition(actor);
    const { sql, params } = positional(
      `SELECT ${TASK_COLUMNS},
         (SELECT GROUP_CONCAT(p.organization_id SEPARATOR ',') FROM task_party p
           WHERE p.task_id = t.id AND p.role = 'coordinator') AS coordinatorIds
       FROM task t WHERE t.id = :id AND ${scope.sql}`,
      { id, ...scope.params },
    );
    const rows = (await (tx?.manager ?? this.rows.manager).query(sql, params)) as (TaskRow & {
      coordinatorIds: string | null;
    })[];
    const row = rows[0];
    if (!row) return null;
    return toRecord(row, row.coordinatorIds ? row.coordinatorIds.split(',') : []);
  }

  async list(
    actor: Actor,
    filter: TaskFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: TaskRecord[]; total: number }> {
    const qb = this.applyScope(this.rows.createQueryBuilder('t').where('1 = 1'), actor);
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.organizationId)
      qb.andWhere('t.lead_org_id = :lead', { lead: filter.organizationId });
    if (filter.documentId) qb.andWhere('t.document_id = :doc', { doc: filter.documentId });
    if (filter.parentId) qb.andWhere('t.parent_id = :parent', { parent: filter.parentId });
    if (filter.dueBefore) qb.andWhere('t.due_on < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.overdueOn) {
      qb.andWhere('t.status IN (:...open)', { open: OPEN_STATUSES }).andWhere(
        new Brackets((w) =>
          w
            .where('t.due_on < :today')
            .orWhere(
              'EXISTS (SELECT 1 FROM obligation o WHERE o.task_id = t.id AND o.met_at IS NULL AND o.due_on < :today)',
            ),
        ),
        { today: filter.overdueOn },
      );
    }
    qb.orderBy('t.due_on IS NULL', 'ASC').addOrderBy('t.due_on', 'ASC').addOrderBy('t.id', 'ASC');
    const [rows, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.withParties(rows), total };
  }

  /** Children of a task, for roll-up (not scoped: the caller already sees the parent). */
  async children(parentId: string, tx?: Tx): Promise<TaskRecord[]> {
    const repo = tx ? tx.manager.getRepository(TaskRow) : this.rows;
    return this.withParties(
      await repo.find({ where: { parentId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      tx,
    );
  }

  async byDocument(documentId: string, tx?: Tx): Promise<TaskRecord[]> {
    const repo = tx ? tx.manager.getRepository(TaskRow) : this.rows;
    return this.withParties(
      await repo.find({ where: { documentId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      tx,
    );
  }

  private async withParties(rows: TaskRow[], tx?: Tx): Promise<TaskRecord[]> {
    if (rows.length === 0) return [];
    const repo = tx
      ? tx.manager.getRepository(TaskPartyRow)
      : this.rows.manager.getRepository(TaskPartyRow);
    const parties = await repo.find({
      where: { taskId: In(rows.map((r) => r.id)), role: 'coordinator' },
    });
    return rows.map((row) =>
      toRecord(
        row,
        parties.filter((p) => p.taskId === row.id).map((p) => p.organizationId),
      ),
    );
  }

  async insert(tx: Tx, task: NewTask): Promise<void> {
    await tx.manager.getRepository(TaskRow).insert({
      id: task.id,
      documentId: task.documentId,
      clauseId: task.clauseId,
      parentId: task.parentId,
      origin: task.origin,
      committee: task.committee,
      leadOrgId: task.leadOrgId,
      leadName: task.leadName.slice(0, 255),
      groupTag: task.groupTag,
      delegatedByOrgId: task.delegatedByOrgId,
      title: task.title.slice(0, 500),
      reportToJson: JSON.stringify(task.reportTo),
      coordinatorsJson: JSON.stringify(task.coordinators),
      cadence: task.cadence,
      milestonesJson: JSON.stringify(task.milestones),
      dueOn: task.dueOn,
      status: task.status,
      version: 1,
      percent: 0,
    });
    const coordinators = [...new Set(task.coordinatorOrgIds)].filter((o) => o !== task.leadOrgId);
    if (coordinators.length) {
      await tx.manager.getRepository(TaskPartyRow).insert(
        coordinators.map((organizationId) => ({
          taskId: task.id,
          organizationId,
          role: 'coordinator',
        })),
      );
    }
  }

  /**
   * Optimistic locking: the row changes only if it still has the version the caller read.
   * Returns false when someone else changed it first (the caller answers 409).
   */
  async updateIfVersion(
    tx: Tx,
    id: string,
    version: number,
    patch: Partial<Pick<TaskRecord, 'status' | 'dueOn' | 'percent' | 'leadOrgId'>>,
  ): Promise<boolean> {
    const sets: string[] = ['version = version + 1'];
    const params: unknown[] = [];
    const columns = {
      status: 'status',
      dueOn: 'due_on',
      percent: 'percent',
      leadOrgId: 'lead_org_id',
    };
    for (const [field, column] of Object.entries(columns)) {
      const value = patch[field as keyof typeof patch];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    const result = (await tx.manager.query(
      `UPDATE task SET ${sets.join(', ')} WHERE id = ? AND version = ?`,
      [...params, id, version],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /**
   * A report's percent on a task still open (not verified or cancelled); false when the task
   * closed meanwhile. Takes the row lock, so run it late in the transaction.
   */
  async setPercentIfOpen(tx: Tx, id: string, percent: number): Promise<boolean> {
    const result = (await tx.manager.query(
      `UPDATE task SET percent = ?, version = version + 1
       WHERE id = ? AND status NOT IN (${TERMINAL_STATUSES.map(() => '?').join(', ')})`,
      [percent, id, ...TERMINAL_STATUSES],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Holds the task open (a shared lock) until `tx` ends; false when it is closed. */
  async holdIfOpen(tx: Tx, id: string): Promise<boolean> {
    const rows = (await tx.manager.query(
      `SELECT id FROM task WHERE id = ? AND status NOT IN (${TERMINAL_STATUSES.map(() => '?').join(', ')})
       LOCK IN SHARE MODE`,
      [id, ...TERMINAL_STATUSES],
    )) as unknown[];
    return rows.length === 1;
  }

  /** A change that follows from another row (roll-up), not from a caller's read: no version check. */
  async setPercent(tx: Tx, id: string, percent: number): Promise<void> {
    await tx.manager.query('UPDATE task SET percent = ?, version = version + 1 WHERE id = ?', [
      percent,
      id,
    ]);
  }

  async addEvent(tx: Tx, event: Omit<TaskEventRecord, 'id'>): Promise<void> {
    await tx.manager.getRepository(TaskEventRow).insert(event);
  }

  async events(taskId: string): Promise<TaskEventRecord[]> {
    return this.rows.manager
      .getRepository(TaskEventRow)
      .find({ where: { taskId }, order: { id: 'ASC' } });
  }

  async insertObligations(tx: Tx, obligations: ObligationRecord[]): Promise<void> {
    if (obligations.length) await tx.manager.getRepository(ObligationRow).insert(obligations);
  }

  async obligations(taskId: string, tx?: Tx): Promise<ObligationRecord[]> {
    const repo = tx
      ? tx.manager.getRepository(ObligationRow)
      : this.rows.manager.getRepository(ObligationRow);
    return repo.find({ where: { taskId }, order: { dueOn: 'ASC', periodKey: 'ASC' } });
  }

  async updateObligationDue(tx: Tx, taskId: string, oldDue: string, newDue: string): Promise<void> {
    await tx.manager.query(
      "UPDATE obligation SET due_on = ? WHERE task_id = ? AND due_on = ? AND kind = 'deadline' AND met_at IS NULL",
      [newDue, taskId, oldDue],
    );
  }

  /** Reporting obligations of the tasks the caller sees. */
  async listObligations(
    actor: Actor,
    filter: {
      organizationId?: string;
      state?: 'open' | 'met' | 'overdue';
      dueBefore?: string;
      today: string;
      taskId?: string;
    },
    page: number,
    pageSize: number,
  ): Promise<{
    items: (ObligationRecord & {
      leadOrgId: string | null;
      taskTitle: string;
      taskStatus: string;
    })[];
    total: number;
  }> {
    const qb = this.applyScope(this.rows.createQueryBuilder('t').where('1 = 1'), actor)
      .innerJoin(ObligationRow, 'o', 'o.task_id = t.id')
      .select([
        'o.id AS id',
        'o.task_id AS taskId',
        'o.period_key AS periodKey',
        'o.kind AS kind',
        'o.period_start AS periodStart',
        'o.period_end AS periodEnd',
        'o.due_on AS dueOn',
        'o.label_vi AS labelVi',
        'o.met_at AS metAt',
        'o.met_report_id AS metReportId',
        't.lead_org_id AS leadOrgId',
        't.title AS taskTitle',
        't.status AS taskStatus',
      ]);
    if (filter.taskId) qb.andWhere('t.id = :taskId', { taskId: filter.taskId });
    if (filter.organizationId)
      qb.andWhere('t.lead_org_id = :lead', { lead: filter.organizationId });
    if (filter.dueBefore) qb.andWhere('o.due_on < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.state === 'met') qb.andWhere('o.met_at IS NOT NULL');
    if (filter.state === 'open')
      qb.andWhere('o.met_at IS NULL').andWhere('t.status IN (:...open)', { open: OPEN_STATUSES });
    if (filter.state === 'overdue') {
      qb.andWhere('o.met_at IS NULL')
        .andWhere('t.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere('o.due_on < :today', { today: filter.today });
    }
    const total = await qb.getCount();
    const items = (await qb
      .orderBy('o.due_on', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany()) as (ObligationRecord & {
      leadOrgId: string | null;
      taskTitle: string;
      taskStatus: string;
    })[];
    return { items, total };
  }

  /** The clause the task came from (text and place in the document). */
  async clauseOf(
    clauseId: string,
  ): Promise<{ section: string | null; ordinal: string; text: string } | null> {
    const rows = (await this.rows.query('SELECT section, ordinal, text FROM clause WHERE id = ?', [
      clauseId,
    ])) as {
      section: string | null;
      ordinal: string;
      text: string;
    }[];
    return rows[0] ?? null;
  }
}
