import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { isLastAttempt, recordFinalFailure } from './final-failure.js';
import { JobFailureRepository } from './job-failure.repository.js';
import { DeliverNotificationJob } from './jobs/deliver-notification.job.js';
import { DeliverWebhookJob } from './jobs/deliver-webhook.job.js';
import { SendDigestJob } from './jobs/send-digest.job.js';
import { TaskEventJob } from './jobs/task-event.job.js';
import { JOB_QUEUE, JobName, type JobPayloads, QueueName } from './queues.js';
import { assertHandlersCover } from './queue-dispatch.js';

/**
 * The notifications queue: one job per message. Concurrency from NOTIFY_CONCURRENCY.
 * Deliveries take milliseconds, so a shorter lock than BullMQ's 30 s lets a crashed worker's
 * job come back sooner (lock renewed every 7.5 s while a job runs).
 */
@Processor(QueueName.Notifications, { lockDuration: 15_000, stalledInterval: 15_000 })
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private readonly handlers: { [J in JobName]?: (job: Job) => Promise<unknown> };

  constructor(
    deliver: DeliverNotificationJob,
    webhook: DeliverWebhookJob,
    digest: SendDigestJob,
    taskEvent: TaskEventJob,
    private readonly failures: JobFailureRepository,
    private readonly config: AppConfig,
  ) {
    super();
    this.handlers = {
      [JobName.TaskEvent]: (job) => taskEvent.handle(job.data as JobPayloads[JobName.TaskEvent]),
      [JobName.DeliverNotification]: (job) =>
        deliver.handle(job.data as JobPayloads[JobName.DeliverNotification], isLastAttempt(job)),
      [JobName.DeliverWebhook]: (job) =>
        webhook.handle(job.data as JobPayloads[JobName.DeliverWebhook], isLastAttempt(job)),
      [JobName.SendDigest]: (job) => digest.handle(job.data as JobPayloads[JobName.SendDigest]),
    };
    assertHandlersCover(QueueName.Notifications, JOB_QUEUE, this.handlers);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.NOTIFY_CONCURRENCY;
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) {
      throw new Error(`No handler for job "${job.name}" on queue ${QueueName.Notifications}`);
    }
    return handler(job);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    await recordFinalFailure(QueueName.Notifications, job, error, this.failures, this.logger);
  }
}
