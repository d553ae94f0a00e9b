import { describe, it, expect } from '@jest/globals';
import {
  WorkingCalendar,
  WorkingDaysConfigError,
  createWorkingCalendar,
  dateHolidaysSource,
  describeNonWorkingDay,
  isWorkingDay,
  loadWorkingDaysConfig,
  nextWorkingDay,
  parseWorkingDaysConfig,
  previousWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type PublicHolidaySource,
} from './working-days.js';
import { addDays } from '../common/dates.js';

const shipped = loadWorkingDaysConfig();
const calendar = createWorkingCalendar(shipped);
const libraryOnly = createWorkingCalendar();

describe('date-holidays source', () => {
  const source = dateHolidaysSource();

  it('gives the fixed public holidays of 2025 in Vietnamese, one entry per day', () => {
    const days = source(2025);
    const byDate = new Map(days.map((h) => [h.date, h.nameVi]));
    expect(byDate.get('2025-01-01')).toBe('Tết Dương lịch');
    expect(byDate.get('2025-04-07')).toBe('Giỗ tổ Hùng Vương');
    expect(byDate.get('2025-04-30')).toBeDefined();
    expect(byDate.get('2025-05-01')).toBeDefined();
    expect(byDate.get('2025-09-02')).toBe('Quốc khánh');
    for (const d of ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01'])
      expect(byDate.get(d)).toBe('Tết Nguyên Đán');
    expect(days.every((h) => h.date.startsWith('2025-'))).toBe(true);
  });

  it('leaves out observances', () => {
    const dates = source(2025).map((h) => h.date);
    expect(dates).not.toContain('2025-02-03'); // Ngày thành lập Đảng: observance, a working day
    expect(dates).not.toContain('2025-03-08');
  });
});

describe('the shipped config', () => {
  it('validates', () => {
    expect(Object.keys(shipped.years)).toEqual(expect.arrayContaining(['2025', '2026']));
  });

  it('has the whole 2025 Tết break off, weekends included', () => {
    for (let day = 25; day <= 31; day++)
      expect(isWorkingDay(`2025-01-${day}`, calendar)).toBe(false);
    expect(isWorkingDay('2025-02-01', calendar)).toBe(false);
    expect(isWorkingDay('2025-02-02', calendar)).toBe(false);
    expect(isWorkingDay('2025-02-03', calendar)).toBe(true);
    expect(isWorkingDay('2025-01-24', calendar)).toBe(true);
  });

  it('makes Saturday 15/02/2025 a make-up working day', () => {
    expect(isWorkingDay('2025-02-15', calendar)).toBe(true);
    expect(describeNonWorkingDay('2025-02-15', calendar)).toBeNull();
    expect(isWorkingDay('2025-02-15', libraryOnly)).toBe(false);
  });

  it('has 1 and 2 September 2025 off', () => {
    expect(describeNonWorkingDay('2025-09-01', calendar)).toBe('Nghỉ lễ Quốc khánh');
    expect(describeNonWorkingDay('2025-09-02', calendar)).toBe('Quốc khánh');
    expect(isWorkingDay('2025-09-01', libraryOnly)).toBe(true);
    expect(isWorkingDay('2025-09-02', libraryOnly)).toBe(false);
  });

  it('has the 2026 Tết break and 1-2 September 2026 off', () => {
    for (let day = 14; day <= 22; day++)
      expect(isWorkingDay(`2026-02-${day}`, calendar)).toBe(false);
    expect(isWorkingDay('2026-02-13', calendar)).toBe(true);
    expect(isWorkingDay('2026-02-23', calendar)).toBe(true);
    expect(isWorkingDay('2026-09-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-09-02', calendar)).toBe(false);
    expect(isWorkingDay('2026-09-03', calendar)).toBe(true);
  });
});

describe('describeNonWorkingDay', () => {
  it('names weekends', () => {
    expect(describeNonWorkingDay('2025-09-06', calendar)).toBe('thứ Bảy');
    expect(describeNonWorkingDay('2025-09-07', calendar)).toBe('Chủ nhật');
  });

  it('is null on a working day', () => {
    expect(describeNonWorkingDay('2025-09-03', calendar)).toBeNull();
  });

  it('prefers the holiday name to the weekday', () => {
    expect(describeNonWorkingDay('2025-02-02', calendar)).toBe('Nghỉ Tết Nguyên Đán'); // a Sunday
    expect(describeNonWorkingDay('2025-01-29', calendar)).toBe('Tết Nguyên Đán');
  });
});

describe('moving to working days', () => {
  it('previousWorkingDay is strictly before', () => {
    expect(previousWorkingDay('2025-09-03', calendar)).toBe('2025-08-29'); // over 30/8 - 2/9
    expect(previousWorkingDay('2025-09-04', calendar)).toBe('2025-09-03');
    expect(previousWorkingDay('2025-02-03', calendar)).toBe('2025-01-24'); // over Tết
    expect(previousWorkingDay('2025-02-17', calendar)).toBe('2025-02-15'); // the make-up Saturday
  });

  it('nextWorkingDay is strictly after', () => {
    expect(nextWorkingDay('2025-08-29', calendar)).toBe('2025-09-03');
    expect(nextWorkingDay('2025-01-24', calendar)).toBe('2025-02-03');
  });

  it('on-or-before and on-or-after keep a working day', () => {
    expect(workingDayOnOrBefore('2025-09-03', calendar)).toBe('2025-09-03');
    expect(workingDayOnOrBefore('2025-09-02', calendar)).toBe('2025-08-29');
    expect(workingDayOnOrAfter('2025-09-06', calendar)).toBe('2025-09-08');
    expect(workingDayOnOrAfter('2025-09-08', calendar)).toBe('2025-09-08');
  });

  it('gives up with a clear error when everything is off', () => {
    const allOff: PublicHolidaySource = (year) => {
      const out = [];
      for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = addDays(d, 1))
        out.push({ date: d, nameVi: 'x' });
      return out;
    };
    const broken = new WorkingCalendar({ years: {} }, { publicHolidays: allOff });
    expect(() => previousWorkingDay('2025-06-15', broken)).toThrow(/working-days\.json/);
  });
});

