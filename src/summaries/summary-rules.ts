// Summary arithmetic, pure: the repository counts in SQL, these turn counts into the figures a
// person reads (percentages, averages, on-track verdicts) and fix what "as of D" means.
//
// Counting rules (documented for the API and the exports):
// - A task counts as of D when it has history by the end of D (its 'create' event); its status
//   and due date are those of its last event by then, so later changes do not rewrite the past.
// - 'group' parents (containers of a fan-out) never count: their member children do.
// - Delegated children: the committee-wide overview leaves them out (the parent already
//   stands for that work, counting both would count it twice); per-body scorecards, and the
//   overview filtered to one body, count them under the body that received them, which is
//   the body accountable for them.
// - Done = verified (task) or a lead report accepted, or the task verified (obligation). On
//   time when that happened, as a calendar day in TZ_APP, on or before the due date in force
//   at D. Open and past the due date = overdue; open otherwise = within term. Cancelled stands
//   apart and is part of `total`.
// - Obligations count once their period has begun by D (a 2030 report is not owed yet).
import { addDays, diffDays, parseIsoDate, toIsoDate, type IsoDate } from '../common/dates.js';

export const TASK_CATEGORIES = [
  'onTimeDone',
  'lateDone',
  'openInTerm',
  'overdueOpen',
  'cancelled',
] as const;
export type Category = (typeof TASK_CATEGORIES)[number];

export type CategoryCounts = Record<Category, number> & { total: number };

export const CATEGORY_LABEL_VI: Record<Category, string> = {
  onTimeDone: 'Hoàn thành đúng hạn',
  lateDone: 'Hoàn thành quá hạn',
  openInTerm: 'Đang thực hiện trong hạn',
  overdueOpen: 'Quá hạn chưa hoàn thành',
  cancelled: 'Đã hủy',
};

export function emptyCounts(): CategoryCounts {
  return { total: 0, onTimeDone: 0, lateDone: 0, openInTerm: 0, overdueOpen: 0, cancelled: 0 };
}

/** Adds (category, n) rows into counts; unknown categories are a bug in the SQL, so throw. */
export function tally(rows: { category: string; n: number }[]): CategoryCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    if (!(TASK_CATEGORIES as readonly string[]).includes(row.category)) {
      throw new Error(`unknown summary category ${row.category}`);
    }
    counts[row.category as Category] += row.n;
    counts.total += row.n;
  }
  return counts;
}

/** part / whole as a percentage with one decimal; null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** Mean with one decimal; null for an empty set. */
export function average(sum: number, count: number): number | null {
  if (!count) return null;
  return Math.round((sum * 10) / count) / 10;
}

/**
 * The share done on time among tasks already judged: those done, and those open past their
 * due date. Tasks still within term and cancelled ones are not judged yet, so they do not
 * lower (or raise) a body's score.
 */
export function onTimeRate(c: Pick<CategoryCounts, 'onTimeDone' | 'lateDone' | 'overdueOpen'>) {
  return percent(c.onTimeDone, c.onTimeDone + c.lateDone + c.overdueOpen);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at `instant` (+420 for Asia/Ho_Chi_Minh). */
export function zoneOffsetMinutes(zone: string, instant: Date): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * "As of D" is the end of D in the office's zone: the first instant of the next day there,
 * exclusive. Rows stamped before it (UTC) are history as of D.
 */
export function endOfDayUtc(date: IsoDate, zone: string): Date {
  const { year, month, day } = parseIsoDate(addDays(date, 1));
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  const first = midnightAsUtc - zoneOffsetMinutes(zone, new Date(midnightAsUtc)) * 60_000;
  // A second look at the offset in force at that instant settles a DST change in between.
  return new Date(midnightAsUtc - zoneOffsetMinutes(zone, new Date(first)) * 60_000);
}

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, the form a DATETIME(3) column compares with. */
export function sqlUtc(instant: Date): string {
  return instant.toISOString().replace('T', ' ').replace('Z', '');
}

export interface PeriodWindow {
  key: string;
  from: IsoDate;
  to: IsoDate;
  labelVi: string;
}

/** A reporting period key (2026, 2026-H1, 2026-Q3, 2026-M07) as a date window; null if malformed. */
export function periodWindow(key: string): PeriodWindow | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    return { key, from: toIsoDate(y, 1, 1), to: toIsoDate(y, 12, 31), labelVi: `năm ${y}` };
  }
  m = /^(\d{4})-(H|Q|M)(\d{1,2})$/.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  const n = Number(m[3]);
  const months = m[2] === 'H' ? 6 : m[2] === 'Q' ? 3 : 1;
  if (n < 1 || n > 12 / months) return null;
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const to = addDays(
    toIsoDate(lastMonth === 12 ? y + 1 : y, lastMonth === 12 ? 1 : lastMonth + 1, 1),
    -1,
  );
  const labelVi =
    m[2] === 'H'
      ? `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${y}`
      : m[2] === 'Q'
        ? `quý ${['I', 'II', 'III', 'IV'][n - 1]} năm ${y}`
        : `tháng ${n} năm ${y}`;
  return { key, from: toIsoDate(y, firstMonth, 1), to, labelVi };
}

