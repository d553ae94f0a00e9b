import { Controller, Get, HttpCode, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators.js';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { RedisService } from '../common/redis/redis.service.js';
import { HealthResponseDto } from './health-response.dto.js';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisService,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Tình trạng dịch vụ / service health (database and Redis)' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponseDto> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.db.pingCheck('db').withTimeout(2000),
        () =>
          this.indicators
            .check('redis')
            // ping() bounds its own wait, so no extra timer is left behind.
            .attempt(async () => {
              if (!(await this.redis.ping(1500))) throw new Error('Redis does not answer');
            }),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
      void reply.status(503);
    }
    const details = result.details as Record<string, { status: string } | undefined>;
    return {
      status: result.status === 'error' ? 'error' : 'ok',
      db: details.db?.status === 'up' ? 'up' : 'down',
      redis: details.redis?.status === 'up' ? 'up' : 'down',
    };
  }
}
