import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { validationException } from '../common/errors/validation-errors.js';
import { definedOnly } from '../common/http/defined-only.js';
import { readUploadedFile } from '../common/http/uploaded-file.js';
import {
  CorrectClauseDto,
  DocumentListQueryDto,
  ParseTextDto,
  PublishDocumentDto,
} from './dto/document.dto.js';
import { DocumentsService, MAX_DOCUMENT_BYTES, type DocumentInput } from './documents.service.js';
import { ReadsMultipart } from '../common/http/multipart-routes.js';

const notFound = () => AppError.notFound({ vi: 'văn bản', en: 'Document' });
const uuid = (what: () => AppError) => new ParseUUIDPipe({ exceptionFactory: what });

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    properties: {
      file: { type: 'string', format: 'binary', description: '.txt .md .docx .pdf, ≤ 10 MB' },
      text: { type: 'string', description: 'hoặc văn bản thuần / or plain text (JSON body)' },
    },
  },
};

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('parse')
  @ReadsMultipart()
  @HttpCode(200)
  @Roles('office', 'admin')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Đọc thử văn bản, không lưu / parse a document preview, writes nothing',
  })
  async parse(@Req() request: FastifyRequest) {
    return this.documents.preview(await this.input(request));
  }

  @Post()
  @ReadsMultipart()
  @Roles('office')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Tải văn bản lên (dự thảo giao việc) / upload: stores the source and draft documents',
  })
  async upload(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return { items: await this.documents.upload(actor, await this.input(request)) };
  }

  @Get()
  @Roles('office', 'inspector', 'admin')
  @ApiOperation({ summary: 'Danh sách văn bản / documents' })
  async list(@CurrentActor() actor: Actor, @Query() query: DocumentListQueryDto) {
    const { items, total } = await this.documents.list(
      actor,
      query.status,
      query.page,
      query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Roles('office', 'inspector', 'admin')
  @ApiOperation({
    summary: 'Văn bản, điều khoản và đề xuất giao việc / a document with clauses and proposals',
  })
  get(@CurrentActor() actor: Actor, @Param('id', uuid(notFound)) id: string) {
    return this.documents.get(actor, id);
  }

  @Get(':id/source')
  @Roles('office', 'inspector', 'admin')
  @ApiOperation({
    summary: 'Nội dung văn bản đã đọc (để tô sáng điều khoản) / the text clauses point into',
  })
  source(@CurrentActor() actor: Actor, @Param('id', uuid(notFound)) id: string) {
    return this.documents.sourceText(actor, id);
  }

  @Get(':id/plan')
  @Roles('office', 'inspector', 'admin')
  @ApiOperation({ summary: 'Xem trước nhiệm vụ sẽ giao / what publishing would create' })
  plan(
    @CurrentActor() actor: Actor,
    @Param('id', uuid(notFound)) id: string,
    @Query() query: PublishDocumentDto,
  ) {
    return this.documents.plan(actor, id, query.issuedOn);
  }

  @Patch(':id/clauses/:clauseId')
  @Roles('office')
  @ApiOperation({
    summary:
      'Sửa đề xuất của một điều khoản trước khi ban hành / correct a clause before publishing',
  })
  correct(
    @CurrentActor() actor: Actor,
    @Param('id', uuid(notFound)) id: string,
    @Param('clauseId', uuid(() => AppError.notFound({ vi: 'điều khoản', en: 'Clause' })))
    clauseId: string,
    @Body() body: CorrectClauseDto,
  ) {
    return this.documents.correctClause(actor, id, clauseId, definedOnly(body));
  }

  @Post(':id/publish')
  @Roles('office')
  @ApiOperation({
    summary: 'Ban hành: tạo nhiệm vụ và kỳ báo cáo / publish: create tasks and obligations',
  })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', uuid(notFound)) id: string,
    @Body() body: PublishDocumentDto,
  ) {
    return this.documents.publish(actor, id, definedOnly(body));
  }

  /** A multipart `file`, or a JSON `{text}`. */
  private async input(request: FastifyRequest): Promise<DocumentInput> {
    if (request.isMultipart()) {
      const file = await readUploadedFile(request, { field: 'file', maxBytes: MAX_DOCUMENT_BYTES });
      return {
        buffer: file.buffer,
        filename: file.filename,
        mediaType: file.mimetype ?? 'application/octet-stream',
      };
    }
    const dto = plainToInstance(ParseTextDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationException(errors);
    if (!dto.text.trim()) {
      throw AppError.badRequest('Văn bản trống: không có nội dung để đọc.', 'The text is empty.', [
        {
          field: 'text',
          message: 'Trường "text" không được để trống.',
          messageEn: 'text must not be empty',
        },
      ]);
    }
    return {
      buffer: Buffer.from(dto.text, 'utf8'),
      filename: dto.filename ?? null,
      mediaType: 'text/plain; charset=utf-8',
    };
  }
}
