import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import { JOB_DEFAULTS, type JobName, QueueName } from '../reminders/queues.js';
import { OutboxRepository, type OutboxEntry } from './outbox.repository.js';

/** Rows handed over per transaction. */
const BATCH = 500;
/** A hand-over Redis does not acknowledge within this time counts as failed (rows stay). */
const ENQUEUE_TIMEOUT_MS = 3000;
/** Back-off of a failed hand-over: doubles with each attempt of the row, up to a minute. */
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 60_000;

// As for every job of the service: the MySQL row is the record, a finished job leaves Redis.
const KEEP = { removeOnComplete: true, removeOnFail: true } as const;

/**
 * Hands outbox rows to BullMQ: claims a batch (FOR UPDATE SKIP LOCKED), adds the jobs with
 * their deterministic ids, deletes the rows, commits. If Redis is away the transaction ends with
 * nothing deleted and the rows wait; if the process dies between the add and the commit, the
 * rows are handed over again and BullMQ ignores the known ids (handlers are idempotent for the
 * rare job that already finished). Runs in every API and worker process.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: ReadonlyMap<string, Queue>;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastFailure: string | null = null;
  /** the queues' connection once BullMQ has made it (status tells whether Redis is there) */
  private client: { status: string } | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = new Map([
      [QueueName.System, system],
      [QueueName.Reminders, reminders],
      [QueueName.Notifications, notifications],
    ]);
    // While Redis is away every connection attempt fails: said once, not once per retry.
    for (const queue of this.queues.values()) {
      queue.on('error', (error: Error) => this.logFailure(`outbox relay: ${error.message}`));
    }
  }

  onApplicationBootstrap(): void {
    void this.queues
      .get(QueueName.Notifications)!
      .getBackend()
      .client.then((client) => {
        this.client = client;
      })
      .catch((error: unknown) =>
        this.logFailure(`outbox relay: no Redis client: ${String(error)}`),
      );
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /**
   * Before any module's shutdown hook: TypeORM closes its pool in its own, and a hand-over
   * still running then fails with "connection is in closed state".
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /** Wakes the relay (after a commit that added rows, or on the poll); never throws. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** Hands over everything due; resolves when the outbox is empty or Redis refuses. */
  async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.relayOnce()) === BATCH && !this.stopped);
      } catch (error) {
        // MySQL away: the poll tries again.
        this.logFailure(`outbox relay: ${String(error)}`);
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** One batch; returns how many rows were handed over. */
  async relayOnce(): Promise<number> {
    if (!this.redisReady()) return 0;
    const outcome = await this.uow.run(async (tx) => {
      const rows = await this.outbox.claim(tx, BATCH);
      if (rows.length === 0) return { handed: 0 };
      try {
        await this.enqueue(rows);
      } catch (error) {
        return { handed: 0, failed: { rows, error: String(error) } };
      }
      await this.outbox.remove(
        tx,
        rows.map((r) => r.id),
      );
      return { handed: rows.length };
    });
    const { handed, failed } = outcome as {
      handed: number;
      failed?: { rows: OutboxEntry[]; error: string };
    };
    if (failed) {
      const { rows, error } = failed;
      const attempts = Math.max(...rows.map((r) => r.attempts));
      await this.outbox.postpone(
        rows.map((r) => r.id),
        Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempts),
        error,
      );
      this.logFailure(`outbox relay: ${rows.length} job(s) wait for Redis: ${error}`);
      return 0;
    }
    if (handed > 0 && this.lastFailure) {
      this.logger.log('outbox relay: Redis takes jobs again');
      this.lastFailure = null;
    }
    return handed;
  }

  private async enqueue(rows: OutboxEntry[]): Promise<void> {
    const byQueue = new Map<string, OutboxEntry[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    const adds = [...byQueue].map(([name, entries]) => {
      const queue = this.queues.get(name);
      if (!queue) throw new Error(`outbox row for unknown queue "${name}"`);
      return queue.addBulk(
        entries.map((e) => ({ name: e.name, data: e.payload, opts: this.options(e) })),
      );
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all(adds),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)),
            ENQUEUE_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private options(entry: OutboxEntry): JobsOptions {
    const defaults = JOB_DEFAULTS[entry.name as JobName] as
      (typeof JOB_DEFAULTS)[JobName] | undefined;
    return {
      ...KEEP,
      jobId: entry.jobId,
      ...(defaults ? { attempts: defaults.attempts, backoff: defaults.backoff } : {}),
    };
  }

  /** Only a connected client is asked: commands to one that is away would queue up unbounded. */
  private redisReady(): boolean {
    return this.client?.status === 'ready';
  }

  private logFailure(message: string): void {
    if (message === this.lastFailure) return;
    this.lastFailure = message;
    this.logger.warn(message);
  }
}
