import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_ITALIC, FONT_REGULAR } from './fonts.js';
import { cellText, type ReportTable, type SummaryReport } from './summary-report.js';

const MARGIN = 40;
const FOOTER = 24;

/** A4 landscape (the scorecard has 14 columns), DejaVu embedded, "Trang 1/3" on every page. */
export function renderPdf(report: SummaryReport): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
      bufferPages: true,
      info: { Title: `${report.title} ${report.subtitle.join(' ')}`, Creator: 'Đôn đốc' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONT_REGULAR);
    doc.registerFont('bold', FONT_BOLD);
    doc.registerFont('italic', FONT_ITALIC);

    const width = doc.page.width - 2 * MARGIN;
    const half = width / 2;
    const top = doc.y;
    doc
      .font('regular')
      .fontSize(11)
      .text(report.issuer[0]!, MARGIN, top, { width: half * 0.8, align: 'center' });
    doc.font('bold').text(report.issuer[1]!, { width: half * 0.8, align: 'center' });
    doc.font('regular').text(report.issuer[2] ?? '', { width: half * 0.8, align: 'center' });
    const leftBottom = doc.y;
    doc
      .font('bold')
      .text(report.party, MARGIN + half, top, { width: half, align: 'center', underline: true });
    doc.moveDown(0.6);
    doc
      .font('italic')
      .text(report.placeAndDate, MARGIN + half, doc.y, { width: half, align: 'center' });
    doc.y = Math.max(leftBottom, doc.y) + 14;
    doc.font('bold').fontSize(14).text(report.title, MARGIN, doc.y, { width, align: 'center' });
    doc.fontSize(11);
    for (const line of report.subtitle) doc.text(line, MARGIN, doc.y, { width, align: 'center' });
    doc.moveDown(1);

    for (const table of report.tables) drawTable(doc, table, width);
    doc.moveDown(0.5);
    doc.font('italic').fontSize(9);
    for (const note of report.notes) doc.text(note, MARGIN, doc.y, { width });

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would start a new page: lift the margin while writing.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('regular')
        .fontSize(9)
        .text(`Trang ${i - range.start + 1}/${range.count}`, MARGIN, doc.page.height - MARGIN, {
          width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable, width: number): void {
  const weights = table.columns.map((c) => c.width);
  const scale = width / weights.reduce((a, b) => a + b, 0);
  // The overview is narrow: keep its columns at a readable width instead of stretching.
  const widths = weights.map((w) => w * Math.min(scale, 7));
  const size = table.columns.length > 6 ? 8 : 10;
  const pad = 3;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * pad }))) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    if (doc.y + h > bottomLimit()) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, '#000000');
      else doc.rect(x, y, w, h).stroke('#000000');
      doc.fillColor('#000000').font(font).fontSize(size);
      const numeric = table.columns[i]!.numeric;
      doc.text(text, x + pad, y + pad, {
        width: w - 2 * pad,
        align: fill ? 'center' : numeric ? 'right' : 'left',
      });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const drawHeader = () =>
    drawRow(
      table.columns.map((c) => c.header),
      'bold',
      '#E7EEF7',
    );

  doc.font('bold').fontSize(11);
  if (doc.y + 60 > bottomLimit()) doc.addPage();
  doc.text(table.heading, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  doc.lineWidth(0.5);
  drawHeader();
  for (const row of table.rows)
    drawRow(
      row.map((v, i) => cellText(v, table.columns[i]!)),
      'regular',
    );
  if (table.totals)
    drawRow(
      table.totals.map((v, i) => (v === null ? '' : cellText(v, table.columns[i]!))),
      'bold',
    );
  doc.moveDown(1);
}
