// The summary as a document a party office files: the same numbers as the JSON routes, laid
// out once here so every format (CSV, XLSX, PDF, DOCX) renders the same model. Pure.
import { formatVi, type IsoDate } from '../../common/dates.js';
import type { Role } from '../../auth/roles.js';
import type { OrganizationsSummary, Overview, Scorecard } from '../summaries.service.js';
import { CATEGORY_LABEL_VI, placeAndDateVi, TASK_CATEGORIES } from '../summary-rules.js';

export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  /** width in characters (XLSX) and relative weight (PDF, DOCX) */
  width: number;
  numeric: boolean;
  /** a percentage or average: one decimal */
  decimal?: boolean;
}

export interface ReportTable {
  heading: string;
  columns: ReportColumn[];
  rows: Cell[][];
  totals: Cell[] | null;
}

export interface SummaryReport {
  /** top left: the party committee and the issuing body under it */
  issuer: string[];
  /** top right */
  party: string;
  placeAndDate: string;
  title: string;
  subtitle: string[];
  tables: ReportTable[];
  notes: string[];
  /** file name without extension, Vietnamese kept (sent as filename*=UTF-8'') */
  filename: string;
}

export interface ReportContext {
  committee: string;
  role: Role;
  today: IsoDate;
  document: {
    kind: string;
    number: string | null;
    issuedOn: string | null;
    title: string | null;
  } | null;
  periodLabel: string | null;
}

const ISSUING_BODY: Partial<Record<Role, string>> = {
  office: 'VĂN PHÒNG',
  inspector: 'ỦY BAN KIỂM TRA',
};

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** "1,5" in Vietnamese, "—" for a figure that cannot be computed. */
export function formatNumberVi(value: Cell, decimal = false): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return decimal
    ? value.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    : value.toLocaleString('vi-VN', { maximumFractionDigits: 0 });
}

function documentLine(doc: NonNullable<ReportContext['document']>): string {
  const kind: Record<string, string> = {
    NQ: 'Nghị quyết',
    CT: 'Chỉ thị',
    KL: 'Kết luận',
    KH: 'Kế hoạch',
    CV: 'Công văn',
    QĐ: 'Quyết định',
  };
  const parts = [
    `thực hiện ${kind[doc.kind] ?? 'văn bản'}${doc.number ? ` số ${doc.number}` : ''}`,
  ];
  if (doc.issuedOn) parts.push(`ngày ${formatVi(doc.issuedOn)}`);
  const head = parts.join(' ');
  return doc.title ? `${head} ${doc.title}` : head;
}

const SCORE_COLUMNS: ReportColumn[] = [
  { header: 'STT', width: 5, numeric: true },
  { header: 'Cơ quan, đơn vị', width: 38, numeric: false },
  { header: 'Được giao', width: 9, numeric: true },
  { header: 'Hoàn thành đúng hạn', width: 11, numeric: true },
  { header: 'Hoàn thành quá hạn', width: 11, numeric: true },
  { header: 'Trong hạn', width: 9, numeric: true },
  { header: 'Quá hạn', width: 9, numeric: true },
  { header: 'Đã hủy', width: 8, numeric: true },
  { header: 'Tỷ lệ đúng hạn (%)', width: 10, numeric: true, decimal: true },
  { header: 'Số ngày trễ bình quân', width: 10, numeric: true, decimal: true },
  { header: 'Gia hạn', width: 8, numeric: true },
  { header: 'Báo cáo đã nộp', width: 9, numeric: true },
  { header: 'Nộp đúng hạn (%)', width: 10, numeric: true, decimal: true },
  { header: 'Trả lại bổ sung', width: 9, numeric: true },
];

function scoreRow(s: Omit<Scorecard, 'organizationId' | 'name'>): Cell[] {
  return [
    s.assigned,
    s.onTimeDone,
    s.lateDone,
    s.openInTerm,
    s.overdueOpen,
    s.cancelled,
    s.onTimePercent,
    s.averageDaysLate,
    s.extensions,
    s.reportsSubmitted,
    s.reportsOnTimePercent,
    s.returnedForRework,
  ];
}

export function buildSummaryReport(
  ctx: ReportContext,
  overview: Overview,
  organizations: OrganizationsSummary,
): SummaryReport {
  const committee = ctx.committee.normalize('NFC');
  const asOf = formatVi(overview.asOf);
  const subtitle = ['Tình hình thực hiện nhiệm vụ và chế độ báo cáo'];
  if (ctx.document) subtitle.push(documentLine(ctx.document));
  subtitle.push(
    ctx.periodLabel
      ? `Kỳ ${ctx.periodLabel}, số liệu tính đến ngày ${asOf}`
      : `Số liệu tính đến ngày ${asOf}`,
  );
  const overviewTable: ReportTable = {
    heading: 'I. TỔNG HỢP CHUNG',
    columns: [
      { header: 'Nội dung', width: 40, numeric: false },
      { header: 'Nhiệm vụ', width: 14, numeric: true },
      { header: 'Kỳ báo cáo', width: 14, numeric: true },
    ],
    rows: [
      ...TASK_CATEGORIES.map((c): Cell[] => [
        CATEGORY_LABEL_VI[c],
        overview[c],
        overview.obligations[c],
      ]),
      ['Số lần gia hạn', overview.extensions, null],
    ],
    totals: ['Tổng số', overview.total, overview.obligations.total],
  };
  const scoreTable: ReportTable = {
    heading: 'II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ',
    columns: SCORE_COLUMNS,
    rows: organizations.items.map((s, i) => [i + 1, s.name, ...scoreRow(s)]),
    totals: [null, 'Tổng cộng', ...scoreRow(organizations.totals)],
  };
  const stamp = overview.asOf.replaceAll('-', '');
  return {
    issuer: [`TỈNH ỦY ${upper(committee)}`, ISSUING_BODY[ctx.role] ?? 'VĂN PHÒNG', '*'],
    party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
    placeAndDate: placeAndDateVi(committee, ctx.today),
    title: 'BÁO CÁO',
    subtitle,
    tables: [overviewTable, scoreTable],
    notes: [
      'Ghi chú: Hoàn thành đúng hạn là nhiệm vụ được xác nhận hoàn thành (kỳ báo cáo được chấp nhận) không muộn hơn hạn đang có hiệu lực, kể cả hạn đã gia hạn.',
      'Tỷ lệ đúng hạn tính trên số nhiệm vụ đã hoàn thành hoặc đã quá hạn; nhiệm vụ còn trong hạn và nhiệm vụ đã hủy không tính.',
      'Phần I không tính nhiệm vụ giao tiếp xuống cấp dưới (đã tính ở nhiệm vụ gốc); phần II tính nhiệm vụ giao tiếp cho cơ quan nhận.',
    ],
    filename: `Báo cáo tổng hợp ${committee} đến ${stamp}`,
  };
}

/** A cell as text, the way PDF, DOCX and CSV show it. */
export function cellText(value: Cell, column: ReportColumn): string {
  return formatNumberVi(value, column.decimal === true);
}
