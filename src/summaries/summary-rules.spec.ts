import { describe, expect, it } from '@jest/globals';
import {
  average,
  endOfDayUtc,
  judgeTarget,
  onTimeRate,
  percent,
  periodWindow,
  placeAndDateVi,
  sqlUtc,
  tally,
  zoneOffsetMinutes,
  type TargetInput,
} from './summary-rules.js';

const target = (o: Partial<TargetInput>): TargetInput => ({
  direction: 'at_least',
  value: 100,
  valueTo: null,
  unit: '%',
  annual: false,
  baseline: null,
  startOn: null,
  endOn: null,
  ...o,
});

describe('percent and average', () => {
  it('rounds to one decimal and refuses to divide by nothing', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(3, 4)).toBe(75);
    expect(percent(0, 5)).toBe(0);
    expect(percent(0, 0)).toBeNull();
    expect(average(59, 2)).toBe(29.5);
    expect(average(10, 3)).toBe(3.3);
    expect(average(0, 0)).toBeNull();
  });

  it('judges on-time rate only over tasks already done or overdue', () => {
    expect(onTimeRate({ onTimeDone: 1, lateDone: 1, overdueOpen: 1 })).toBe(33.3);
    expect(onTimeRate({ onTimeDone: 0, lateDone: 0, overdueOpen: 0 })).toBeNull();
    expect(onTimeRate({ onTimeDone: 4, lateDone: 0, overdueOpen: 0 })).toBe(100);
  });

  it('tallies categories into a total and rejects an unknown one', () => {
    expect(
      tally([
        { category: 'onTimeDone', n: 2 },
        { category: 'cancelled', n: 1 },
        { category: 'onTimeDone', n: 1 },
      ]),
    ).toEqual({
      total: 4,
      onTimeDone: 3,
      lateDone: 0,
      openInTerm: 0,
      overdueOpen: 0,
      cancelled: 1,
    });
    expect(() => tally([{ category: 'overdue', n: 1 }])).toThrow(/unknown summary category/);
  });
});

describe('as of the end of a day in the office zone', () => {
  it('is 17:00 UTC the same day in Hanoi', () => {
    expect(zoneOffsetMinutes('Asia/Ho_Chi_Minh', new Date('2026-03-24T12:00:00Z'))).toBe(420);
    expect(sqlUtc(endOfDayUtc('2026-03-24', 'Asia/Ho_Chi_Minh'))).toBe('2026-03-24 17:00:00.000');
    expect(sqlUtc(endOfDayUtc('2026-12-31', 'Asia/Ho_Chi_Minh'))).toBe('2026-12-31 17:00:00.000');
    expect(sqlUtc(endOfDayUtc('2024-02-29', 'UTC'))).toBe('2024-03-01 00:00:00.000');
  });

  it('follows daylight saving where a zone has it', () => {
    // Berlin: the day of the spring change has 23 hours; the next midnight is at +02:00.
    expect(endOfDayUtc('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(endOfDayUtc('2026-03-28', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
  });
});

describe('periods and the date line', () => {
  it('turns a period key into its window', () => {
    expect(periodWindow('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodWindow('2026-H1')).toMatchObject({
      from: '2026-01-01',
      to: '2026-06-30',
      labelVi: '6 tháng đầu năm 2026',
    });
    expect(periodWindow('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodWindow('2024-M02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodWindow('2026-H3')).toBeNull();
    expect(periodWindow('2026-Q0')).toBeNull();
    expect(periodWindow('26')).toBeNull();
  });

  it('writes place and date as a party document does', () => {
    expect(placeAndDateVi('Hà Giang', '2026-11-23')).toBe('Hà Giang, ngày 23 tháng 11 năm 2026');
    expect(placeAndDateVi('Lâm Đồng', '2026-02-05')).toBe('Lâm Đồng, ngày 05 tháng 02 năm 2026');
    expect(placeAndDateVi('Hà Giang', '2026-07-09')).toBe('Hà Giang, ngày 09 tháng 7 năm 2026');
  });
});

describe('on track, per direction', () => {
  const asOf = '2026-04-20';

  it('at_least and at_most are thresholds', () => {
    expect(judgeTarget(target({ direction: 'at_least', value: 90 }), 91, asOf).status).toBe('met');
    expect(judgeTarget(target({ direction: 'at_least', value: 90 }), 89, asOf)).toMatchObject({
      status: 'behind',
      onTrack: false,
    });
    expect(judgeTarget(target({ direction: 'at_most', value: 30 }), 30, asOf).status).toBe('met');
    expect(judgeTarget(target({ direction: 'at_most', value: 30 }), 31, asOf).status).toBe(
      'behind',
    );
  });

  it('reach is attained from below, or from above when the baseline is higher or the level 0', () => {
    expect(judgeTarget(target({ direction: 'reach', value: 90 }), 90, asOf).status).toBe('met');
    expect(judgeTarget(target({ direction: 'reach', value: 90 }), 80, asOf).status).toBe('behind');
    expect(judgeTarget(target({ direction: 'reach', value: 0, unit: 'hộ' }), 0, asOf).status).toBe(
      'met',
    );
    expect(judgeTarget(target({ direction: 'reach', value: 0, unit: 'hộ' }), 3, asOf).status).toBe(
      'behind',
    );
    const fromAbove = target({
      direction: 'reach',
      value: 10,
      baseline: { value: 25, year: 2025, unit: '%' },
    });
    expect(judgeTarget(fromAbove, 9, asOf).status).toBe('met');
  });

  it('increase and decrease read the reported value as the change achieved', () => {
    const poverty = target({ direction: 'decrease', value: 4, annual: true });
    expect(judgeTarget(poverty, 4.2, asOf).status).toBe('met');
    expect(judgeTarget(poverty, 3.5, asOf).status).toBe('behind');
    const income = target({
      direction: 'increase',
      value: 2,
      unit: 'lần',
      baseline: { value: 9.5, year: 2020, unit: 'triệu đồng' },
    });
    // "tăng 2 lần so với 2020": the level to reach is 19 (million dong)
    expect(judgeTarget(income, 19, asOf)).toMatchObject({ status: 'met', expected: 19 });
    expect(judgeTarget(income, 12, asOf).status).toBe('behind');
  });

  it('a multi-year target is on track when ahead of the straight line to its end', () => {
    const housing = target({
      direction: 'at_least',
      value: 12000,
      unit: 'hộ',
      baseline: { value: 2000, year: 2025, unit: 'hộ' },
      startOn: '2025-12-31',
      endOn: '2030-12-31',
    });
    // halfway through the period the line is at 7 000
    const mid = judgeTarget(housing, 7100, '2028-07-01');
    expect(mid.status).toBe('on_track');
    expect(mid.expected).toBeCloseTo(2000 + (10000 * 913) / 1826, 3);
    expect(judgeTarget(housing, 6000, '2028-07-01').status).toBe('behind');
    // a decrease of 10 points over the period, 3 achieved after a third of it
    const decrease = target({
      direction: 'decrease',
      value: 10,
      startOn: '2026-01-01',
      endOn: '2029-01-01',
    });
    expect(judgeTarget(decrease, 3.5, '2027-01-01').status).toBe('on_track');
    expect(judgeTarget(decrease, 3, '2027-01-01').status).toBe('behind');
  });

  it('says when there is nothing to compare', () => {
    expect(judgeTarget(target({ value: null }), 5, asOf)).toEqual({
      status: 'not_measurable',
      onTrack: null,
      expected: null,
    });
    expect(judgeTarget(target({}), null, asOf)).toMatchObject({
      status: 'no_report',
      onTrack: null,
    });
  });
});