describe('caching', () => {
  it('asks the holiday source once per year', () => {
    const calls: number[] = [];
    const source: PublicHolidaySource = (year) => {
      calls.push(year);
      return [{ date: `${year}-09-02`, nameVi: 'Quốc khánh' }];
    };
    const cal = new WorkingCalendar({ years: {} }, { publicHolidays: source });
    for (let i = 0; i < 50; i++) {
      isWorkingDay('2025-09-02', cal);
      isWorkingDay('2025-03-03', cal);
    }
    isWorkingDay('2026-09-02', cal);
    expect(calls).toEqual([2025, 2026]);
    expect(cal.cachedYears).toBe(2);
  });

  it('counts a configured range that crosses New Year in both years', () => {
    const cal = new WorkingCalendar(
      {
        years: {
          '2030': { daysOff: [{ from: '2030-12-31', to: '2031-01-02', nameVi: 'Nghỉ thử' }] },
        },
      },
      { publicHolidays: () => [] },
    );
    expect(describeNonWorkingDay('2031-01-02', cal)).toBe('Nghỉ thử');
  });
});

describe('parseWorkingDaysConfig', () => {
  it('rejects what is not an object of years', () => {
    expect(() => parseWorkingDaysConfig(null)).toThrow(WorkingDaysConfigError);
    expect(() => parseWorkingDaysConfig({ years: [] })).toThrow(/keyed by year/);
    expect(() => parseWorkingDaysConfig({ years: { '25': {} } })).toThrow(/four digits/);
  });

  it('rejects bad dates and ranges with the path of the mistake', () => {
    expect(() =>
      parseWorkingDaysConfig({
        years: { '2025': { daysOff: [{ from: '2025-02-30', nameVi: 'x' }] } },
      }),
    ).toThrow(/years\.2025\.daysOff\[0\]\.from/);
    expect(() =>
      parseWorkingDaysConfig({
        years: { '2025': { daysOff: [{ from: '2025-02-03', to: '2025-02-01', nameVi: 'x' }] } },
      }),
    ).toThrow(/after/);
    expect(() =>
      parseWorkingDaysConfig({
        years: { '2025': { daysOff: [{ from: '2025-01-01', to: '2025-12-31', nameVi: 'x' }] } },
      }),
    ).toThrow(/typo/);
    expect(() =>
      parseWorkingDaysConfig({ years: { '2025': { daysOff: [{ from: '2025-01-01' }] } } }),
    ).toThrow(/nameVi/);
    expect(() =>
      parseWorkingDaysConfig({ years: { '2025': { makeUpWorkingDays: [{ date: 'Saturday' }] } } }),
    ).toThrow(/makeUpWorkingDays\[0\]\.date/);
  });

  it('fills a missing "to" with "from"', () => {
    const cfg = parseWorkingDaysConfig({
      years: { '2025': { daysOff: [{ from: '2025-06-02', nameVi: 'Nghỉ' }] } },
    });
    expect(cfg.years['2025']!.daysOff).toEqual([
      { from: '2025-06-02', to: '2025-06-02', nameVi: 'Nghỉ' },
    ]);
  });
});
