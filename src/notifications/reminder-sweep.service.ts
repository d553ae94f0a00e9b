import { Injectable, Logger } from '@nestjs/common';
import { todayIn } from '../common/dates.js';
import { AppConfig } from '../config/app-config.js';
import { notificationKind } from '../reminders/reminder-stages.js';
import { sweepWindows } from '../reminders/sweep-windows.js';
import { MailerService } from './mailer.service.js';
import { NotificationQueue } from './notification-queue.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { ReminderRules } from './working-calendar.provider.js';

export interface SweepResult {
  /** notification and webhook rows created by this sweep */
  created: number;
  /** delivery jobs handed to BullMQ (new rows and rows a crash or a lost Redis left behind) */
  enqueued: number;
  today: string;
}

const PAGE = 5000;

/**
 * Turns "a reminder stage has come" into rows, then rows into jobs. Both halves are
 * idempotent: rows have unique keys, jobs have ids derived from rows. The sweep never sends.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly queue: NotificationQueue,
    private readonly rules: ReminderRules,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async sweep(now: Date = new Date()): Promise<SweepResult> {
    const today = todayIn(this.config.TZ_APP, now);
    const windows = sweepWindows(
      today,
      this.rules.calendar,
      this.rules.stages,
      this.config.REMINDER_LOOKBACK_DAYS,
    );
    let created = 0;
    for (const w of windows) {
      if (w.dueFrom > w.dueTo) continue;
      const base = { stage: w.stage, dueFrom: w.dueFrom, dueTo: w.dueTo, firesOn: today };
      if (w.recipients.includes('lead')) {
        created += await this.repo.insertReminders({
          ...base,
          audience: 'lead',
          kind: notificationKind(w, 'lead'),
          emailEnabled: this.mailer.enabled,
        });
      }
      const roles = w.recipients.filter((r) => r !== 'lead');
      if (roles.length > 0) {
        created += await this.repo.insertReminders({
          ...base,
          audience: 'committee',
          roles,
          kind: notificationKind(w, 'office'),
          emailEnabled: this.mailer.enabled,
        });
      }
      created += await this.repo.insertWebhookReminders({
        stage: w.stage,
        kind: notificationKind(w, roles.length > 0 ? 'office' : 'lead'),
        dueFrom: w.dueFrom,
        dueTo: w.dueTo,
      });
    }
    const enqueued = await this.enqueueUndelivered();
    this.logger.log(`sweep ${today}: ${created} created, ${enqueued} enqueued`);
    return { created, enqueued, today };
  }

  /** Every row still owed a delivery gets its job (a no-op for those already queued). */
  async enqueueUndelivered(): Promise<number> {
    let enqueued = 0;
    for (let after = '0'; ;) {
      const ids = await this.repo.undeliveredIds(after, PAGE);
      if (ids.length === 0) break;
      enqueued += await this.queue.deliverNotifications(ids);
      after = ids[ids.length - 1]!;
    }
    for (let after = '0'; ;) {
      const ids = await this.repo.undeliveredWebhookIds(after, PAGE);
      if (ids.length === 0) break;
      enqueued += await this.queue.deliverWebhooks(ids);
      after = ids[ids.length - 1]!;
    }
    return enqueued;
  }
}
