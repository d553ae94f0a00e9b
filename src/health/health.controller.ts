import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { RedisService } from '../common/redis/redis.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { HealthResponseDto } from './health-response.dto.js';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisService,
    private readonly outbox: OutboxService,
  ) {}

  private async dbUp(): Promise<boolean> {
    try {
      const result = await this.db.pingCheck('db', { timeout: 2000 });
      return result.db?.status === 'up';
    } catch {
      return false;
    }
  }

  /**
   * 200 ok; 200 degraded while Redis is away (reports are still accepted: their jobs wait in
   * the outbox and go out when Redis is back, so a load balancer keeps the API in rotation);
   * 503 error while the database is away (nothing can be written).
   */
  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Tình trạng dịch vụ / service health (database, Redis, outbox)' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponseDto> {
    const [db, redis] = await Promise.all([
      this.dbUp(),
      // ping() bounds its own wait, so no extra timer is left behind.
      this.redis.ping(1500),
    ]);
    const outbox = db ? await this.outbox.backlog().catch(() => null) : null;
    if (!db) void reply.status(503);
    return {
      status: !db ? 'error' : redis ? 'ok' : 'degraded',
      db: db ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
      outbox,
    };
  }
}
