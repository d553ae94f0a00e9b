import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { MailerService, SMTP_CONNECTIONS } from '../../notifications/mailer.service.js';
import { renderMessage } from '../../notifications/notification-message.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import { ReminderRules } from '../../notifications/working-calendar.provider.js';
import { OPEN_STATUSES } from '../../tasks/tasks.repository.js';
import type { TaskStatus } from '../../tasks/task-status.js';
import { Batcher } from '../batcher.js';
import type { JobName, JobPayloads } from '../queues.js';
import { Semaphore } from '../semaphore.js';

export type DeliverNotificationPayload = JobPayloads[JobName.DeliverNotification];

// In-app deliveries running at the same time share one UPDATE (see Batcher). Four statements in
// flight (of the pool's 10 connections) let MySQL use more than one core while the next batch
// forms; fewer left it waiting, more only made each statement slower (bench:reminders, 2 cores).
const IN_APP_BATCH_MAX = 500;
const IN_APP_IN_FLIGHT = 4;

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

  // The row guards stay per row: only wanted in-app rows still pending flip, whichever batch
  // they travel in, so a row is delivered once however many jobs name it.
  private readonly inApp = new Batcher<string, boolean>({
    run: async (ids) => {
      const delivered = await this.repo.deliverInApp(ids);
      return new Map(ids.map((id) => [id, delivered.has(id)]));
    },
    maxBatch: IN_APP_BATCH_MAX,
    maxInFlight: IN_APP_IN_FLIGHT,
  });

  // A row is claimed only when an SMTP connection is about to be free: hundreds of jobs
  // claiming at once and then queueing for the mailer's few connections let claims expire
  // before their send, and another job send the same row again.
  private readonly smtpSlots = new Semaphore(SMTP_CONNECTIONS);

  async handle(
    payload: DeliverNotificationPayload,
    lastAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const id = payload.notificationId;
    if (await this.inApp.submit(id)) return 'delivered';
    return this.smtpSlots.run(() => this.claimAndSend(id, lastAttempt));
  }

  /** E-mail, and rows that are to be cancelled: claimed, re-read, sent or cancelled, marked. */
  private async claimAndSend(id: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
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
