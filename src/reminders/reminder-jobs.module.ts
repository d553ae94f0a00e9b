import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { HousekeepingModule } from '../housekeeping/housekeeping.module.js';
import { NotificationsCoreModule } from '../notifications/notifications-core.module.js';
import { JobFailure } from './job-failure.entity.js';
import { JobFailureRepository } from './job-failure.repository.js';
import { DeliverNotificationJob } from './jobs/deliver-notification.job.js';
import { DeliverWebhookJob } from './jobs/deliver-webhook.job.js';
import { DigestFanOutJob } from './jobs/digest-fan-out.job.js';
import { ReminderSweepJob } from './jobs/reminder-sweep.job.js';
import { SendDigestJob } from './jobs/send-digest.job.js';
import { TaskEventJob } from './jobs/task-event.job.js';
import { NotificationsProcessor } from './notifications.processor.js';
import { ReminderSchedules } from './reminder-schedules.js';
import { RemindersProcessor } from './reminders.processor.js';

/** Consumers of the reminders and notifications queues, and their schedules; worker only. */
@Module({
  imports: [
    DatabaseModule,
    AuditModule,
    NotificationsCoreModule,
    HousekeepingModule,
    TypeOrmModule.forFeature([JobFailure]),
  ],
  providers: [
    JobFailureRepository,
    ReminderSweepJob,
    DigestFanOutJob,
    DeliverNotificationJob,
    DeliverWebhookJob,
    SendDigestJob,
    TaskEventJob,
    RemindersProcessor,
    NotificationsProcessor,
    ReminderSchedules,
  ],
})
export class ReminderJobsModule {}