/**
 * The date line of a party document: "Hà Giang, ngày 05 tháng 02 năm 2026". Days below 10
 * and months below 3 take a leading zero, as the document-format guidance asks, so a date
 * cannot be altered by writing a digit in front.
 */
export function placeAndDateVi(place: string, date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  const d = day < 10 ? `0${day}` : String(day);
  const mo = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${d} tháng ${mo} năm ${year}`;
}

export const TARGET_DIRECTIONS = ['decrease', 'increase', 'at_least', 'at_most', 'reach'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export type TargetStatus = 'met' | 'on_track' | 'behind' | 'no_report' | 'not_measurable';

export const TARGET_STATUS_LABEL_VI: Record<TargetStatus, string> = {
  met: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm so với tiến độ',
  no_report: 'Chưa có số liệu báo cáo',
  not_measurable: 'Chỉ tiêu định tính, không so sánh được',
};

export interface TargetInput {
  direction: string;
  value: number | null;
  valueTo: number | null;
  unit: string | null;
  annual: boolean;
  baseline: { value: number | null; year: number | null; unit: string | null } | null;
  /** start and end of the time the target has: the document's period, or its deadline */
  startOn: IsoDate | null;
  endOn: IsoDate | null;
}

export interface TargetVerdict {
  status: TargetStatus;
  onTrack: boolean | null;
  /** the level expected by `asOf` on a straight line from the baseline, when there is one */
  expected: number | null;
}

/**
 * Whether the latest reported value is on track. A reported value is read in the target's
 * own terms: for increase/decrease targets it is the change achieved (e.g. "giảm 4%/năm" →
 * the decrease reported), except "tăng N lần" with a baseline value, where it is the level
 * reached. at_least / at_most are thresholds; reach is a level to attain, from above when the
 * baseline is higher (or the level is 0: "không còn hộ nghèo").
 *
 * A target over several years (not annual) with a start and an end is judged against a
 * straight line from where it started (the baseline level, or no change yet) to the goal at
 * the end: on track when the value is at least as far along as that line is at `asOf`.
 * Annual targets, and levels without a baseline, must already meet the goal.
 */
export function judgeTarget(t: TargetInput, latest: number | null, asOf: IsoDate): TargetVerdict {
  if (t.value === null) return { status: 'not_measurable', onTrack: null, expected: null };
  if (latest === null) return { status: 'no_report', onTrack: null, expected: null };
  const base = t.baseline?.value ?? null;
  const timesBaseline = t.direction === 'increase' && t.unit === 'lần' && base !== null;
  let goal = t.value;
  let higherIsBetter = true;
  switch (t.direction) {
    case 'at_most':
      higherIsBetter = false;
      break;
    case 'reach':
      higherIsBetter = !((base !== null && base > t.value) || t.value === 0);
      break;
    case 'increase':
      if (timesBaseline) goal = (base as number) * t.value;
      break;
    // decrease and at_least: the achieved change / the level must reach the value.
  }
  const better = (a: number, b: number) => (higherIsBetter ? a >= b : a <= b);
  if (better(latest, goal)) return { status: 'met', onTrack: true, expected: goal };

  // A change ("tăng 20%") starts from nothing; a level starts from the baseline.
  const isChange = (t.direction === 'increase' && !timesBaseline) || t.direction === 'decrease';
  const start = isChange ? 0 : base;
  if (!t.annual && start !== null && t.startOn && t.endOn) {
    const span = diffDays(t.startOn, t.endOn);
    if (span > 0) {
      const elapsed = Math.min(Math.max(diffDays(t.startOn, asOf), 0), span);
      const expected = round4(start + ((goal - start) * elapsed) / span);
      const on = better(latest, expected);
      return { status: on ? 'on_track' : 'behind', onTrack: on, expected };
    }
  }
  return { status: 'behind', onTrack: false, expected: goal };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
