import ExcelJS from 'exceljs';
import type { ReportTable, SummaryReport } from './summary-report.js';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26))
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * The party report header: the committee and issuing body top left, the party's name top
 * right with place and date under it, then the title. Returns the next free row.
 */
function writeHeader(ws: ExcelJS.Worksheet, report: SummaryReport, width: number): number {
  const leftEnd = Math.max(2, Math.floor(width / 2) - 1);
  const rightStart = leftEnd + 1;
  const put = (
    row: number,
    from: number,
    to: number,
    text: string,
    font: Partial<ExcelJS.Font>,
  ) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, leftEnd, report.issuer[0]!, {});
  put(1, rightStart, width, report.party, { bold: true, underline: true });
  put(2, 1, leftEnd, report.issuer[1]!, { bold: true });
  put(3, 1, leftEnd, report.issuer[2] ?? '', {});
  put(3, rightStart, width, report.placeAndDate, { italic: true });
  put(5, 1, width, report.title, { bold: true, size: 14 });
  let row = 6;
  for (const line of report.subtitle) put(row++, 1, width, line, { bold: true });
  return row + 1;
}

function writeTable(
  ws: ExcelJS.Worksheet,
  table: ReportTable,
  start: number,
): { header: number; next: number } {
  const width = table.columns.length;
  ws.mergeCells(start, 1, start, width);
  const h = ws.getCell(start, 1);
  h.value = table.heading;
  h.font = { name: FONT, size: 12, bold: true };
  const header = start + 1;
  table.columns.forEach((c, i) => {
    const cell = ws.getCell(header, i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  ws.getRow(header).height = 45;
  let r = header + 1;
  const first = r;
  for (const row of table.rows) {
    row.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 11 };
      if (table.columns[i]!.numeric) {
        cell.alignment = { horizontal: 'right' };
        cell.numFmt = table.columns[i]!.decimal ? '0.0' : '#,##0';
      } else cell.alignment = { wrapText: true, vertical: 'top' };
    });
    r += 1;
  }
  if (table.totals) {
    table.totals.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      const col = table.columns[i]!;
      // Counts add up with a formula (the cached result is the service's own figure);
      // rates and averages are not sums, so they carry the service's value.
      if (typeof v === 'number' && col.numeric && !col.decimal && table.rows.length > 0) {
        const letter = columnLetter(i + 1);
        cell.value = { formula: `SUM(${letter}${first}:${letter}${r - 1})`, result: v };
      } else cell.value = v;
      cell.border = BORDER;
      cell.font = { name: FONT, size: 11, bold: true };
      if (col.numeric) cell.numFmt = col.decimal ? '0.0' : '#,##0';
    });
    r += 1;
  }
  return { header, next: r + 1 };
}

/** Two sheets: the overview, and the scorecards with a frozen header row and totals. */
export async function renderXlsx(report: SummaryReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đôn đốc';
  wb.created = new Date();
  const [overview, scores] = report.tables as [ReportTable, ReportTable];

  const ws1 = wb.addWorksheet('Tổng hợp', {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws1.columns = overview.columns.map((c) => ({ width: c.width }));
  let next = writeHeader(ws1, report, Math.max(overview.columns.length, 3));
  next = writeTable(ws1, overview, next).next;
  for (const note of report.notes) {
    ws1.mergeCells(next, 1, next, overview.columns.length);
    const cell = ws1.getCell(next, 1);
    cell.value = note;
    cell.font = { name: FONT, size: 10, italic: true };
    cell.alignment = { wrapText: true };
    ws1.getRow(next).height = 42;
    next += 1;
  }

  const ws2 = wb.addWorksheet('Theo cơ quan', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws2.columns = scores.columns.map((c) => ({ width: c.width }));
  const start = writeHeader(ws2, report, scores.columns.length);
  const { header } = writeTable(ws2, scores, start);
  ws2.views = [{ state: 'frozen', ySplit: header, xSplit: 2, topLeftCell: `C${header + 1}` }];
  ws2.pageSetup.printTitlesRow = `${header}:${header}`;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
