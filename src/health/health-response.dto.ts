import { ApiProperty } from '@nestjs/swagger';

export class OutboxBacklogDto {
  @ApiProperty({ description: 'jobs recorded by writes and not yet handed to Redis' })
  pending!: number;

  @ApiProperty({ description: 'age of the oldest of them, in seconds (0 when none)' })
  oldestSeconds!: number;
}

export class HealthResponseDto {
  @ApiProperty({
    enum: ['ok', 'degraded', 'error'],
    description:
      'ok: all up; degraded: Redis is down, writes are still accepted and their jobs wait in ' +
      'the outbox (200); error: the database is down (503)',
  })
  status!: 'ok' | 'degraded' | 'error';

  @ApiProperty({ enum: ['up', 'down'] })
  db!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: 'up' | 'down';

  @ApiProperty({ type: OutboxBacklogDto, nullable: true, description: 'null when db is down' })
  outbox!: OutboxBacklogDto | null;
}
