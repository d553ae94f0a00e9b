import { Injectable } from '@nestjs/common';
import { RedisService } from '../../common/redis/redis.service.js';
import type { JobName, JobPayloads } from '../queues.js';

export type HeartbeatPayload = JobPayloads[JobName.Heartbeat];

export const HEARTBEAT_KEY = 'worker:heartbeat';

/** Records that a worker consumed a job just now; /health reports the last one. */
@Injectable()
export class HeartbeatJob {
  constructor(private readonly redis: RedisService) {}

  async handle(payload: HeartbeatPayload, jobId: string): Promise<{ seenAt: string }> {
    const seenAt = new Date().toISOString();
    await this.redis.client.set(
      this.redis.key(HEARTBEAT_KEY),
      JSON.stringify({ jobId, requestedAt: payload.requestedAt, seenAt, pid: process.pid }),
      'EX',
      3600,
    );
    return { seenAt };
  }
}
