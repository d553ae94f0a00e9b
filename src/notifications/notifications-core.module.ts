import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '../reminders/queues.js';
import { MailerService } from './mailer.service.js';
import { NotificationQueue } from './notification-queue.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderSweepService } from './reminder-sweep.service.js';
import { WebhooksService } from './webhooks.service.js';
import { ReminderRules } from './working-calendar.provider.js';

/**
 * What the API and the worker share about notifications: rows, queues, the sweep, e-mail.
 * Needs UnitOfWork and AuditService (global DatabaseModule and AuditModule).
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.Notifications }, { name: QueueName.Reminders }),
  ],
  providers: [
    ReminderRules,
    NotificationsRepository,
    NotificationQueue,
    MailerService,
    ReminderSweepService,
    NotificationsService,
    WebhooksService,
  ],
  exports: [
    BullModule,
    ReminderRules,
    NotificationsRepository,
    NotificationQueue,
    MailerService,
    ReminderSweepService,
    NotificationsService,
    WebhooksService,
  ],
})
export class NotificationsCoreModule {}
