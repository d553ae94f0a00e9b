// Which days the offices work. A day is off when it is a public holiday (date-holidays, VN),
// a day off the government added for that year (config), or a Saturday or Sunday that is not
// a make-up working day (config). The government's extra days change every year, so they are
// configuration the office maintains, not code.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type Holidays from 'date-holidays';
import {
  addDays,
  compareDates,
  diffDays,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  type IsoDate,
} from '../common/dates.js';

export interface DayOffRange {
  from: IsoDate;
  /** inclusive; a single day when absent */
  to?: IsoDate;
  nameVi: string;
}

export interface MakeUpWorkingDay {
  date: IsoDate;
  nameVi?: string;
}

export interface WorkingDaysYear {
  daysOff?: DayOffRange[];
  makeUpWorkingDays?: MakeUpWorkingDay[];
}

export interface WorkingDaysConfig {
  _comment?: string;
  years: Record<string, WorkingDaysYear>;
}

export interface PublicHoliday {
  date: IsoDate;
  nameVi: string;
}

/** Public holidays that fall in `year`, one entry per day. */
export type PublicHolidaySource = (year: number) => readonly PublicHoliday[];

const MS_PER_DAY = 86_400_000;
// Longer than any real run of days off (Tết is at most ~9-10 days); a longer walk means the
// configuration marks everything off.
const MAX_SEARCH_DAYS = 60;
const MAX_RANGE_DAYS = 31;

export class WorkingDaysConfigError extends Error {
  constructor(message: string) {
    super(`config/working-days.json: ${message}`);
    this.name = 'WorkingDaysConfigError';
  }
}

export function parseWorkingDaysConfig(json: unknown): WorkingDaysConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new WorkingDaysConfigError(
      'expected an object { "years": { "2025": { "daysOff": [...], "makeUpWorkingDays": [...] } } }',
    );
  const years = (json as { years?: unknown }).years;
  if (typeof years !== 'object' || years === null || Array.isArray(years))
    throw new WorkingDaysConfigError(
      '"years" must be an object keyed by year, e.g. { "2025": {...} }',
    );

  const out: WorkingDaysConfig = { years: {} };
  for (const [year, value] of Object.entries(years as Record<string, unknown>)) {
    if (!/^\d{4}$/.test(year))
      throw new WorkingDaysConfigError(`year key "${year}" must be four digits`);
    const entry = (value ?? {}) as { daysOff?: unknown; makeUpWorkingDays?: unknown };
    const daysOff: DayOffRange[] = [];
    const makeUp: MakeUpWorkingDay[] = [];
    if (entry.daysOff !== undefined && !Array.isArray(entry.daysOff))
      throw new WorkingDaysConfigError(`years.${year}.daysOff must be a list`);
    for (const [i, raw] of ((entry.daysOff as unknown[] | undefined) ?? []).entries()) {
      const r = raw as Partial<DayOffRange>;
      const where = `years.${year}.daysOff[${i}]`;
      if (!isIsoDate(r.from))
        throw new WorkingDaysConfigError(`${where}.from must be a date YYYY-MM-DD`);
      if (r.to !== undefined && !isIsoDate(r.to))
        throw new WorkingDaysConfigError(`${where}.to must be a date YYYY-MM-DD`);
      const to = r.to ?? r.from;
      if (compareDates(r.from, to) > 0)
        throw new WorkingDaysConfigError(`${where}: "from" is after "to"`);
      if (diffDays(r.from, to) >= MAX_RANGE_DAYS)
        throw new WorkingDaysConfigError(
          `${where}: a range of more than ${MAX_RANGE_DAYS} days is surely a typo`,
        );
      if (typeof r.nameVi !== 'string' || !r.nameVi.trim())
        throw new WorkingDaysConfigError(`${where}.nameVi must name the day off in Vietnamese`);
      daysOff.push({ from: r.from, to, nameVi: r.nameVi.trim() });
    }
    if (entry.makeUpWorkingDays !== undefined && !Array.isArray(entry.makeUpWorkingDays))
      throw new WorkingDaysConfigError(`years.${year}.makeUpWorkingDays must be a list`);
    for (const [i, raw] of ((entry.makeUpWorkingDays as unknown[] | undefined) ?? []).entries()) {
      const r = raw as Partial<MakeUpWorkingDay>;
      if (!isIsoDate(r.date))
        throw new WorkingDaysConfigError(
          `years.${year}.makeUpWorkingDays[${i}].date must be a date YYYY-MM-DD`,
        );
      makeUp.push({ date: r.date, ...(typeof r.nameVi === 'string' ? { nameVi: r.nameVi } : {}) });
    }
    out.years[year] = { daysOff, makeUpWorkingDays: makeUp };
  }
  return out;
}

/** Reads and validates the JSON; the path is relative to the working directory. */
export function loadWorkingDaysConfig(path = 'config/working-days.json'): WorkingDaysConfig {
  return parseWorkingDaysConfig(JSON.parse(readFileSync(resolve(process.cwd(), path), 'utf8')));
}

// date-holidays names every day of the Tết break "Giao thừa Tết Nguyên Đán"; people call the
// whole break Tết Nguyên Đán.
function normaliseHolidayName(name: string): string {
  return name.includes('Tết Nguyên Đán') ? 'Tết Nguyên Đán' : name;
}

