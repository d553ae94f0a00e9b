import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../common/http/iso-date.js';
import { PageQueryDto } from '../../common/http/pagination.dto.js';
import { CADENCES } from '../../tasks/obligation-periods.js';

export const MILESTONES = ['midterm_review', 'final_review'] as const;
const PARTY_ID = /^(group:)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class ParseTextDto {
  @ApiPropertyOptional({
    description: 'văn bản (nếu không gửi tệp) / the text, when no file is sent',
  })
  @IsString()
  // JSON bodies stop at BODY_LIMIT_BYTES (1 MB); larger documents come as files (10 MB).
  @MaxLength(10 * 1024 * 1024)
  text!: string;

  @ApiPropertyOptional({ example: 'nghi-quyet.txt' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filename?: string;
}

export class DocumentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'published'] })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}

export class CorrectClauseDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'mã cơ quan, hoặc "group:<tag>" cho một nhóm / organization ids or group:<tag>',
  })
  @IsOptional()
  @IsArray()
  @Matches(PARTY_ID, { each: true })
  leads?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @Matches(PARTY_ID, { each: true })
  coordinators?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @Matches(PARTY_ID, { each: true })
  reportTo?: string[];

  @ApiPropertyOptional({ enum: CADENCES })
  @IsOptional()
  @IsIn(CADENCES)
  cadence?: string;

  @ApiPropertyOptional({ enum: MILESTONES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(MILESTONES, { each: true })
  milestones?: string[];

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string | null;
}

export class PublishDocumentDto {
  @ApiPropertyOptional({
    example: '15-NQ/TU',
    description: 'số, ký hiệu khi văn bản chưa ghi / number when the text has none',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-zĐđ/.-]{1,60}$/)
  number?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'ngày ban hành khi văn bản chưa ghi / date of issue when the text has none',
  })
  @IsOptional()
  @IsIsoDate()
  issuedOn?: string;
}
