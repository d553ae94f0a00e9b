import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { renderCsv } from './exports/render-csv.js';
import { renderDocx } from './exports/render-docx.js';
import { renderPdf } from './exports/render-pdf.js';
import { renderXlsx } from './exports/render-xlsx.js';
import { buildSummaryReport, type SummaryReport } from './exports/summary-report.js';
import { SummariesService, type SummaryFilter } from './summaries.service.js';
import { periodWindow } from './summary-rules.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const RENDER: Record<ExportFormat, (r: SummaryReport) => Buffer | Promise<Buffer>> = {
  csv: renderCsv,
  xlsx: renderXlsx,
  pdf: renderPdf,
  docx: renderDocx,
};

/** The overview and the scorecards of the JSON routes, as one file. */
@Injectable()
export class SummaryExportService {
  constructor(private readonly summaries: SummariesService) {}

  async report(actor: Actor, filter: SummaryFilter): Promise<SummaryReport> {
    const document = await this.summaries.document(actor, filter.documentId);
    const [overview, organizations] = await Promise.all([
      this.summaries.overview(actor, { ...filter, organizationId: undefined }),
      this.summaries.organizations(actor, filter),
    ]);
    return buildSummaryReport(
      {
        committee: actor.committee,
        role: actor.role,
        today: this.summaries.today(),
        document,
        periodLabel: filter.period ? (periodWindow(filter.period)?.labelVi ?? null) : null,
      },
      overview,
      organizations,
    );
  }

  async render(
    actor: Actor,
    format: ExportFormat,
    filter: SummaryFilter,
  ): Promise<{ body: Buffer; mediaType: string; filename: string }> {
    const report = await this.report(actor, filter);
    return {
      body: await RENDER[format](report),
      mediaType: MEDIA_TYPE[format],
      filename: `${report.filename}.${format}`,
    };
  }
}
