// Every queue and job the service knows, in one place, so enqueueing is typed.
//
// WARNING: these names are stored in Redis (queue keys and job names). Renaming one strands the
// jobs already waiting under the old name: never rename without a migration plan that drains
// or moves them first.

export enum QueueName {
  System = 'system',
  /** the sweep, the daily digest fan-out and the nightly housekeeping: few, heavy jobs */
  Reminders = 'reminders',
  /** one job per message to deliver: many, light jobs */
  Notifications = 'notifications',
}

export enum JobName {
  /** The worker proves it is alive and consuming (health, tests). */
  Heartbeat = 'heartbeat',
  /** Creates the notification rows whose reminder stage has come, then enqueues delivery. */
  ReminderSweep = 'reminder-sweep',
  /** At the digest time: one send-digest job per user who chose the daily digest. */
  DigestFanOut = 'digest-fan-out',
  /**
   * A task event a write recorded (through the outbox): creates its notification and webhook
   * rows for the recipients of the moment, then enqueues their delivery.
   */
  TaskEvent = 'task-event',
  /** Nightly: expired Idempotency-Key rows and stored files no row names are removed. */
  Housekeeping = 'housekeeping',
  /** Delivers one notification row (in-app or e-mail). */
  DeliverNotification = 'deliver-notification',
  /** Posts one webhook delivery row to its subscription. */
  DeliverWebhook = 'deliver-webhook',
  /** One user's daily digest e-mail. */
  SendDigest = 'send-digest',
}

/** What a task event's job carries (see NotificationsService.notifyTaskEvent). */
export interface TaskEventPayload {
  /** unique per occurrence; the key of its notification rows */
  eventKey: string;
  kind: 'assigned' | 'returned' | 'verified' | 'report';
  taskId: string;
  detail: string | null;
  audience: 'lead' | 'office';
}

export interface JobPayloads {
  [JobName.Heartbeat]: { requestedAt: string };
  /** empty: the sweep reads the clock when it runs */
  [JobName.ReminderSweep]: Record<string, never>;
  [JobName.DigestFanOut]: Record<string, never>;
  [JobName.TaskEvent]: TaskEventPayload;
  /** empty: the job reads the clock when it runs */
  [JobName.Housekeeping]: Record<string, never>;
  [JobName.DeliverNotification]: { notificationId: string };
  [JobName.DeliverWebhook]: { deliveryId: string };
  [JobName.SendDigest]: { userId: string; digestDate: string };
}

/** Which queue carries which job: a job nobody handles is a startup error, not a silent drop. */
export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.ReminderSweep]: QueueName.Reminders,
  [JobName.DigestFanOut]: QueueName.Reminders,
  [JobName.TaskEvent]: QueueName.Notifications,
  [JobName.Housekeeping]: QueueName.Reminders,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.SendDigest]: QueueName.Notifications,
};

export interface JobDefaults {
  attempts: number;
  backoff: { type: 'exponential'; delay: number };
}

export const JOB_DEFAULTS: { [J in JobName]: JobDefaults } = {
  [JobName.Heartbeat]: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
  // The next scheduled sweep repeats the work anyway; retries only cover a short outage.
  [JobName.ReminderSweep]: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  [JobName.DigestFanOut]: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  [JobName.TaskEvent]: { attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
  // Tomorrow's run repeats whatever is left; retries only cover a short outage.
  [JobName.Housekeeping]: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  [JobName.DeliverNotification]: { attempts: 6, backoff: { type: 'exponential', delay: 2000 } },
  // WEBHOOK_BACKOFF_MS overrides the delay (see NotificationQueue.webhookOptions).
  [JobName.DeliverWebhook]: { attempts: 8, backoff: { type: 'exponential', delay: 2000 } },
  [JobName.SendDigest]: { attempts: 6, backoff: { type: 'exponential', delay: 5000 } },
};

/**
 * Deterministic job ids, derived from the MySQL row that decides the work (BullMQ ignores a
 * second job with the same id while the first is kept; ':' is reserved by BullMQ).
 */
export const jobIds = {
  taskEvent: (eventKey: string) => `task-event-${eventKey.replaceAll(':', '.')}`,
  deliverNotification: (notificationId: string) => `notification-${notificationId}`,
  deliverWebhook: (deliveryId: string) => `webhook-delivery-${deliveryId}`,
  sendDigest: (userId: string, digestDate: string) => `digest-${userId}-${digestDate}`,
};

/** Job scheduler ids (BullMQ upsertJobScheduler): one per recurring job. */
export const SCHEDULER_IDS = {
  sweep: 'reminder-sweep-every',
  digest: 'digest-daily',
  housekeeping: 'housekeeping-nightly',
} as const;

export const ALL_QUEUES = Object.values(QueueName);
