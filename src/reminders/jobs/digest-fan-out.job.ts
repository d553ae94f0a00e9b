import { Injectable } from '@nestjs/common';
import { todayIn } from '../../common/dates.js';
import { AppConfig } from '../../config/app-config.js';
import { NotificationQueue } from '../../notifications/notification-queue.service.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import type { JobName, JobPayloads } from '../queues.js';

export type DigestFanOutPayload = JobPayloads[JobName.DigestFanOut];

/** At the digest time: one send-digest job (id digest-<user>-<day>) per user with held mail. */
@Injectable()
export class DigestFanOutJob {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly queue: NotificationQueue,
    private readonly config: AppConfig,
  ) {}

  async handle(_payload: DigestFanOutPayload, now = new Date()): Promise<{ users: number }> {
    const users = await this.repo.usersWithHeldEmail();
    await this.queue.sendDigests(users, todayIn(this.config.TZ_APP, now));
    return { users: users.length };
  }
}
