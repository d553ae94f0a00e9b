import { Injectable } from '@nestjs/common';
import { NotificationsService } from '../../notifications/notifications.service.js';
import type { JobName, JobPayloads } from '../queues.js';

export type TaskEventJobPayload = JobPayloads[JobName.TaskEvent];

/**
 * A task event handed over by the outbox: its recipients' rows, then their delivery jobs.
 * Running it twice (a relay that handed the row over again) adds nothing.
 */
@Injectable()
export class TaskEventJob {
  constructor(private readonly notifications: NotificationsService) {}

  async handle(payload: TaskEventJobPayload): Promise<{ created: number; enqueued: number }> {
    return this.notifications.taskEventFanOut(payload);
  }
}
