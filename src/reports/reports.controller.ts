import {
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  Body,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { PageQueryDto } from '../common/http/pagination.dto.js';
import { ReportDto, ReviewReportDto } from './dto/report.dto.js';
import { attachmentDisposition } from './evidence-filename.js';
import { EVIDENCE_EXTENSIONS } from './evidence-type.js';
import { IDEMPOTENCY_HEADER, isValidIdempotencyKey } from './idempotency.js';
import { EVIDENCE_FIELD, ReportUploadReader } from './report-upload.reader.js';
import { ReportsService } from './reports.service.js';
import { ReadsMultipart } from '../common/http/multipart-routes.js';

// An id that is not a UUID cannot name anything: answer 404 like any unknown id.
const uuid = (what: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new AppError(404, `Không tìm thấy ${what}.`, 'Not found.'),
  });

@ApiTags('reports')
@ApiBearerAuth()
export class ReportListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['submitted', 'accepted', 'rework', 'rejected'] })
  @IsOptional()
  @IsIn(['submitted', 'accepted', 'rework', 'rejected'])
  status?: 'submitted' | 'accepted' | 'rework' | 'rejected';
}

@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly uploads: ReportUploadReader,
  ) {}

  @Post('tasks/:id/reports')
  @ReadsMultipart()
  @Roles('agency')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Gửi báo cáo tiến độ kèm minh chứng (chủ trì hoặc phối hợp) / post a progress report with evidence',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: true,
    description:
      'Bắt buộc, 1–128 ký tự [A-Za-z0-9._:-]. Gửi lại cùng khóa và cùng nội dung: nhận lại câu trả lời đầu tiên (Idempotent-Replayed: true); cùng khóa, nội dung khác: 422; khi yêu cầu đầu còn đang xử lý: 409 kèm Retry-After.',
  })
  @ApiBody({
    description: `JSON {percent, narrative, period?, indicators?} hoặc multipart: các trường như trên (indicators là chuỗi JSON) và tệp ở trường "${EVIDENCE_FIELD}" (${EVIDENCE_EXTENSIONS.join(', ')}; kiểm tra theo nội dung tệp)`,
    schema: {
      type: 'object',
      required: ['percent', 'narrative'],
      properties: {
        percent: { type: 'integer', minimum: 0, maximum: 100 },
        narrative: { type: 'string', maxLength: 20000 },
        period: { type: 'string', example: '2022-H1' },
        indicators: { type: 'string', example: '[{"targetId":"…","value":12}]' },
        [EVIDENCE_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiResponse({ status: 201, type: ReportDto })
  @ApiResponse({ status: 413, description: 'tệp quá lớn hoặc quá nhiều tệp' })
  @ApiResponse({ status: 415, description: 'loại tệp không được chấp nhận' })
  @ApiResponse({ status: 422, description: 'Idempotency-Key đã dùng cho nội dung khác' })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('nhiệm vụ')) taskId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isValidIdempotencyKey(key)) throw badIdempotencyKey(key);
    // Scope and role first, so a refused caller's files are never written.
    await this.reports.authorizeSubmission(actor, taskId);
    const upload = await this.uploads.read(request);
    const result = await this.reports.submit(actor, taskId, key, upload);
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get('tasks/:id/reports')
  @ApiOperation({
    summary: 'Các báo cáo của nhiệm vụ, kèm minh chứng và kết quả thẩm định / reports of a task',
  })
  async list(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('nhiệm vụ')) taskId: string,
    @Query() query: PageQueryDto,
  ) {
    return this.reports.list(actor, taskId, query.page, query.pageSize);
  }

  @Get('reports')
  @Roles('inspector', 'office')
  @ApiOperation({
    summary:
      'Báo cáo của các nhiệm vụ thuộc cấp ủy (lọc theo trạng thái) / reports of the committee, e.g. to review',
  })
  async committeeReports(@CurrentActor() actor: Actor, @Query() query: ReportListQueryDto) {
    return this.reports.listForCommittee(actor, query.status, query.page, query.pageSize);
  }

  @Get('reports/:id/evidence/:fileId')
  // Evidence is not public: no shared cache may keep a copy.
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Tải tệp minh chứng / download an evidence file' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream')
  async evidence(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('báo cáo')) reportId: string,
    @Param('fileId', uuid('tệp minh chứng')) fileId: string,
  ) {
    const { file, stream } = await this.reports.openEvidence(actor, reportId, fileId);
    return new StreamableFile(stream, {
      type: file.mediaType,
      disposition: attachmentDisposition(file.filename),
      length: file.sizeBytes,
    });
  }

  @Post('reports/:id/review')
  @Roles('inspector', 'office')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Thẩm định báo cáo: chấp nhận, yêu cầu làm lại, bác bỏ / review a report (accepted, rework, rejected)',
  })
  @ApiResponse({ status: 201, type: ReportDto })
  @ApiResponse({ status: 409, description: 'báo cáo đã có kết luận cuối cùng' })
  review(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('báo cáo')) reportId: string,
    @Body() body: ReviewReportDto,
  ) {
    return this.reports.review(actor, reportId, body);
  }
}

function badIdempotencyKey(key: string | undefined): AppError {
  const vi =
    key === undefined
      ? `Thiếu tiêu đề ${IDEMPOTENCY_HEADER}: hãy gửi một khóa duy nhất cho mỗi báo cáo (1–128 ký tự A-Z a-z 0-9 . _ : -).`
      : `Tiêu đề ${IDEMPOTENCY_HEADER} không hợp lệ: cần 1–128 ký tự A-Z a-z 0-9 . _ : -.`;
  const en =
    key === undefined
      ? `The ${IDEMPOTENCY_HEADER} header is required: send a unique key per report (1-128 of [A-Za-z0-9._:-]).`
      : `Invalid ${IDEMPOTENCY_HEADER} header: 1-128 characters of [A-Za-z0-9._:-].`;
  return AppError.badRequest(vi, en, [{ field: IDEMPOTENCY_HEADER, message: vi, messageEn: en }]);
}
