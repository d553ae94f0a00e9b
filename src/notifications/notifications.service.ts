import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.repository.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { JobName, QueueName, jobIds, type TaskEventPayload } from '../reminders/queues.js';
import { MailerService } from './mailer.service.js';
import { NotificationQueue } from './notification-queue.service.js';
import { renderMessage } from './notification-message.js';
import {
  NotificationsRepository,
  type DeliveryView,
  type EmailMode,
} from './notifications.repository.js';
import { ReminderRules } from './working-calendar.provider.js';

export const NOTIFICATION_NOT_FOUND = { vi: 'thông báo', en: 'Notification' };

/** Task events other services report inside their own transaction. */
export type TaskEvent =
  /** a task given to a body (publish, delegation): its users */
  | 'assigned'
  /** a report returned for rework: the lead body's users */
  | 'returned'
  /** the work verified: the lead body's users; pending reminders are cancelled */
  | 'verified'
  /** a new progress report: the committee's office */
  | 'report';

const AUDIENCE: Record<TaskEvent, 'lead' | 'office'> = {
  assigned: 'lead',
  returned: 'lead',
  verified: 'lead',
  report: 'office',
};

export interface NotificationItem {
  id: string;
  kind: string;
  stage: string | null;
  title: string;
  message: string;
  shiftNote: string | null;
  link: string;
  taskId: string | null;
  obligationId: string | null;
  dueOn: string | null;
  createdAt: Date;
  readAt: Date | null;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    private readonly rules: ReminderRules,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly queue: NotificationQueue,
  ) {}

  toItem(view: DeliveryView): NotificationItem {
    const m = renderMessage(view, {
      publicUrl: this.config.PUBLIC_URL,
      calendar: this.rules.calendar,
      stages: this.rules.stages,
    });
    return {
      id: view.id,
      kind: view.kind,
      stage: view.stage,
      title: m.title,
      message: m.text,
      shiftNote: m.shiftNote,
      link: m.link,
      taskId: view.taskId,
      obligationId: view.obligationId,
      dueOn: view.dueOn,
      createdAt: view.createdAt,
      readAt: view.readAt,
    };
  }

  async list(actor: Actor, opts: { unreadOnly: boolean; page: number; pageSize: number }) {
    const { items, total, unread } = await this.repo.listInApp(actor.userId, {
      unreadOnly: opts.unreadOnly,
      limit: opts.pageSize,
      offset: (opts.page - 1) * opts.pageSize,
    });
    return {
      items: items.map((v) => this.toItem(v)),
      total,
      unread,
      page: opts.page,
      pageSize: opts.pageSize,
    };
  }

  /** Own notifications only: another user's is "not found", never "forbidden". */
  async markRead(actor: Actor, id: string): Promise<NotificationItem> {
    const view = /^\d{1,19}$/.test(id) ? await this.repo.markRead(actor.userId, id) : null;
    if (!view) throw AppError.notFound(NOTIFICATION_NOT_FOUND);
    return this.toItem(view);
  }

  async preferences(actor: Actor): Promise<{ emailMode: EmailMode; emailEnabled: boolean }> {
    return {
      emailMode: await this.repo.emailMode(actor.userId),
      emailEnabled: this.mailer.enabled,
    };
  }

  async setPreferences(actor: Actor, emailMode: EmailMode) {
    await this.uow.run(async (tx) => {
      const before = await this.repo.emailMode(actor.userId);
      await this.repo.setEmailMode(tx, actor.userId, emailMode);
      await this.audit.record(tx, actor, {
        action: 'notification.preferences',
        entityType: 'user',
        entityId: actor.userId,
        before: { emailMode: before },
        after: { emailMode },
      });
    });
    return this.preferences(actor);
  }

  /**
   * Records a task event inside the caller's transaction, as an outbox job: it exists if and
   * only if the change commits, and goes to the worker as soon as Redis takes it (at once, or
   * when Redis is back). The worker then creates the recipients' rows (taskEventFanOut).
   * `ref` makes the event unique per occurrence (the task's new version, the report id).
   */
  async notifyTaskEvent(
    tx: Tx,
    e: { taskId: string; event: TaskEvent; ref: string; detail?: string | null },
  ): Promise<void> {
    const payload: TaskEventPayload = {
      eventKey: `task:${e.taskId}:${e.event}:${e.ref}`.slice(0, 120),
      kind: e.event,
      taskId: e.taskId,
      detail: e.detail?.slice(0, 500) ?? null,
      audience: AUDIENCE[e.event],
    };
    await this.outbox.add(tx, {
      queue: QueueName.Notifications,
      name: JobName.TaskEvent,
      jobId: jobIds.taskEvent(payload.eventKey),
      payload,
    });
    if (e.event === 'verified') await this.repo.cancelRemindersForTask(e.taskId, tx);
  }

  /**
   * The worker's half of a task event: one row per recipient and channel (and per webhook
   * subscription), then their delivery jobs. Idempotent: rows have unique keys, jobs ids.
   */
  async taskEventFanOut(e: TaskEventPayload): Promise<{ created: number; enqueued: number }> {
    const created = await this.uow.run((tx) =>
      this.repo.insertTaskEvent(tx, { ...e, emailEnabled: this.mailer.enabled }),
    );
    const { notifications, webhooks } = await this.repo.undeliveredOfEvent(e.eventKey);
    const enqueued =
      (await this.queue.deliverNotifications(notifications)) +
      (await this.queue.deliverWebhooks(webhooks));
    return { created, enqueued };
  }

  /** A cancelled (or otherwise closed) task: its reminders are no longer wanted. */
  taskClosed(tx: Tx, taskId: string): Promise<number> {
    return this.repo.cancelRemindersForTask(taskId, tx);
  }

  /** Obligations met by a report: their pending reminders are no longer wanted. */
  obligationsMet(tx: Tx, obligationIds: string[]): Promise<number> {
    return this.repo.cancelForObligations(obligationIds, tx);
  }
}
