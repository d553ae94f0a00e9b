import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cellText, type Cell, type ReportTable, type SummaryReport } from './summary-report.js';

const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
// A4 landscape in twentieths of a point, less 2 cm margins on each side.
const PAGE_WIDTH = 16838;
const PAGE_HEIGHT = 11906;
const MARGIN = 1134;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;

const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    bold: o.bold,
    italics: o.italics,
    size: (o.size ?? 12) * 2,
    underline: o.underline ? {} : undefined,
  });

const centered = (text: string, o: Parameters<typeof run>[1] = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, o)] });

/** The header block as a borderless two-column table, as party documents lay it out. */
function headerBlock(report: SummaryReport): Table {
  const cell = (children: Paragraph[]) =>
    new TableCell({
      children,
      width: { size: CONTENT / 2, type: WidthType.DXA },
      borders: NO_BORDERS,
    });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [CONTENT / 2, CONTENT / 2],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell([
            centered(report.issuer[0]!),
            centered(report.issuer[1]!, { bold: true }),
            centered(report.issuer[2] ?? ''),
          ]),
          cell([
            centered(report.party, { bold: true, underline: true }),
            centered(''),
            centered(report.placeAndDate, { italics: true }),
          ]),
        ],
      }),
    ],
  });
}

function dataTable(table: ReportTable): Table {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const narrow = table.columns.length <= 6;
  const tableWidth = narrow ? Math.round(CONTENT * 0.7) : CONTENT;
  const widths = table.columns.map((c) => Math.round((c.width / total) * tableWidth));
  const size = narrow ? 12 : 9;
  const row = (cells: Cell[], o: { bold?: boolean; header?: boolean }) =>
    new TableRow({
      tableHeader: o.header,
      children: cells.map(
        (v, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            shading: o.header
              ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7EEF7' }
              : undefined,
            children: [
              new Paragraph({
                alignment: o.header
                  ? AlignmentType.CENTER
                  : table.columns[i]!.numeric
                    ? AlignmentType.RIGHT
                    : AlignmentType.LEFT,
                children: [
                  run(
                    o.header
                      ? String(v)
                      : v === null && !o.bold
                        ? '—'
                        : v === null
                          ? ''
                          : cellText(v, table.columns[i]!),
                    { bold: o.bold, size },
                  ),
                ],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(
        table.columns.map((c) => c.header),
        { bold: true, header: true },
      ),
      ...table.rows.map((r) => row(r, {})),
      ...(table.totals ? [row(table.totals, { bold: true })] : []),
    ],
  });
}

/** The same layout as the PDF, as an editable Word file (A4 landscape, "Trang 1/3"). */
export async function renderDocx(report: SummaryReport): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    headerBlock(report),
    centered(''),
    centered(report.title, { bold: true, size: 14 }),
    ...report.subtitle.map((s) => centered(s, { bold: true })),
    centered(''),
  ];
  for (const table of report.tables) {
    body.push(
      new Paragraph({
        spacing: { before: 200, after: 100 },
        children: [run(table.heading, { bold: true })],
      }),
    );
    body.push(dataTable(table));
  }
  body.push(centered(''));
  for (const note of report.notes)
    body.push(new Paragraph({ children: [run(note, { italics: true, size: 10 })] }));

  const doc = new Document({
    creator: 'Đôn đốc',
    title: `${report.title} ${report.subtitle.join(' ')}`,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: PAGE_HEIGHT,
              height: PAGE_WIDTH,
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font: FONT,
                    size: 18,
                    children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
