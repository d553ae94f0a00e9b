import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { NotificationQueue } from '../notifications/notification-queue.service.js';
import { JOB_DEFAULTS, JobName, SCHEDULER_IDS } from './queues.js';
import { evictionPolicyVerdict } from './redis-policy.js';

/** How often a worker checks that the schedules are still in Redis. */
const CHECK_EVERY_MS = 60_000;

/**
 * At worker start: refuse an evicting Redis in production, then (re)declare the job
 * schedulers. upsertJobScheduler is idempotent, so every worker may do it; a changed
 * SWEEP_EVERY_MINUTES or DIGEST_TIME replaces the old schedule. A Redis that comes back empty
 * (restarted without persistence, flushed) has lost them: each worker declares them again when
 * its connection is ready again, and checks every minute that they are there.
 */
@Injectable()
export class ReminderSchedules implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderSchedules.name);
  private timer: NodeJS.Timeout | null = null;
  private ensuring: Promise<void> | null = null;

  constructor(
    private readonly queues: NotificationQueue,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.checkRedis();
    await this.declare();
    this.logger.log(
      `sweep every ${this.config.SWEEP_EVERY_MINUTES} min; digest at ${this.config.DIGEST_TIME}, housekeeping at ${this.config.HOUSEKEEPING_TIME} ${this.config.TZ_APP}`,
    );
    const client = await this.queues.reminders.getBackend().client;
    client.on('ready', () => this.ensure('Redis connection ready again'));
    this.timer = setInterval(() => this.ensure(null), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Declares the schedules again if Redis lost them; never throws (Redis may be away). */
  private ensure(reason: string | null): void {
    if (this.ensuring) return;
    this.ensuring = (async () => {
      try {
        const present = await this.queues.reminders.getJobScheduler(SCHEDULER_IDS.sweep);
        if (present && !reason) return;
        await this.declare();
        if (!present) this.logger.warn('job schedules were missing from Redis; declared again');
      } catch (error) {
        this.logger.warn(`could not check the job schedules: ${String(error)}`);
      }
    })().finally(() => {
      this.ensuring = null;
    });
  }

  private async declare(): Promise<void> {
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
    for (const [id, name, time] of [
      [SCHEDULER_IDS.digest, JobName.DigestFanOut, this.config.DIGEST_TIME],
      [SCHEDULER_IDS.housekeeping, JobName.Housekeeping, this.config.HOUSEKEEPING_TIME],
    ] as const) {
      const [hour, minute] = time.split(':').map(Number);
      await reminders.upsertJobScheduler(
        id,
        { pattern: `${minute} ${hour} * * *`, tz: this.config.TZ_APP },
        {
          name,
          data: {},
          opts: { ...JOB_DEFAULTS[name], removeOnComplete: 100, removeOnFail: 100 },
        },
      );
    }
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