let sharedHolidays: Holidays | undefined;

// date-holidays with its rules for every country, astronomia and moment-timezone is about
// 8 MB of heap. It loads at the first holiday lookup (a reminder, a notification or calendar
// text), not at start: the API may never need it. The lookup is synchronous, hence require
// (the package's CommonJS build) rather than import().
function vietnameseHolidays(): Holidays {
  if (!sharedHolidays) {
    const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    sharedHolidays = new HolidaysClass('VN');
  }
  return sharedHolidays;
}

/** VN public holidays from date-holidays, multi-day holidays expanded to one entry per day. */
export function dateHolidaysSource(): PublicHolidaySource {
  return (year) => {
    const holidays = vietnameseHolidays();
    const out: PublicHoliday[] = [];
    // A holiday that starts late in the previous year could run into this one.
    for (const y of [year - 1, year]) {
      for (const h of holidays.getHolidays(y, 'vi')) {
        if (h.type !== 'public') continue;
        // h.date is the local start day; the length comes from the instants, which are
        // local midnights so their difference is whole days.
        const start = h.date.slice(0, 10);
        const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MS_PER_DAY));
        for (let i = 0; i < days; i++) {
          const date = addDays(start, i);
          if (date.startsWith(`${year}-`)) out.push({ date, nameVi: normaliseHolidayName(h.name) });
        }
      }
    }
    return out;
  };
}

export interface WorkingCalendarOptions {
  /** defaults to date-holidays VN; tests pass a fixed list */
  publicHolidays?: PublicHolidaySource;
}

export class WorkingCalendar {
  private readonly holidaysByYear = new Map<number, ReadonlyMap<IsoDate, string>>();
  private readonly configDaysOff = new Map<IsoDate, string>();
  private readonly makeUpDays = new Map<IsoDate, string>();
  private readonly publicHolidays: PublicHolidaySource;

  constructor(config: WorkingDaysConfig = { years: {} }, options: WorkingCalendarOptions = {}) {
    this.publicHolidays = options.publicHolidays ?? dateHolidaysSource();
    // The configured days are few; index them all now. Keyed by date, not by the year they
    // are filed under, so a range across New Year still counts.
    for (const year of Object.values(config.years)) {
      for (const range of year.daysOff ?? []) {
        for (let d = range.from; compareDates(d, range.to ?? range.from) <= 0; d = addDays(d, 1)) {
          if (!this.configDaysOff.has(d)) this.configDaysOff.set(d, range.nameVi);
        }
      }
      for (const m of year.makeUpWorkingDays ?? [])
        this.makeUpDays.set(m.date, m.nameVi ?? 'Ngày làm bù');
    }
  }

  /** The public holiday on this date, from the library; built once per year, then cached. */
  publicHolidayName(date: IsoDate): string | null {
    const { year } = parseIsoDate(date);
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      const map = new Map<IsoDate, string>();
      for (const h of this.publicHolidays(year)) if (!map.has(h.date)) map.set(h.date, h.nameVi);
      holidays = map;
      this.holidaysByYear.set(year, holidays);
    }
    return holidays.get(date) ?? null;
  }

  configuredDayOffName(date: IsoDate): string | null {
    return this.configDaysOff.get(date) ?? null;
  }

  isMakeUpWorkingDay(date: IsoDate): boolean {
    return this.makeUpDays.has(date);
  }

  /** how many years of holidays are cached (for tests and metrics) */
  get cachedYears(): number {
    return this.holidaysByYear.size;
  }
}

export function createWorkingCalendar(
  config?: WorkingDaysConfig,
  options?: WorkingCalendarOptions,
): WorkingCalendar {
  return new WorkingCalendar(config, options);
}

/**
 * Why a day is not a working day: the holiday's name first (more useful than "Chủ nhật"
 * for a Sunday inside the Tết break), then 'thứ Bảy' / 'Chủ nhật'; null on a working day.
 * A make-up working day is a working day even when the library calls it a holiday.
 */
export function describeNonWorkingDay(date: IsoDate, calendar: WorkingCalendar): string | null {
  if (calendar.isMakeUpWorkingDay(date)) return null;
  const holiday = calendar.publicHolidayName(date) ?? calendar.configuredDayOffName(date);
  if (holiday) return holiday;
  const weekday = isoWeekday(date);
  if (weekday === 6) return 'thứ Bảy';
  if (weekday === 7) return 'Chủ nhật';
  return null;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  return describeNonWorkingDay(date, calendar) === null;
}

function walk(
  date: IsoDate,
  step: 1 | -1,
  calendar: WorkingCalendar,
  includeStart: boolean,
): IsoDate {
  let d = includeStart ? date : addDays(date, step);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, d = addDays(d, step)) {
    if (isWorkingDay(d, calendar)) return d;
  }
  throw new Error(
    `No working day within ${MAX_SEARCH_DAYS} days ${step < 0 ? 'before' : 'after'} ${date}: check config/working-days.json for a range that is too long`,
  );
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  return walk(date, -1, calendar, false);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  return walk(date, 1, calendar, false);
}

/** `date` itself when it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  return walk(date, -1, calendar, true);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  return walk(date, 1, calendar, true);
}
