import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';

/** Options BullMQ requires of its connections: blocking commands must never give up. */
export function bullConnectionOptions(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

/**
 * The service's own Redis client (rate-limit counters, heartbeats, health). Commands fail at once
 * while Redis is away instead of queueing, so a request never hangs on it.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.client = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.client.on('error', (error: Error) => {
      this.logger.warn(`Redis: ${error.message}`);
    });
  }

  /** Namespaces a key under the queue prefix, so test runs and the demo never share keys. */
  key(name: string): string {
    return `${this.config.QUEUE_PREFIX}:${name}`;
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      await this.whenReady(timeoutMs);
      const answer = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
        ),
      ]);
      return answer === 'PONG';
    } catch {
      return false;
    }
  }

  private async whenReady(timeoutMs: number): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        reject(new Error('Redis not ready'));
      }, timeoutMs);
      timer.unref();
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', onReady);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
