import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobFailureRepository } from './job-failure.repository.js';
import type { QueueName } from './queues.js';

/** Whether this attempt is the job's last (BullMQ counts attemptsMade after the failure). */
export function isLastAttempt(job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/** Writes a job that used up its attempts to MySQL (job_failure), where summaries see it. */
export async function recordFinalFailure(
  queue: QueueName,
  job: Job | undefined,
  error: Error,
  failures: JobFailureRepository,
  logger: Logger,
): Promise<void> {
  if (!job) return;
  const attempts = job.opts.attempts ?? 1;
  if (job.attemptsMade < attempts) return;
  logger.error(`job ${job.name} ${job.id} failed for good: ${error.message}`);
  await failures.record({
    queue,
    jobName: job.name,
    jobId: String(job.id),
    payload: job.data,
    error: error.stack ?? error.message,
    attempts: job.attemptsMade,
  });
}
