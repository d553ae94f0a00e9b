// The reporting periods a task owes, from its clause's cadence, milestones and deadlines and
// its document's period. Pure: the caller passes the reporting calendar (config) in.
//
// Decisions:
// - Explicit deadlines each make one obligation; periodic ones come only from a periodic
//   cadence ('once' and 'none' add none), so "báo cáo trước 03/12/2021" is one report, and
//   "định kỳ 6 tháng, tổng kết năm 2025" is both.
// - A periodic report is owed for every period that ends after the start (the later of the
//   issue date and 1 January of the period's first year) and whose due date is after the
//   issue date: a report due before the task exists cannot be late.
// - A document with no end year ("định kỳ" with no period) gets periods for
//   `openEndedYears` years; the result says so (note 'open_ended') so the service can extend.
// - Sơ kết and tổng kết need a period with an end year; without it they are left out and the
//   result says so. Computed obligations (periods, milestones) due on or before the issue date
//   are dropped; explicit deadlines are always kept, with a note when already past.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  addDays,
  addMonths,
  clampedDate,
  compareDates,
  formatVi,
  lastDayOfMonth,
  maxDate,
  minDate,
  parseIsoDate,
  toIsoDate,
  type IsoDate,
} from '../common/dates.js';

export const CADENCES = [
  'none',
  'periodic',
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  'once',
] as const;
export type Cadence = (typeof CADENCES)[number];

export const PERIODIC_CADENCES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type PeriodicCadence = (typeof PERIODIC_CADENCES)[number];

export type Milestone = 'midterm_review' | 'final_review';
export type ObligationKind = 'deadline' | 'periodic' | 'midterm_review' | 'final_review';

export interface ReportingCalendar {
  monthly: { dayOfMonth: number; monthOffset?: number };
  /** monthOffset counts from the period's first month: 2 = the quarter's last month */
  quarterly: { monthOffset: number; day: number };
  semiannual: { monthOffset: number; day: number };
  annual: { month: number; day: number };
  once: { daysAfterIssue: number };
  periodicDefault: PeriodicCadence;
  midterm: { month: number; day: number };
  final: { month: number; day: number };
  openEndedYears?: number;
  maxObligations?: number;
}

export const DEFAULT_REPORTING_CALENDAR: ReportingCalendar = {
  monthly: { dayOfMonth: 20, monthOffset: 0 },
  quarterly: { monthOffset: 2, day: 15 },
  semiannual: { monthOffset: 5, day: 15 },
  annual: { month: 12, day: 15 },
  once: { daysAfterIssue: 30 },
  periodicDefault: 'semiannual',
  midterm: { month: 6, day: 30 },
  final: { month: 11, day: 30 },
  openEndedYears: 2,
  maxObligations: 200,
};

const DEFAULT_OPEN_ENDED_YEARS = 2;
const DEFAULT_MAX_OBLIGATIONS = 200;

export interface DocumentPeriod {
  /** absent for "đến năm 2030": the issue year is used */
  from?: number | null;
  to?: number | null;
}

export interface ObligationInput {
  cadence: Cadence;
  period: DocumentPeriod | null;
  /** the document's date, or the publish date when the document has none */
  issuedOn: IsoDate;
  deadlines?: readonly IsoDate[];
  milestones?: readonly Milestone[];
}

export interface Obligation {
  periodKey: string;
  kind: ObligationKind;
  dueOn: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  labelVi: string;
}

export type ObligationNoteCode =
  | 'capped'
  | 'open_ended'
  | 'milestones_without_period'
  | 'milestone_before_issue'
  | 'deadline_before_issue'
  | 'period_reversed';

export interface ObligationNote {
  code: ObligationNoteCode;
  messageVi: string;
}

export interface ObligationPlan {
  obligations: Obligation[];
  /** true when the list was cut at the maximum */
  capped: boolean;
  /** how many there were before the cut */
  total: number;
  notes: ObligationNote[];
}

export class ReportingCalendarError extends Error {
  constructor(message: string) {
    super(`config/reporting-calendar.json: ${message}`);
    this.name = 'ReportingCalendarError';
  }
}

function intIn(value: unknown, min: number, max: number, where: string): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw new ReportingCalendarError(`${where} must be a whole number from ${min} to ${max}`);
  return value as number;
}

