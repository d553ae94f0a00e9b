import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { JOB_DEFAULTS, JobName, type JobPayloads, QueueName, jobIds } from '../reminders/queues.js';

const BULK = 1000;

// Finished jobs leave Redis at once: the row in MySQL is the record (final failures also go
// to job_failure), and a freed id lets the next sweep enqueue again a row that is still owed.
// A kept failed job would hold its id and block that.
const KEEP = { removeOnComplete: true, removeOnFail: true } as const;

/** Typed enqueueing of delivery jobs, with the deterministic ids of queues.ts. */
@Injectable()
export class NotificationQueue {
  constructor(
    @InjectQueue(QueueName.Notifications) readonly notifications: Queue,
    @InjectQueue(QueueName.Reminders) readonly reminders: Queue,
    private readonly config: AppConfig,
  ) {}

  private options(name: JobName, jobId: string): JobsOptions {
    const defaults = JOB_DEFAULTS[name];
    if (name === JobName.DeliverWebhook) {
      return {
        ...KEEP,
        jobId,
        attempts: this.config.WEBHOOK_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_BACKOFF_MS },
      };
    }
    return { ...KEEP, jobId, attempts: defaults.attempts, backoff: defaults.backoff };
  }

  async deliverNotifications(ids: string[]): Promise<number> {
    return this.bulk(ids, (id) => ({
      name: JobName.DeliverNotification,
      data: { notificationId: id } satisfies JobPayloads[JobName.DeliverNotification],
      opts: this.options(JobName.DeliverNotification, jobIds.deliverNotification(id)),
    }));
  }

  async deliverWebhooks(ids: string[]): Promise<number> {
    return this.bulk(ids, (id) => ({
      name: JobName.DeliverWebhook,
      data: { deliveryId: id } satisfies JobPayloads[JobName.DeliverWebhook],
      opts: this.options(JobName.DeliverWebhook, jobIds.deliverWebhook(id)),
    }));
  }

  async sendDigests(userIds: string[], digestDate: string): Promise<number> {
    return this.bulk(userIds, (userId) => ({
      name: JobName.SendDigest,
      data: { userId, digestDate } satisfies JobPayloads[JobName.SendDigest],
      opts: this.options(JobName.SendDigest, jobIds.sendDigest(userId, digestDate)),
    }));
  }

  private async bulk(
    ids: string[],
    job: (id: string) => { name: JobName; data: object; opts: JobsOptions },
  ): Promise<number> {
    for (let i = 0; i < ids.length; i += BULK) {
      await this.notifications.addBulk(ids.slice(i, i + BULK).map(job));
    }
    return ids.length;
  }
}
