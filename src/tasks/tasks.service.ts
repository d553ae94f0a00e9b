import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { todayIn } from '../common/dates.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganizationDirectoryService } from '../organizations/organization-directory.service.js';
import { rollup } from './rollup.js';
import { relationOf } from './task-scope.js';
import {
  ACTION_LABEL_VI,
  allowedActions,
  decideTransition,
  requiresReason,
  STATUS_LABEL_VI,
  type TaskAction,
  type TaskStatus,
} from './task-status.js';
import {
  OPEN_STATUSES,
  TasksRepository,
  type TaskFilter,
  type TaskRecord,
} from './tasks.repository.js';

export const TASK_NOT_FOUND = { vi: 'nhiệm vụ', en: 'Task' };

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: OrganizationDirectoryService,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /** The task if the caller may see it; otherwise 404, never a hint that it exists. */
  async getVisible(actor: Actor, id: string, tx?: Tx): Promise<TaskRecord> {
    const task = await this.tasks.findVisible(actor, id, tx);
    if (!task) throw AppError.notFound(TASK_NOT_FOUND);
    return task;
  }

  relation(actor: Actor, task: TaskRecord) {
    return relationOf(actor, task);
  }

  list(actor: Actor, filter: TaskFilter, page: number, pageSize: number) {
    return this.tasks.list(actor, filter, page, pageSize);
  }

  today(): string {
    return todayIn(this.config.TZ_APP, new Date());
  }

  async transition(
    actor: Actor,
    id: string,
    action: TaskAction,
    body: { version: number; reason?: string },
  ): Promise<TaskRecord> {
    return this.uow.run(async (tx) => {
      const task = await this.getVisible(actor, id, tx);
      const decision = decideTransition({
        status: task.status,
        action,
        role: actor.role,
        relation: this.relation(actor, task),
      });
      if (!decision.allowed) {
        if (decision.reason === 'role') throw AppError.forbidden();
        throw AppError.conflict(
          `${decision.messageVi} Thao tác được phép lúc này: ${decision.allowedActions.map((a) => ACTION_LABEL_VI[a]).join(', ') || 'không có'}.`,
          decision.messageEn,
          { allowedActions: decision.allowedActions, status: task.status },
        );
      }
      const reason = body.reason?.trim() ?? '';
      if (requiresReason(action) && reason.length < 5) {
        throw AppError.badRequest(
          `Cần ghi lý do khi ${ACTION_LABEL_VI[action].toLowerCase()} (ít nhất 5 ký tự).`,
          `A reason (5 characters or more) is required to ${action}.`,
          [
            {
              field: 'reason',
              message: 'Trường "reason" là bắt buộc (ít nhất 5 ký tự).',
              messageEn: 'reason is required',
            },
          ],
        );
      }
      await this.changeStatus(tx, actor, task, body.version, decision.to, action, reason || null);
      return (await this.tasks.findVisible(actor, id, tx)) as TaskRecord;
    });
  }

  /** One versioned status change, its history row and its audit event (inside `tx`). */
  async changeStatus(
    tx: Tx,
    actor: Actor,
    task: TaskRecord,
    version: number,
    to: TaskStatus,
    action: string,
    reason: string | null,
  ): Promise<void> {
    if (!(await this.tasks.updateIfVersion(tx, task.id, version, { status: to }))) {
      throw this.stale(task);
    }
    await this.tasks.addEvent(tx, {
      taskId: task.id,
      occurredAt: new Date(),
      actorId: actor.userId,
      actorOrgId: actor.organizationId,
      action,
      fromStatus: task.status,
      toStatus: to,
      reason,
      oldDueOn: null,
      newDueOn: null,
    });
    await this.audit.record(tx, actor, {
      action: `task.${action}`,
      entityType: 'task',
      entityId: task.id,
      before: { status: task.status, version },
      after: { status: to, version: version + 1, reason },
    });
    // Tell the lead body (in this transaction); a closed task's reminders are cancelled.
    if (to === 'verified' || to === 'returned') {
      await this.notifications.notifyTaskEvent(tx, {
        taskId: task.id,
        event: to,
        ref: String(version + 1),
        detail: reason,
      });
    } else if (to === 'cancelled') {
      await this.notifications.taskClosed(tx, task.id);
    }
    if (task.parentId) await this.rollUp(tx, task.parentId);
  }

  stale(task: TaskRecord): AppError {
    return AppError.conflict(
      'Nhiệm vụ vừa được người khác cập nhật; vui lòng tải lại rồi thao tác lại.',
      'The task changed since you read it (stale version); reload and try again.',
      { currentVersion: task.version },
    );
  }

  /** The parent's percent is the roll-up of its children's. */
  async rollUp(tx: Tx, parentId: string): Promise<void> {
    const children = await this.tasks.children(parentId, tx);
    const summary = rollup(children.map((c) => ({ status: c.status, percent: c.percent })));
    await this.tasks.setPercent(tx, parentId, Math.round(summary.percent ?? 0));
  }

  isOpen(status: TaskStatus): boolean {
    return OPEN_STATUSES.includes(status);
  }

  allowedActionsFor(actor: Actor, task: TaskRecord): TaskAction[] {
    return allowedActions({
      status: task.status,
      role: actor.role,
      relation: this.relation(actor, task),
    });
  }

  statusLabel(status: TaskStatus): string {
    return STATUS_LABEL_VI[status];
  }

  async resolveName(orgId: string | null): Promise<string | null> {
    if (!orgId) return null;
    return (await this.directory.resolver()).findByCode(orgId)?.name ?? null;
  }

  /** The task with what a person needs to act on it: clause, obligations, history, children. */
  async detail(actor: Actor, id: string) {
    const task = await this.getVisible(actor, id);
    const [clause, obligations, history, children] = await Promise.all([
      this.tasks.clauseOf(task.clauseId),
      this.tasks.obligations(id),
      this.tasks.events(id),
      this.tasks.children(id),
    ]);
    const today = this.today();
    return {
      ...task,
      leadOrgName: (await this.resolveName(task.leadOrgId)) ?? task.leadName,
      statusLabel: STATUS_LABEL_VI[task.status],
      overdue: this.isOverdue(task, obligations, today),
      allowedActions: this.allowedActionsFor(actor, task),
      relation: this.relation(actor, task),
      clause,
      obligations: obligations.map((o) => ({
        ...o,
        overdue: !o.metAt && o.dueOn < today && this.isOpen(task.status),
      })),
      history,
      children: children.map((c) => ({
        id: c.id,
        leadOrgId: c.leadOrgId,
        leadName: c.leadName,
        status: c.status,
        percent: c.percent,
        dueOn: c.dueOn,
      })),
    };
  }

  /** Derived, never stored: open, and past its due date or an unmet obligation's. */
  isOverdue(
    task: TaskRecord,
    obligations: { dueOn: string; metAt: Date | null }[],
    today: string,
  ): boolean {
    if (!this.isOpen(task.status)) return false;
    if (task.dueOn && task.dueOn < today) return true;
    return obligations.some((o) => !o.metAt && o.dueOn < today);
  }

  listObligations(
    actor: Actor,
    filter: { organizationId?: string; state?: 'open' | 'met' | 'overdue'; dueBefore?: string },
    page: number,
    pageSize: number,
  ) {
    return this.tasks.listObligations(actor, { ...filter, today: this.today() }, page, pageSize);
  }

  /** Extension by the office: the old date and the reason stay in the history. */
  async extend(
    actor: Actor,
    id: string,
    body: { version: number; dueOn: string; reason: string },
  ): Promise<TaskRecord> {
    if (actor.role !== 'office') throw AppError.forbidden();
    if (body.reason.trim().length < 5) {
      throw AppError.badRequest(
        'Cần ghi lý do gia hạn (ít nhất 5 ký tự).',
        'A reason (5 characters or more) is required.',
        [
          {
            field: 'reason',
            message: 'Trường "reason" phải có ít nhất 5 ký tự.',
            messageEn: 'reason must be at least 5 characters',
          },
        ],
      );
    }
    return this.uow.run(async (tx) => {
      const task = await this.getVisible(actor, id, tx);
      if (!this.isOpen(task.status)) {
        throw AppError.conflict(
          `Nhiệm vụ đang ở trạng thái "${STATUS_LABEL_VI[task.status]}"; không gia hạn được.`,
          `A ${task.status} task cannot be extended.`,
          { status: task.status },
        );
      }
      if (!(await this.tasks.updateIfVersion(tx, id, body.version, { dueOn: body.dueOn })))
        throw this.stale(task);
      if (task.dueOn) await this.tasks.updateObligationDue(tx, id, task.dueOn, body.dueOn);
      await this.tasks.addEvent(tx, {
        taskId: id,
        occurredAt: new Date(),
        actorId: actor.userId,
        actorOrgId: actor.organizationId,
        action: 'extend',
        fromStatus: task.status,
        toStatus: task.status,
        reason: body.reason.trim(),
        oldDueOn: task.dueOn,
        newDueOn: body.dueOn,
      });
      await this.audit.record(tx, actor, {
        action: 'task.extend',
        entityType: 'task',
        entityId: id,
        before: { dueOn: task.dueOn, version: body.version },
        after: { dueOn: body.dueOn, version: body.version + 1, reason: body.reason.trim() },
      });
      return (await this.tasks.findVisible(actor, id, tx)) as TaskRecord;
    });
  }

  /** Delegation one level down (tỉnh → huyện → xã): a child task per body. */
  async delegate(
    actor: Actor,
    id: string,
    body: { organizationIds: string[]; dueOn?: string },
  ): Promise<TaskRecord[]> {
    const resolver = await this.directory.resolver();
    return this.uow.run(async (tx) => {
      const task = await this.getVisible(actor, id, tx);
      const relation = this.relation(actor, task);
      if (!(relation === 'lead' || (actor.role === 'office' && relation === 'committee')))
        throw AppError.forbidden();
      if (!this.isOpen(task.status) || !task.leadOrgId) {
        throw AppError.conflict(
          'Chỉ giao tiếp được nhiệm vụ đang thực hiện và có cơ quan chủ trì.',
          'Only an open task with a lead body can be delegated.',
          { status: task.status },
        );
      }
      const lead = resolver.findByCode(task.leadOrgId);
      const below = lead?.level === 'tinh' ? 'huyen' : lead?.level === 'huyen' ? 'xa' : null;
      const fieldError = (message: string, messageEn: string) =>
        AppError.badRequest(message, messageEn, [{ field: 'organizationIds', message, messageEn }]);
      if (!below)
        throw fieldError(
          'Cơ quan cấp xã không giao tiếp xuống được nữa.',
          'A commune-level body cannot delegate further down.',
        );
      const dueOn = body.dueOn ?? task.dueOn;
      if (body.dueOn && task.dueOn && body.dueOn > task.dueOn) {
        throw AppError.badRequest(
          'Hạn giao tiếp không được muộn hơn hạn của nhiệm vụ.',
          "The delegated due date is after the task's own.",
          [
            {
              field: 'dueOn',
              message: 'Trường "dueOn" không được muộn hơn hạn của nhiệm vụ.',
              messageEn: 'dueOn after the task due date',
            },
          ],
        );
      }
      const existing = new Set((await this.tasks.children(id, tx)).map((c) => c.leadOrgId));
      const targets = [...new Set(body.organizationIds)].map((orgId) => {
        const org = resolver.findByCode(orgId);
        if (!org || org.level !== below || org.province !== lead?.province) {
          throw fieldError(
            `"${orgId}" không phải cơ quan cấp ${below === 'huyen' ? 'huyện' : 'xã'} cùng tỉnh để giao tiếp.`,
            `${orgId} is not a ${below}-level body of the same province.`,
          );
        }
        if (existing.has(orgId)) {
          throw AppError.conflict(
            `Đã giao nhiệm vụ này cho ${org.name}.`,
            `Already delegated to ${orgId}.`,
          );
        }
        return org;
      });
      const obligations = (await this.tasks.obligations(id, tx)).filter((o) => !o.metAt);
      const now = new Date();
      const created: string[] = [];
      for (const org of targets) {
        const childId = randomUUID();
        created.push(childId);
        await this.tasks.insert(tx, {
          id: childId,
          documentId: task.documentId,
          clauseId: task.clauseId,
          parentId: task.id,
          origin: 'delegated',
          committee: task.committee,
          leadOrgId: org.code,
          leadName: org.name,
          groupTag: null,
          delegatedByOrgId: task.leadOrgId,
          title: task.title,
          reportTo: [{ name: lead?.name ?? task.leadName, orgId: task.leadOrgId, group: false }],
          coordinators: [],
          coordinatorOrgIds: [],
          cadence: task.cadence,
          milestones: task.milestones,
          dueOn,
          status: 'assigned',
        });
        await this.tasks.addEvent(tx, {
          taskId: childId,
          occurredAt: now,
          actorId: actor.userId,
          actorOrgId: actor.organizationId,
          action: 'create',
          fromStatus: null,
          toStatus: 'assigned',
          reason: `Giao tiếp từ ${lead?.name ?? task.leadName}`,
          oldDueOn: null,
          newDueOn: dueOn,
        });
        await this.notifications.notifyTaskEvent(tx, {
          taskId: childId,
          event: 'assigned',
          ref: 'delegate',
        });
        await this.tasks.insertObligations(
          tx,
          obligations
            .filter((o) => !dueOn || o.dueOn <= dueOn)
            .map((o) => ({
              ...o,
              id: randomUUID(),
              taskId: childId,
              metAt: null,
              metReportId: null,
            })),
        );
      }
      await this.audit.record(tx, actor, {
        action: 'task.delegate',
        entityType: 'task',
        entityId: id,
        after: { children: created, organizationIds: targets.map((t) => t.code), dueOn },
      });
      const children = await this.tasks.children(id, tx);
      return children.filter((c) => created.includes(c.id));
    });
  }
}