function objectAt(json: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = json[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ReportingCalendarError(
      `"${key}" must be an object, see DEFAULT_REPORTING_CALENDAR for the shape`,
    );
  return v as Record<string, unknown>;
}

export function parseReportingCalendar(json: unknown): ReportingCalendar {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ReportingCalendarError(
      'expected an object with monthly, quarterly, semiannual, annual, once, periodicDefault, midterm, final',
    );
  const j = json as Record<string, unknown>;
  const monthly = objectAt(j, 'monthly');
  const quarterly = objectAt(j, 'quarterly');
  const semiannual = objectAt(j, 'semiannual');
  const annual = objectAt(j, 'annual');
  const once = objectAt(j, 'once');
  const midterm = objectAt(j, 'midterm');
  const final = objectAt(j, 'final');
  if (!(PERIODIC_CADENCES as readonly unknown[]).includes(j.periodicDefault))
    throw new ReportingCalendarError(
      `periodicDefault must be one of ${PERIODIC_CADENCES.join(', ')}`,
    );
  return {
    monthly: {
      dayOfMonth: intIn(monthly.dayOfMonth, 1, 31, 'monthly.dayOfMonth'),
      monthOffset:
        monthly.monthOffset === undefined
          ? 0
          : intIn(monthly.monthOffset, 0, 1, 'monthly.monthOffset'),
    },
    quarterly: {
      monthOffset: intIn(quarterly.monthOffset, 0, 3, 'quarterly.monthOffset'),
      day: intIn(quarterly.day, 1, 31, 'quarterly.day'),
    },
    semiannual: {
      monthOffset: intIn(semiannual.monthOffset, 0, 6, 'semiannual.monthOffset'),
      day: intIn(semiannual.day, 1, 31, 'semiannual.day'),
    },
    annual: {
      month: intIn(annual.month, 1, 12, 'annual.month'),
      day: intIn(annual.day, 1, 31, 'annual.day'),
    },
    once: { daysAfterIssue: intIn(once.daysAfterIssue, 1, 366, 'once.daysAfterIssue') },
    periodicDefault: j.periodicDefault as PeriodicCadence,
    midterm: {
      month: intIn(midterm.month, 1, 12, 'midterm.month'),
      day: intIn(midterm.day, 1, 31, 'midterm.day'),
    },
    final: {
      month: intIn(final.month, 1, 12, 'final.month'),
      day: intIn(final.day, 1, 31, 'final.day'),
    },
    openEndedYears:
      j.openEndedYears === undefined
        ? DEFAULT_OPEN_ENDED_YEARS
        : intIn(j.openEndedYears, 1, 50, 'openEndedYears'),
    maxObligations:
      j.maxObligations === undefined
        ? DEFAULT_MAX_OBLIGATIONS
        : intIn(j.maxObligations, 1, 10_000, 'maxObligations'),
  };
}

/** Reads and validates the JSON; the path is relative to the working directory. */
export function loadReportingCalendar(path = 'config/reporting-calendar.json'): ReportingCalendar {
  return parseReportingCalendar(JSON.parse(readFileSync(resolve(process.cwd(), path), 'utf8')));
}

const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'];

interface PeriodSpec {
  months: number;
  perYear: number;
  key: (year: number, index: number) => string;
  label: (year: number, index: number) => string;
  due: (year: number, index: number, calendar: ReportingCalendar) => IsoDate;
}

function dueFromOffset(year: number, startMonth: number, offset: number, day: number): IsoDate {
  const m = addMonths(year, startMonth, offset);
  return clampedDate(m.year, m.month, day);
}

const PERIODS: Record<PeriodicCadence, PeriodSpec> = {
  monthly: {
    months: 1,
    perYear: 12,
    key: (y, i) => `${y}-M${String(i + 1).padStart(2, '0')}`,
    label: (y, i) => `Báo cáo tháng ${i + 1}/${y}`,
    due: (y, i, c) => dueFromOffset(y, i + 1, c.monthly.monthOffset ?? 0, c.monthly.dayOfMonth),
  },
  quarterly: {
    months: 3,
    perYear: 4,
    key: (y, i) => `${y}-Q${i + 1}`,
    label: (y, i) => `Báo cáo quý ${ROMAN_QUARTER[i]}/${y}`,
    due: (y, i, c) => dueFromOffset(y, i * 3 + 1, c.quarterly.monthOffset, c.quarterly.day),
  },
  semiannual: {
    months: 6,
    perYear: 2,
    key: (y, i) => `${y}-H${i + 1}`,
    label: (y, i) => (i === 0 ? `Báo cáo 6 tháng đầu năm ${y}` : `Báo cáo 6 tháng cuối năm ${y}`),
    due: (y, i, c) => dueFromOffset(y, i * 6 + 1, c.semiannual.monthOffset, c.semiannual.day),
  },
  annual: {
    months: 12,
    perYear: 1,
    key: (y) => `${y}`,
    label: (y) => `Báo cáo năm ${y}`,
    due: (y, _i, c) => clampedDate(y, c.annual.month, c.annual.day),
  },
};

export function effectiveCadence(
  cadence: Cadence,
  calendar: ReportingCalendar,
): PeriodicCadence | null {
  if (cadence === 'periodic') return calendar.periodicDefault;
  return (PERIODIC_CADENCES as readonly string[]).includes(cadence)
    ? (cadence as PeriodicCadence)
    : null;
}

const KIND_ORDER: Record<ObligationKind, number> = {
  deadline: 0,
  periodic: 1,
  midterm_review: 2,
  final_review: 3,
};

function deadlineObligation(dueOn: IsoDate, issuedOn: IsoDate, labelVi: string): Obligation {
  return {
    periodKey: `deadline-${dueOn}`,
    kind: 'deadline',
    dueOn,
    periodStart: minDate(issuedOn, dueOn),
    periodEnd: dueOn,
    labelVi,
  };
}

export function obligationPeriods(
  input: ObligationInput,
  calendar: ReportingCalendar,
  options: { maxObligations?: number } = {},
): ObligationPlan {
  const issuedOn = input.issuedOn;
  const issueYear = parseIsoDate(issuedOn).year;
  const deadlines = input.deadlines ?? [];
  const milestones = input.milestones ?? [];
  const notes: ObligationNote[] = [];
  const out: Obligation[] = [];

  for (const d of deadlines) {
    parseIsoDate(d);
    if (compareDates(d, issuedOn) < 0)
      notes.push({
        code: 'deadline_before_issue',
        messageVi: `Hạn ${formatVi(d)} trước ngày ban hành ${formatVi(issuedOn)}: cần kiểm tra lại hạn.`,
      });
    out.push(deadlineObligation(d, issuedOn, `Báo cáo theo hạn ${formatVi(d)}`));
  }

  if (input.cadence === 'once' && deadlines.length === 0) {
    const due = addDays(issuedOn, calendar.once.daysAfterIssue);
    out.push(
      deadlineObligation(
        due,
        issuedOn,
        `Báo cáo (hạn ${formatVi(due)}, ${calendar.once.daysAfterIssue} ngày kể từ ngày ban hành)`,
      ),
    );
  }

  // The span the document covers, in whole years.
  let fromYear = input.period?.from ?? issueYear;
  let toYear = input.period?.to ?? null;
  if (toYear !== null && toYear < fromYear) {
    notes.push({
      code: 'period_reversed',
      messageVi: `Giai đoạn ${fromYear}–${toYear} có năm kết thúc trước năm bắt đầu; đã hiểu là ${toYear}–${fromYear}.`,
    });
    [fromYear, toYear] = [toYear, fromYear];
  }
  const hasEnd = toYear !== null;
  const spanStart = maxDate(issuedOn, toIsoDate(fromYear, 1, 1));

  const cadence = effectiveCadence(input.cadence, calendar);
  if (cadence) {
    let lastYear = toYear;
    if (lastYear === null) {
      const years = calendar.openEndedYears ?? DEFAULT_OPEN_ENDED_YEARS;
      lastYear = Math.max(fromYear, issueYear) + years - 1;
      notes.push({
        code: 'open_ended',
        messageVi: `Văn bản không nêu thời hạn kết thúc: đã lập kỳ báo cáo đến hết năm ${lastYear}, cần gia hạn khi tiếp tục thực hiện.`,
      });
    }
    const spec = PERIODS[cadence];
    for (let y = fromYear; y <= lastYear; y++) {
      for (let i = 0; i < spec.perYear; i++) {
        const startMonth = i * spec.months + 1;
        const endMonth = addMonths(y, startMonth, spec.months - 1);
        const periodEnd = lastDayOfMonth(endMonth.year, endMonth.month);
        const dueOn = spec.due(y, i, calendar);
        if (compareDates(periodEnd, spanStart) <= 0 || compareDates(dueOn, issuedOn) <= 0) continue;
        out.push({
          periodKey: spec.key(y, i),
          kind: 'periodic',
          dueOn,
          periodStart: toIsoDate(y, startMonth, 1),
          periodEnd,
          labelVi: spec.label(y, i),
        });
      }
    }
  }

  if (milestones.length > 0 && !hasEnd) {
    notes.push({
      code: 'milestones_without_period',
      messageVi:
        'Có yêu cầu sơ kết, tổng kết nhưng văn bản không nêu giai đoạn thực hiện: cần nhập hạn sơ kết, tổng kết.',
    });
  } else if (toYear !== null) {
    const range = `${fromYear}–${toYear}`;
    const wanted: Obligation[] = [];
    if (milestones.includes('midterm_review')) {
      const year = fromYear + Math.floor((toYear - fromYear) / 2);
      const dueOn = clampedDate(year, calendar.midterm.month, calendar.midterm.day);
      wanted.push({
        periodKey: `midterm-${year}`,
        kind: 'midterm_review',
        dueOn,
        periodStart: spanStart,
        periodEnd: dueOn,
        labelVi: `Báo cáo sơ kết giữa giai đoạn ${range} (năm ${year})`,
      });
    }
    if (milestones.includes('final_review')) {
      const dueOn = clampedDate(toYear, calendar.final.month, calendar.final.day);
      wanted.push({
        periodKey: `final-${toYear}`,
        kind: 'final_review',
        dueOn,
        periodStart: spanStart,
        periodEnd: toIsoDate(toYear, 12, 31),
        labelVi: `Báo cáo tổng kết giai đoạn ${range}`,
      });
    }
    for (const m of wanted) {
      if (compareDates(m.dueOn, issuedOn) > 0) out.push(m);
      else
        notes.push({
          code: 'milestone_before_issue',
          messageVi: `${m.labelVi}: hạn ${formatVi(m.dueOn)} đã qua trước ngày ban hành, không lập kỳ báo cáo này.`,
        });
    }
  }

  const seen = new Set<string>();
  const unique = out.filter((o) => (seen.has(o.periodKey) ? false : (seen.add(o.periodKey), true)));
  unique.sort(
    (a, b) =>
      compareDates(a.dueOn, b.dueOn) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0),
  );

  const max = options.maxObligations ?? calendar.maxObligations ?? DEFAULT_MAX_OBLIGATIONS;
  const capped = unique.length > max;
  if (capped)
    notes.push({
      code: 'capped',
      messageVi: `Có ${unique.length} kỳ báo cáo, vượt giới hạn ${max}: chỉ lập ${max} kỳ đầu tiên.`,
    });
  return {
    obligations: capped ? unique.slice(0, max) : unique,
    capped,
    total: unique.length,
    notes,
  };
}

