import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.dto.js';

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'only unread ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: ['immediate', 'digest'] })
  @IsIn(['immediate', 'digest'])
  emailMode!: 'immediate' | 'digest';
}

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.vn/dondoc' })
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;
}

export class SweepDto {
  @ApiPropertyOptional({
    description: 'the clock of the sweep; honoured only when ALLOW_CLOCK_OVERRIDE=true',
    example: '2025-10-14T01:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;
}
