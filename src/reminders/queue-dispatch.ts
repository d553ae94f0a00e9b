import type { JobName, QueueName } from './queues.js';

/**
 * Refuses to start a worker whose queue carries a job it has no handler for: such a job would
 * otherwise fail at run time, after it was accepted.
 */
export function assertHandlersCover(
  queue: QueueName,
  jobQueue: { [J in JobName]: QueueName },
  handlers: Partial<Record<JobName, unknown>>,
): void {
  const missing = (Object.keys(jobQueue) as JobName[]).filter(
    (job) => jobQueue[job] === queue && !handlers[job],
  );
  if (missing.length > 0) {
    throw new Error(`Queue ${queue} has no handler for: ${missing.join(', ')}`);
  }
}
