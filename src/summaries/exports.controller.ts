import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { attachmentDisposition } from '../reports/evidence-filename.js';
import { SummaryQueryDto } from './dto/summary-query.dto.js';
import {
  EXPORT_FORMATS,
  SummaryExportService,
  type ExportFormat,
} from './summary-export.service.js';

@ApiTags('summaries')
@ApiBearerAuth()
@Roles('office', 'inspector')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: SummaryExportService) {}

  @Get('summary.:format')
  @ApiParam({ name: 'format', enum: EXPORT_FORMATS })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiOperation({
    summary:
      'Xuất báo cáo tổng hợp (csv, xlsx, pdf, docx) / the summary as a file, in the format of a party report',
  })
  async summary(
    @CurrentActor() actor: Actor,
    @Param('format') format: string,
    @Query() q: SummaryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw AppError.notFound({ vi: 'định dạng xuất (csv, xlsx, pdf, docx)', en: 'Export format' });
    }
    const file = await this.exports.render(actor, format as ExportFormat, q);
    void reply
      .header('content-type', file.mediaType)
      .header('content-disposition', attachmentDisposition(file.filename))
      .header('cache-control', 'no-store');
    return file.body;
  }
}
