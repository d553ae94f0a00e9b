import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { DataSource } from 'typeorm';
import { bearer, login } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { buildScenario, type Scenario } from './scenario.js';

interface Scorecard {
  name: string;
  assigned: number;
  onTimeDone: number;
  lateDone: number;
  openInTerm: number;
  overdueOpen: number;
  cancelled: number;
  onTimePercent: number | null;
  averageDaysLate: number | null;
  extensions: number;
  reportsSubmitted: number;
  reportsOnTimePercent: number | null;
  returnedForRework: number;
}

const nfc = (s: string) => s.normalize('NFC');
/** Text as extracted: one space for any run of whitespace (table cells wrap). */
const flat = (s: string) => nfc(s).replace(/\s+/g, ' ');
// How PDF and DOCX print a figure: Vietnamese decimal comma, one decimal for rates.
const vi = (n: number | null, decimal: boolean) =>
  n === null
    ? '—'
    : decimal
      ? n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : n.toLocaleString('vi-VN');

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number; view: number[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(
      content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ' '}` : '')).join(''),
    );
  }
  const view = (await doc.getPage(1)).view.map((v) => Math.round(v));
  return { text: flat(pages.join('\n')), pages: doc.numPages, view };
}

describe('summary exports', () => {
  let t: TestApp;
  let inspector: string;
  let s: Scenario;
  let scorecards: Scorecard[];
  let totals: Scorecard;
  let overview: Record<string, number> & { obligations: Record<string, number> };
  const query = () => `asOf=2026-04-20&documentId=${s.documentId}`;

  beforeAll(async () => {
    t = await startTestApp();
    inspector = await login(t, 'ubkt.hg');
    s = await buildScenario(t.app.get(DataSource), '27-NQ/TU');
    const r = await t.api(`/summaries/organizations?${query()}`, { headers: bearer(inspector) });
    const body = (await r.json()) as { items: Scorecard[]; totals: Scorecard };
    scorecards = body.items;
    totals = body.totals;
    const o = await t.api(`/summaries/overview?${query()}`, { headers: bearer(inspector) });
    overview = (await o.json()) as typeof overview;
  });
  afterAll(async () => {
    await t.close();
  });

  const download = async (ext: string) => {
    const r = await t.api(`/exports/summary.${ext}?${query()}`, { headers: bearer(inspector) });
    expect(r.status).toBe(200);
    return { response: r, bytes: Buffer.from(await r.arrayBuffer()) };
  };

  /** Every figure of every scorecard, as the text formats print it. */
  const figuresOf = (c: Scorecard) => [
    vi(c.assigned, false),
    vi(c.onTimeDone, false),
    vi(c.lateDone, false),
    vi(c.openInTerm, false),
    vi(c.overdueOpen, false),
    vi(c.cancelled, false),
    vi(c.onTimePercent, true),
    vi(c.averageDaysLate, true),
    vi(c.extensions, false),
    vi(c.reportsSubmitted, false),
    vi(c.reportsOnTimePercent, true),
    vi(c.returnedForRework, false),
  ];

  /** The scorecard rows in order, each a list of cell texts, found in the extracted text. */
  const expectRows = (text: string) => {
    for (const c of [...scorecards, { ...totals, name: 'Tổng cộng' }]) {
      expect(text).toContain(nfc(c.name));
      const after = text.slice(text.indexOf(nfc(c.name)) + c.name.length);
      // the figures follow the name in column order
      let at = 0;
      for (const figure of figuresOf(c)) {
        const found = after.indexOf(figure, at);
        expect([c.name, figure, found >= 0]).toEqual([c.name, figure, true]);
        at = found + figure.length;
      }
    }
  };

  /** Each line of the overview: its label, then tasks, then obligations. */
  const expectOverview = (text: string) => {
    const lines: [string, string][] = [
      ['Hoàn thành đúng hạn', 'onTimeDone'],
      ['Hoàn thành quá hạn', 'lateDone'],
      ['Đang thực hiện trong hạn', 'openInTerm'],
      ['Quá hạn chưa hoàn thành', 'overdueOpen'],
      ['Đã hủy', 'cancelled'],
      ['Tổng số', 'total'],
    ];
    for (const [label, key] of lines) {
      expect(text).toContain(`${label} ${overview[key]} ${overview.obligations[key]}`);
    }
    expect(text).toContain(`Số lần gia hạn ${overview.extensions}`);
  };

  it('CSV: UTF-8 with a BOM, Vietnamese intact, the same figures', async () => {
    const { response, bytes } = await download('csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe(
      nfc('Báo cáo tổng hợp Hà Giang đến 20260420.csv'),
    );
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    for (const c of scorecards) {
      const line = lines.find((l) => l.includes(nfc(c.name)))!;
      expect(line).toBeDefined();
      const cells = line.split(',');
      expect(cells.slice(2).map((v) => (v === '' ? null : Number(v)))).toEqual([
        c.assigned,
        c.onTimeDone,
        c.lateDone,
        c.openInTerm,
        c.overdueOpen,
        c.cancelled,
        c.onTimePercent,
        c.averageDaysLate,
        c.extensions,
        c.reportsSubmitted,
        c.reportsOnTimePercent,
        c.returnedForRework,
      ]);
    }
  });

  it('XLSX: party header, frozen header row, widths, figures and totals', async () => {
    const { bytes } = await download('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Theo cơ quan')!;
    expect(ws).toBeDefined();
    const text = (r: number, c: number) => nfc(String(ws.getCell(r, c).text));
    expect(text(1, 1)).toBe('TỈNH ỦY HÀ GIANG');
    expect(text(2, 1)).toBe('ỦY BAN KIỂM TRA');
    expect(text(1, 7)).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text(3, 7)).toMatch(/^Hà Giang, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    expect(text(5, 1)).toBe('BÁO CÁO');
    const view = ws.views[0] as { state: string; ySplit: number };
    expect(view.state).toBe('frozen');
    const header = view.ySplit;
    expect(text(header, 2)).toBe('Cơ quan, đơn vị');
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
    const value = (r: number, c: number) => {
      const v = ws.getCell(r, c).value;
      if (v && typeof v === 'object' && 'result' in v) return v.result;
      return v;
    };
    scorecards.forEach((c, i) => {
      const r = header + 1 + i;
      expect(text(r, 2)).toBe(nfc(c.name));
      expect([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((col) => value(r, col))).toEqual([
        c.assigned,
        c.onTimeDone,
        c.lateDone,
        c.openInTerm,
        c.overdueOpen,
        c.cancelled,
        c.onTimePercent,
        c.averageDaysLate,
        c.extensions,
        c.reportsSubmitted,
        c.reportsOnTimePercent,
        c.returnedForRework,
      ]);
    });
    const totalRow = header + 1 + scorecards.length;
    expect(text(totalRow, 2)).toBe('Tổng cộng');
    expect(ws.getCell(totalRow, 3).formula).toBe(`SUM(C${header + 1}:C${totalRow - 1})`);
    expect(value(totalRow, 3)).toBe(totals.assigned);
    const overview = wb.getWorksheet('Tổng hợp')!;
    const all = overview.getSheetValues().flat().map(String).map(nfc).join('|');
    expect(all).toContain('Quá hạn chưa hoàn thành');
    expect(all).toContain('Số lần gia hạn');
  });

  it('DOCX: the same layout and figures, read back with mammoth', async () => {
    const { bytes } = await download('docx');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const text = flat(value);
    for (const line of [
      'TỈNH ỦY HÀ GIANG',
      'ỦY BAN KIỂM TRA',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BÁO CÁO',
      'thực hiện Nghị quyết số 27-NQ/TU ngày 10/01/2026',
      'Số liệu tính đến ngày 20/04/2026',
      'II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/Hà Giang, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expectOverview(text);
    expectRows(text);
  });

  it('PDF: A4 with DejaVu embedded, page numbers, every name and figure', async () => {
    const { response, bytes } = await download('pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
    const { text, pages, view } = await pdfText(bytes);
    // A4 landscape: 842 × 595 points
    expect(view).toEqual([0, 0, 842, 595]);
    expect(text).toContain('TỈNH ỦY HÀ GIANG');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Số liệu tính đến ngày 20/04/2026');
    expect(text).toContain(`Trang 1/${pages}`);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    expectOverview(text);
    expectRows(text);
  });

  it('answers 404 for a format it does not make', async () => {
    const r = await t.api(`/exports/summary.odt?${query()}`, { headers: bearer(inspector) });
    expect(r.status).toBe(404);
  });
});
