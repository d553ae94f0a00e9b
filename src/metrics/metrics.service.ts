import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { QueueName } from '../reminders/queues.js';

/** Prometheus metrics of one process: HTTP latency, queue depths, Node's own. */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly logger = new Logger(MetricsService.name);
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(
    @InjectQueue(QueueName.System) systemQueue: Queue,
    @InjectQueue(QueueName.Reminders) remindersQueue: Queue,
    @InjectQueue(QueueName.Notifications) notificationsQueue: Queue,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'dondoc_' });
    const queues = [systemQueue, remindersQueue, notificationsQueue];
    for (const queue of queues) {
      // BullMQ prints unhandled connection errors; /health already reports Redis down.
      queue.on('error', (error: Error) =>
        this.logger.debug(`queue ${queue.name}: ${error.message}`),
      );
    }
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state, read from Redis at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const queue of queues) {
          try {
            const counts = await withTimeout(
              queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
              1000,
            );
            for (const [state, count] of Object.entries(counts)) {
              this.set({ queue: queue.name, state }, count);
            }
          } catch {
            // Redis away: the scrape still answers; the gauge simply keeps no fresh value.
          }
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
