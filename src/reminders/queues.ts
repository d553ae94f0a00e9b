// Every queue and job the service knows, in one place, so enqueueing is typed.
//
// WARNING: these names are stored in Redis (queue keys and job names). Renaming one strands the
// jobs already waiting under the old name: never rename without a migration plan that drains
// or moves them first.

export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** The worker proves it is alive and consuming (health, tests). */
  Heartbeat = 'heartbeat',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { requestedAt: string };
}

/** Which queue carries which job: a job nobody handles is a startup error, not a silent drop. */
export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.Heartbeat]: QueueName.System,
};

export interface JobDefaults {
  attempts: number;
  backoff: { type: 'exponential'; delay: number };
}

export const JOB_DEFAULTS: { [J in JobName]: JobDefaults } = {
  [JobName.Heartbeat]: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
};

export const ALL_QUEUES = Object.values(QueueName);
