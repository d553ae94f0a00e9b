import { describe, it, expect } from '@jest/globals';
import {
  DEFAULT_ZONE,
  InvalidDateError,
  addDays,
  addMonths,
  clampedDate,
  compareDates,
  daysInMonth,
  diffDays,
  formatVi,
  isInputDate,
  isIsoDate,
  isoWeekday,
  lastDayOfMonth,
  maxDate,
  minDate,
  parseIsoDate,
  toIsoDate,
  todayIn,
  tryParseIsoDate,
  weekdayVi,
} from './dates.js';

describe('todayIn', () => {
  it('gives the Vietnamese date, seven hours ahead of UTC', () => {
    expect(todayIn(DEFAULT_ZONE, new Date('2025-09-01T16:59:59Z'))).toBe('2025-09-01');
    expect(todayIn(DEFAULT_ZONE, new Date('2025-09-01T17:00:00Z'))).toBe('2025-09-02');
  });

  it('handles the new year boundary', () => {
    expect(todayIn(DEFAULT_ZONE, new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01');
    expect(todayIn('UTC', new Date('2025-12-31T18:00:00Z'))).toBe('2025-12-31');
  });

  it('honours other zones', () => {
    expect(todayIn('America/New_York', new Date('2025-03-01T03:00:00Z'))).toBe('2025-02-28');
  });

  it('rejects an unknown zone and an invalid instant', () => {
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
    expect(() => todayIn(DEFAULT_ZONE, new Date('nope'))).toThrow(RangeError);
  });
});

describe('parseIsoDate', () => {
  it('parses a real date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    '2023-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-9-2',
    '02/09/2025',
    '',
    '2025-09-02T00:00',
  ])('rejects %j with a message saying how to write it', (value) => {
    expect(() => parseIsoDate(value)).toThrow(InvalidDateError);
    expect(() => parseIsoDate(value)).toThrow(/YYYY-MM-DD/);
    expect(tryParseIsoDate(value)).toBeNull();
    expect(isIsoDate(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(() => parseIsoDate(20250902)).toThrow(InvalidDateError);
    expect(tryParseIsoDate(null)).toBeNull();
  });

  it('carries a Vietnamese message', () => {
    try {
      parseIsoDate('2025-02-30');
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidDateError);
      expect((e as InvalidDateError).messageVi).toContain('không hợp lệ');
    }
  });
});

describe('isInputDate', () => {
  it('takes existing dates from 1900 to 2199, where day arithmetic stays in the calendar', () => {
    expect(isInputDate('1900-01-01')).toBe(true);
    expect(isInputDate('2199-12-31')).toBe(true);
    expect(isInputDate('2025-09-02')).toBe(true);
    for (const value of [
      '1899-12-31',
      '2200-01-01',
      '9999-12-31',
      '0001-01-01',
      '2025-02-30',
      20250902,
    ]) {
      expect(isInputDate(value)).toBe(false);
    }
  });
});

describe('arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-09-02', 0)).toBe('2025-09-02');
    expect(addDays('2025-09-02', -365)).toBe('2024-09-02');
  });

  it('refuses fractional days', () => {
    expect(() => addDays('2025-09-02', 1.5)).toThrow(RangeError);
  });

  it('counts days from one date to another', () => {
    expect(diffDays('2025-09-01', '2025-09-02')).toBe(1);
    expect(diffDays('2025-09-02', '2025-09-01')).toBe(-1);
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(diffDays('2025-03-29', '2025-03-31')).toBe(2);
  });

  it('compares, min and max', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBeLessThan(0);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(minDate('2025-05-01', '2024-12-31')).toBe('2024-12-31');
    expect(maxDate('2025-05-01', '2024-12-31')).toBe('2025-05-01');
  });

  it('knows the last day of each month', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 2)).toBe('2025-02-28');
    expect(lastDayOfMonth(1900, 2)).toBe('1900-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(lastDayOfMonth(2025, 4)).toBe('2025-04-30');
    expect(lastDayOfMonth(2025, 12)).toBe('2025-12-31');
    expect(daysInMonth(2025, 6)).toBe(30);
  });

  it('clamps a day to the month', () => {
    expect(clampedDate(2025, 2, 31)).toBe('2025-02-28');
    expect(clampedDate(2025, 3, 31)).toBe('2025-03-31');
  });

  it('adds months to (year, month) pairs', () => {
    expect(addMonths(2022, 11, 3)).toEqual({ year: 2023, month: 2 });
    expect(addMonths(2022, 1, -1)).toEqual({ year: 2021, month: 12 });
    expect(addMonths(2022, 12, 0)).toEqual({ year: 2022, month: 12 });
  });

  it('builds and validates dates', () => {
    expect(toIsoDate(2025, 9, 2)).toBe('2025-09-02');
    expect(() => toIsoDate(2025, 2, 29)).toThrow(InvalidDateError);
  });
});

describe('weekdays and formatting', () => {
  it('gives ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2025-09-01')).toBe(1);
    expect(isoWeekday('2025-09-02')).toBe(2);
    expect(isoWeekday('2025-09-06')).toBe(6);
    expect(isoWeekday('2025-09-07')).toBe(7);
  });

  it('names weekdays in Vietnamese', () => {
    expect(weekdayVi('2025-09-06')).toBe('thứ Bảy');
    expect(weekdayVi('2025-09-07')).toBe('Chủ nhật');
    expect(weekdayVi('2025-09-01')).toBe('thứ Hai');
  });

  it('formats dd/mm/yyyy', () => {
    expect(formatVi('2021-12-03')).toBe('03/12/2021');
    expect(() => formatVi('2021-12-32')).toThrow(InvalidDateError);
  });
});
