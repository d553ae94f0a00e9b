import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VERDICTS, type ReportStatus, type Verdict } from '../report-rules.js';
import type { EvidenceRecord, ReportRecord, ReviewRecord } from '../reports.repository.js';

export const NARRATIVE_MAX = 20_000;
export const MAX_INDICATORS = 200;

// Text a person typed: trimmed, and composed (NFC) so the same words compare and hash alike.
const cleanText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;

export class IndicatorDto {
  @ApiProperty({ description: 'chỉ tiêu của văn bản (document_target.id)' })
  @IsString()
  @MinLength(1)
  @MaxLength(36)
  targetId!: string;

  @ApiProperty({ example: 12.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

/**
 * The fields of a progress report. Sent as JSON, or as multipart fields beside the `evidence`
 * files (there `indicators` is JSON text); both end up validated by this class.
 */
export class CreateReportDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 40, description: 'tiến độ, %' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @ApiProperty({ minLength: 1, maxLength: NARRATIVE_MAX, description: 'nội dung báo cáo' })
  @Transform(cleanText)
  @IsString()
  @MinLength(1)
  @MaxLength(NARRATIVE_MAX)
  narrative!: string;

  @ApiPropertyOptional({
    example: '2022-H1',
    description: 'kỳ báo cáo (một nghĩa vụ của nhiệm vụ)',
  })
  @IsOptional()
  @Transform(cleanText)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  period?: string;

  @ApiPropertyOptional({ type: [IndicatorDto], description: 'giá trị thực hiện các chỉ tiêu' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INDICATORS)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];
}

export class ReviewReportDto {
  @ApiProperty({ enum: VERDICTS, description: 'accepted | rework (làm lại) | rejected' })
  @IsIn(VERDICTS)
  verdict!: Verdict;

  @ApiProperty({
    minLength: 1,
    maxLength: 5000,
    description: 'nhận xét; ≥ 5 ký tự khi trả lại hoặc bác bỏ',
  })
  @Transform(cleanText)
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  comment!: string;
}

export class EvidenceDto {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'đường dẫn tải tệp' }) url!: string;

  static from(file: EvidenceRecord): EvidenceDto {
    return {
      id: file.id,
      filename: file.filename,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      url: `/api/v1/reports/${file.reportId}/evidence/${file.id}`,
    };
  }
}

export class ReviewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty() comment!: string;
  @ApiProperty() reviewerId!: string;
  @ApiProperty() reviewerRole!: string;
  @ApiProperty() createdAt!: string;

  static from(review: ReviewRecord): ReviewDto {
    return {
      id: review.id,
      verdict: review.verdict,
      comment: review.comment,
      reviewerId: review.reviewerId,
      reviewerRole: review.reviewerRole,
      createdAt: review.createdAt.toISOString(),
    };
  }
}

export class ReportDto {
  @ApiProperty() id!: string;
  @ApiProperty() taskId!: string;
  @ApiPropertyOptional({ nullable: true }) period!: string | null;
  @ApiPropertyOptional({ nullable: true }) obligationId!: string | null;
  @ApiProperty() percent!: number;
  @ApiProperty() narrative!: string;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: { targetId: string; value: number }[];
  @ApiProperty() authorId!: string;
  @ApiProperty() authorOrgId!: string;
  @ApiProperty({ enum: ['lead', 'coordinator'], description: 'coordinator: báo cáo phối hợp' })
  authorRelation!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ description: 'nộp sau hạn của kỳ báo cáo' }) late!: boolean;
  @ApiProperty({ enum: ['submitted', 'accepted', 'rework', 'rejected'] }) status!: ReportStatus;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ type: [ReviewDto] }) reviews!: ReviewDto[];

  static from(report: ReportRecord, files: EvidenceRecord[], reviews: ReviewRecord[]): ReportDto {
    return {
      id: report.id,
      taskId: report.taskId,
      period: report.periodKey,
      obligationId: report.obligationId,
      percent: report.percent,
      narrative: report.narrative,
      indicators: report.indicators,
      authorId: report.authorId,
      authorOrgId: report.authorOrgId,
      authorRelation: report.authorRelation,
      submittedAt: report.submittedAt.toISOString(),
      late: report.late,
      status: report.status,
      evidence: files.map(EvidenceDto.from),
      reviews: reviews.map(ReviewDto.from),
    };
  }
}
