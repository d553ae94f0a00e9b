import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { MailerService } from '../../notifications/mailer.service.js';
import { renderMessage } from '../../notifications/notification-message.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import { ReminderRules } from '../../notifications/working-calendar.provider.js';
import { OPEN_STATUSES } from '../../tasks/tasks.repository.js';
import type { TaskStatus } from '../../tasks/task-status.js';
import type { JobName, JobPayloads } from '../queues.js';

export type DeliverNotificationPayload = JobPayloads[JobName.DeliverNotification];

const IN_APP_BATCH_WAIT_MS = 2;
const IN_APP_BATCH_MAX = 500;

export type DeliveryOutcome = 'delivered' | 'skipped' | 'cancelled' | 'missing';

/**
 * Delivers one notification row. The row is claimed first (one worker wins, a second run of
 * the job finds nothing to do); a reminder whose obligation was met or whose task closed is
 * cancelled instead of sent.
 *
 * Residual window, honestly: an e-mail the SMTP server accepted just before the worker died,
 * and before the row was marked delivered, is sent again once the claim expires
 * (NOTIFY_CLAIM_SECONDS). The Message-ID is derived from the row id, so mail clients and
 * servers that de-duplicate on it show it once. Every other crash point is exactly-once.
 */
@Injectable()
export class DeliverNotificationJob {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly mailer: MailerService,
    private readonly rules: ReminderRules,
    private readonly config: AppConfig,
  ) {}

  // In-app deliveries that start together share one UPDATE: at thousands of jobs a second the
  // database round trip per job, not BullMQ, is the limit. The row guards stay per row.
  private batch: { id: string; done: (ok: boolean) => void; fail: (e: unknown) => void }[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  private inApp(id: string): Promise<boolean> {
    return new Promise((done, fail) => {
      this.batch.push({ id, done, fail });
      this.flushTimer ??= setTimeout(() => void this.flush(), IN_APP_BATCH_WAIT_MS);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.batch.splice(0, IN_APP_BATCH_MAX);
    this.flushTimer =
      this.batch.length > 0 ? setTimeout(() => void this.flush(), IN_APP_BATCH_WAIT_MS) : null;
    try {
      const delivered = await this.repo.deliverInApp(batch.map((b) => b.id));
      for (const b of batch) b.done(delivered.has(b.id));
    } catch (error) {
      for (const b of batch) b.fail(error);
    }
  }

  async handle(
    payload: DeliverNotificationPayload,
    lastAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const id = payload.notificationId;
    if (await this.inApp(id)) return 'delivered';
    if (!(await this.repo.claim(id, this.config.NOTIFY_CLAIM_SECONDS))) return 'skipped';
    const n = await this.repo.findForDelivery(id);
    if (!n) return 'missing';
    const noLongerWanted =
      !n.userActive ||
      (n.obligationId !== null &&
        (n.metAt !== null || !OPEN_STATUSES.includes(n.taskStatus as TaskStatus))) ||
      (n.channel === 'email' && (!n.userEmail || !this.mailer.enabled));
    if (noLongerWanted) {
      await this.repo.markCancelled(id);
      return 'cancelled';
    }
    try {
      if (n.channel === 'email') {
        const m = renderMessage(n, {
          publicUrl: this.config.PUBLIC_URL,
          calendar: this.rules.calendar,
          stages: this.rules.stages,
        });
        await this.mailer.send({
          to: n.userEmail!,
          subject: m.subject,
          text: m.text,
          messageId: this.mailer.messageId('notification', id),
        });
      }
      await this.repo.markDelivered(id);
      return 'delivered';
    } catch (error) {
      await this.repo.markFailed(id, (error as Error).message ?? String(error), lastAttempt);
      throw error;
    }
  }
}
