import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { recordFinalFailure } from './final-failure.js';
import { JobFailureRepository } from './job-failure.repository.js';
import { HousekeepingJob } from '../housekeeping/housekeeping.job.js';
import { DigestFanOutJob } from './jobs/digest-fan-out.job.js';
import { ReminderSweepJob } from './jobs/reminder-sweep.job.js';
import { JOB_QUEUE, JobName, type JobPayloads, QueueName } from './queues.js';
import { assertHandlersCover } from './queue-dispatch.js';

/** The reminders queue: the sweep, the digest fan-out, the housekeeping. One at a time is enough. */
@Processor(QueueName.Reminders, { concurrency: 1 })
export class RemindersProcessor extends WorkerHost {
  private readonly logger = new Logger(RemindersProcessor.name);
  private readonly handlers: { [J in JobName]?: (job: Job) => Promise<unknown> };

  constructor(
    sweep: ReminderSweepJob,
    digest: DigestFanOutJob,
    housekeeping: HousekeepingJob,
    private readonly failures: JobFailureRepository,
  ) {
    super();
    this.handlers = {
      [JobName.ReminderSweep]: (job) =>
        sweep.handle(job.data as JobPayloads[JobName.ReminderSweep]),
      [JobName.DigestFanOut]: (job) => digest.handle(job.data as JobPayloads[JobName.DigestFanOut]),
      [JobName.Housekeeping]: () => housekeeping.handle(),
    };
    assertHandlersCover(QueueName.Reminders, JOB_QUEUE, this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName];
    if (!handler)
      throw new Error(`No handler for job "${job.name}" on queue ${QueueName.Reminders}`);
    return handler(job);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    await recordFinalFailure(QueueName.Reminders, job, error, this.failures, this.logger);
  }
}
