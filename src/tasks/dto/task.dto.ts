import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate } from '../../common/http/iso-date.js';
import { PageQueryDto } from '../../common/http/pagination.dto.js';
import { TASK_STATUSES } from '../task-status.js';

export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: (typeof TASK_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9-]{1,100}$/) organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/)
  documentId?: string;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: chỉ việc đã quá hạn / overdue only',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() dueBefore?: string;
}

export class TransitionDto {
  @ApiProperty({ description: 'phiên bản đã đọc / the version you last read' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({
    description: 'bắt buộc khi trả lại hoặc hủy / required to return or cancel',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ExtendTaskDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version!: number;
  @ApiProperty({ format: 'date' }) @IsIsoDate() dueOn!: string;
  @ApiProperty({ minLength: 5 }) @IsString() @MaxLength(2000) reason!: string;
}

export class DelegateTaskDto {
  @ApiProperty({ type: [String], example: ['hg-huyen-uy-meo-vac'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(/^[a-z0-9-]{1,100}$/, { each: true })
  organizationIds!: string[];

  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() dueOn?: string;
}

export class ObligationQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9-]{1,100}$/) organizationId?: string;
  @ApiPropertyOptional({ enum: ['open', 'met', 'overdue'] })
  @IsOptional()
  @IsIn(['open', 'met', 'overdue'])
  state?: 'open' | 'met' | 'overdue';
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsIsoDate() dueBefore?: string;
}
