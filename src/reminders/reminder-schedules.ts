import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { NotificationQueue } from '../notifications/notification-queue.service.js';
import { JOB_DEFAULTS, JobName, SCHEDULER_IDS } from './queues.js';
import { evictionPolicyVerdict } from './redis-policy.js';

/**
 * At worker start: refuse an evicting Redis in production, then (re)declare the job
 * schedulers. upsertJobScheduler is idempotent, so every worker may do it; a changed
 * SWEEP_EVERY_MINUTES or DIGEST_TIME replaces the old schedule.
 */
@Injectable()
export class ReminderSchedules implements OnModuleInit {
  private readonly logger = new Logger(ReminderSchedules.name);

  constructor(
    private readonly queues: NotificationQueue,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.checkRedis();
    const reminders = this.queues.reminders;
    await reminders.upsertJobScheduler(
      SCHEDULER_IDS.sweep,
      { every: this.config.SWEEP_EVERY_MINUTES * 60_000 },
      {
        name: JobName.ReminderSweep,
        data: {},
        opts: {
          ...JOB_DEFAULTS[JobName.ReminderSweep],
          removeOnComplete: 100,
          removeOnFail: 100,
        },
      },
    );
    const [hour, minute] = this.config.DIGEST_TIME.split(':').map(Number);
    await reminders.upsertJobScheduler(
      SCHEDULER_IDS.digest,
      { pattern: `${minute} ${hour} * * *`, tz: this.config.TZ_APP },
      {
        name: JobName.DigestFanOut,
        data: {},
        opts: { ...JOB_DEFAULTS[JobName.DigestFanOut], removeOnComplete: 100, removeOnFail: 100 },
      },
    );
    this.logger.log(
      `sweep every ${this.config.SWEEP_EVERY_MINUTES} min; digest at ${this.config.DIGEST_TIME} ${this.config.TZ_APP}`,
    );
  }

  private async checkRedis(): Promise<void> {
    let policy: string | null;
    // A short-lived connection of its own: the shared client refuses commands until ready.
    const client = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await client.connect();
      const answer = (await client.config('GET', 'maxmemory-policy')) as string[];
      policy = answer[1] ?? null;
    } catch {
      policy = null;
    } finally {
      client.disconnect();
    }
    const verdict = evictionPolicyVerdict(policy, this.config.NODE_ENV);
    if (verdict.level === 'refuse') throw new Error(verdict.message);
    if (verdict.level === 'warn') this.logger.warn(verdict.message);
  }
}
