import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobFailureRepository } from './job-failure.repository.js';
import { HeartbeatJob } from './jobs/heartbeat.job.js';
import { JOB_QUEUE, JobName, type JobPayloads, QueueName } from './queues.js';
import { assertHandlersCover } from './queue-dispatch.js';

/** The system queue: jobs about the service itself. Dispatches on the job's name. */
@Processor(QueueName.System)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);
  private readonly handlers: { [J in JobName]?: (job: Job) => Promise<unknown> };

  constructor(
    heartbeat: HeartbeatJob,
    private readonly failures: JobFailureRepository,
  ) {
    super();
    this.handlers = {
      [JobName.Heartbeat]: (job) =>
        heartbeat.handle(job.data as JobPayloads[JobName.Heartbeat], String(job.id)),
    };
    assertHandlersCover(QueueName.System, JOB_QUEUE, this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler) throw new Error(`No handler for job "${job.name}" on queue ${QueueName.System}`);
    return handler(job);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade < attempts) return;
    this.logger.error(`job ${job.name} ${job.id} failed for good: ${error.message}`);
    await this.failures.record({
      queue: QueueName.System,
      jobName: job.name,
      jobId: String(job.id),
      payload: job.data,
      error: error.stack ?? error.message,
      attempts: job.attemptsMade,
    });
  }
}
