import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { renderCsv } from './exports/render-csv.js';
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

type Renderer = (r: SummaryReport) => Buffer | Promise<Buffer>;

// exceljs, pdfkit (with fontkit) and docx hold about 15 MB of heap once loaded, and most
// processes never export: each loads at the first export in its format, which is slower by
// that load (a few hundred ms), then stays.
const RENDERER: Record<ExportFormat, () => Promise<Renderer>> = {
  csv: async () => renderCsv,
  xlsx: async () => (await import('./exports/render-xlsx.js')).renderXlsx,
  pdf: async () => (await import('./exports/render-pdf.js')).renderPdf,
  docx: async () => (await import('./exports/render-docx.js')).renderDocx,
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
    const render = await RENDERER[format]();
    return {
      body: await render(report),
      mediaType: MEDIA_TYPE[format],
      filename: `${report.filename}.${format}`,
    };
  }
}
