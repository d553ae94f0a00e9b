import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsIsoDate } from '../../common/http/iso-date.js';

const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?$/;

/** Filters shared by the summaries and their exports; asOf defaults to today in TZ_APP. */
export class SummaryQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description:
      'tính đến hết ngày này (giờ Việt Nam), mặc định hôm nay / as of the end of this day',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'chỉ văn bản này / one document only' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'documentId must be a document id (UUID)' })
  documentId?: string;

  @ApiPropertyOptional({
    example: '2026-H1',
    description:
      'kỳ: năm (2026), 6 tháng (2026-H1), quý (2026-Q3) hoặc tháng (2026-M07); chỉ tính việc có hạn trong kỳ / only work due in this period',
  })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be YYYY, YYYY-H1, YYYY-Q3 or YYYY-M07' })
  period?: string;
}

export class OverviewQueryDto extends SummaryQueryDto {
  @ApiPropertyOptional({ example: 'hg-ban-tuyen-giao', description: 'một cơ quan / one body' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,100}$/, { message: 'organizationId must be an organization code' })
  organizationId?: string;
}

export class TargetsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'documentId must be a document id (UUID)' })
  documentId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
