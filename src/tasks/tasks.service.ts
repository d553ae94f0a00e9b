import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { todayIn } from '../common/dates.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.repository.js';
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
import { OPEN_STATUSES, TasksRepository, type TaskFilter, type TaskRecord } from './tasks.repository.js';

export const TASK_NOT_FOUND = { vi: 'nhiệm vụ', en: 'Task' };

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: OrganizationDirectoryService,
    private readonly config: AppConfig,
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
      const decision = decideTransition({ status: task.status, action, role: actor.role, relation: this.relation(actor, task) });
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
          [{ field: 'reason', message: 'Trường "reason" là bắt buộc (ít nhất 5 ký tự).', messageEn: 'reason is required' }],
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
    return allowedActions({ status: task.status, role: actor.role, relation: this.relation(actor, task) });
  }

  statusLabel(status: TaskStatus): string {
    return STATUS_LABEL_VI[status];
  }

  newId(): string {
    return randomUUID();
  }

  async resolveName(orgId: string | null): Promise<string | null> {
    if (!orgId) return null;
    return (await this.directory.resolver()).findByCode(orgId)?.name ?? null;
  }
}
