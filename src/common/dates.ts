// Calendar dates as 'YYYY-MM-DD' strings. Deadlines are days in the office's zone, not
// instants, so all arithmetic happens on UTC midnights where no daylight saving can shift a
// day; only todayIn() looks at a real clock and a real zone.

export type IsoDate = string;

export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export class InvalidDateError extends Error {
  readonly messageVi: string;

  constructor(value: unknown) {
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    super(
      `Invalid date ${shown}: expected a real calendar date written YYYY-MM-DD, e.g. 2025-09-02`,
    );
    this.name = 'InvalidDateError';
    this.messageVi = `Ngày ${shown} không hợp lệ: cần một ngày có thật, viết theo dạng YYYY-MM-DD, ví dụ 2025-09-02`;
  }
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function tryParseIsoDate(value: unknown): DateParts | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function parseIsoDate(value: unknown): DateParts {
  const parts = tryParseIsoDate(value);
  if (!parts) throw new InvalidDateError(value);
  return parts;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return tryParseIsoDate(value) !== null;
}

/**
 * The dates a person or a file may give (deadlines, dates of issue, "as of", validity). A
 * resolution's dates lie well inside; the margin keeps the arithmetic done on them (reminder
 * stages, the day after an end, period ends) inside the calendar, where 9999-12-31 + 1 day
 * does not exist.
 */
export const INPUT_DATE_MIN: IsoDate = '1900-01-01';
export const INPUT_DATE_MAX: IsoDate = '2199-12-31';

export function isInputDate(value: unknown): value is IsoDate {
  return isIsoDate(value) && value >= INPUT_DATE_MIN && value <= INPUT_DATE_MAX;
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(value)) throw new InvalidDateError(value);
  return value;
}

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days))
    throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return diffDays(b, a);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** The given day of that month, or its last day when the month is shorter (31 → 30/28). */
export function clampedDate(year: number, month: number, day: number): IsoDate {
  return toIsoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Month arithmetic on (year, month) pairs: addMonths(2022, 11, 3) → { year: 2023, month: 2 }. */
export function addMonths(
  year: number,
  month: number,
  months: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function formatVi(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

const WEEKDAY_VI = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'];

export function weekdayVi(date: IsoDate): string {
  return WEEKDAY_VI[isoWeekday(date)]!;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws RangeError on an unknown zone, which is what a misconfigured TZ_APP should do.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The calendar date it is in `zone` at the instant `now`. */
export function todayIn(zone: string, now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayIn: now is an invalid Date');
  const parts = formatterFor(zone).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}