export type ParsedPeriodKey =
  | { kind: 'periodic'; cadence: PeriodicCadence; year: number; index: number }
  | { kind: 'deadline'; date: IsoDate }
  | { kind: 'midterm_review' | 'final_review'; year: number };

/** Reads a period key back (e.g. the `period` of a progress report); null when malformed. */
export function parsePeriodKey(key: string): ParsedPeriodKey | null {
  let m = /^(\d{4})-(M|Q|H)(\d{1,2})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const n = Number(m[3]);
    const cadence: PeriodicCadence =
      m[2] === 'M' ? 'monthly' : m[2] === 'Q' ? 'quarterly' : 'semiannual';
    const perYear = PERIODS[cadence].perYear;
    const canonical = PERIODS[cadence].key(year, n - 1);
    if (n < 1 || n > perYear || canonical !== key) return null;
    return { kind: 'periodic', cadence, year, index: n - 1 };
  }
  if (/^\d{4}$/.test(key))
    return { kind: 'periodic', cadence: 'annual', year: Number(key), index: 0 };
  m = /^deadline-(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m) {
    try {
      parseIsoDate(m[1]);
    } catch {
      return null;
    }
    return { kind: 'deadline', date: m[1]! };
  }
  m = /^(midterm|final)-(\d{4})$/.exec(key);
  if (m)
    return { kind: m[1] === 'midterm' ? 'midterm_review' : 'final_review', year: Number(m[2]) };
  return null;
}
