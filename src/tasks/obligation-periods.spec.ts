import { describe, it, expect } from '@jest/globals';
import {
  DEFAULT_REPORTING_CALENDAR,
  ReportingCalendarError,
  effectiveCadence,
  loadReportingCalendar,
  obligationPeriods,
  parsePeriodKey,
  parseReportingCalendar,
  type ObligationInput,
  type ReportingCalendar,
} from './obligation-periods.js';

const calendar = loadReportingCalendar();

function plan(input: Partial<ObligationInput>, cal: ReportingCalendar = calendar, max?: number) {
  return obligationPeriods(
    {
      cadence: 'none',
      period: null,
      issuedOn: '2021-11-05',
      deadlines: [],
      milestones: [],
      ...input,
    },
    cal,
    max === undefined ? {} : { maxObligations: max },
  );
}

const keys = (p: ReturnType<typeof plan>) => p.obligations.map((o) => o.periodKey);

describe('the shipped calendar', () => {
  it('validates and matches the built-in defaults', () => {
    expect(calendar).toEqual(DEFAULT_REPORTING_CALENDAR);
  });
});

describe('explicit deadlines', () => {
  it('make one obligation each and nothing periodic (cadence once, as in the Đam Rông letter)', () => {
    const p = plan({ cadence: 'once', deadlines: ['2021-12-03'] });
    expect(p.obligations).toEqual([
      {
        periodKey: 'deadline-2021-12-03',
        kind: 'deadline',
        dueOn: '2021-12-03',
        periodStart: '2021-11-05',
        periodEnd: '2021-12-03',
        labelVi: 'Báo cáo theo hạn 03/12/2021',
      },
    ]);
    expect(p).toMatchObject({ capped: false, total: 1, notes: [] });
  });

  it('cadence none with deadlines gives just the deadlines, sorted and deduplicated', () => {
    const p = plan({ deadlines: ['2022-06-30', '2021-12-31', '2022-06-30'] });
    expect(keys(p)).toEqual(['deadline-2021-12-31', 'deadline-2022-06-30']);
  });

  it('adds periodic reports when a cadence is also given', () => {
    const p = plan({
      cadence: 'quarterly',
      deadlines: ['2021-12-31'],
      period: { from: 2021, to: 2022 },
    });
    expect(keys(p)).toEqual([
      '2021-Q4',
      'deadline-2021-12-31',
      '2022-Q1',
      '2022-Q2',
      '2022-Q3',
      '2022-Q4',
    ]);
  });

  it('keeps a deadline before the issue date, with a note to check it', () => {
    const p = plan({ deadlines: ['2021-10-01'] });
    expect(keys(p)).toEqual(['deadline-2021-10-01']);
    expect(p.obligations[0]!.periodStart).toBe('2021-10-01');
    expect(p.notes.map((n) => n.code)).toEqual(['deadline_before_issue']);
  });

  it('rejects an invalid deadline', () => {
    expect(() => plan({ deadlines: ['2021-02-30'] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('once and none', () => {
  it('once with no deadline is one report N days after issue', () => {
    const p = plan({ cadence: 'once' });
    expect(p.obligations).toEqual([
      {
        periodKey: 'deadline-2021-12-05',
        kind: 'deadline',
        dueOn: '2021-12-05',
        periodStart: '2021-11-05',
        periodEnd: '2021-12-05',
        labelVi: 'Báo cáo (hạn 05/12/2021, 30 ngày kể từ ngày ban hành)',
      },
    ]);
  });

  it('none with no deadline and no milestones owes nothing', () => {
    expect(plan({ cadence: 'none', period: { from: 2021, to: 2025 } })).toEqual({
      obligations: [],
      capped: false,
      total: 0,
      notes: [],
    });
  });

  it('none with milestones owes just the milestones', () => {
    const p = plan({
      cadence: 'none',
      period: { from: 2021, to: 2025 },
      milestones: ['final_review'],
    });
    expect(keys(p)).toEqual(['final-2025']);
  });
});

describe('periodic cadences over the document period', () => {
  it('quarterly 2021–2025 issued 5/11/2021 starts with Q4 2021, due 15th of the last month', () => {
    const p = plan({ cadence: 'quarterly', period: { from: 2021, to: 2025 } });
    expect(p.obligations).toHaveLength(17);
    expect(p.obligations[0]).toEqual({
      periodKey: '2021-Q4',
      kind: 'periodic',
      dueOn: '2021-12-15',
      periodStart: '2021-10-01',
      periodEnd: '2021-12-31',
      labelVi: 'Báo cáo quý IV/2021',
    });
    expect(p.obligations[1]).toMatchObject({
      periodKey: '2022-Q1',
      dueOn: '2022-03-15',
      labelVi: 'Báo cáo quý I/2022',
    });
    expect(p.obligations.at(-1)).toMatchObject({
      periodKey: '2025-Q4',
      dueOn: '2025-12-15',
      periodEnd: '2025-12-31',
    });
  });

  it('semiannual: 15/06 and 15/12, labelled first and last six months', () => {
    const p = plan({ cadence: 'semiannual', period: { from: 2022, to: 2023 } });
    expect(
      p.obligations.map((o) => [o.periodKey, o.dueOn, o.periodStart, o.periodEnd, o.labelVi]),
    ).toEqual([
      ['2022-H1', '2022-06-15', '2022-01-01', '2022-06-30', 'Báo cáo 6 tháng đầu năm 2022'],
      ['2022-H2', '2022-12-15', '2022-07-01', '2022-12-31', 'Báo cáo 6 tháng cuối năm 2022'],
      ['2023-H1', '2023-06-15', '2023-01-01', '2023-06-30', 'Báo cáo 6 tháng đầu năm 2023'],
      ['2023-H2', '2023-12-15', '2023-07-01', '2023-12-31', 'Báo cáo 6 tháng cuối năm 2023'],
    ]);
  });

  it('annual: one per year from the issue year', () => {
    const p = plan({ cadence: 'annual', period: { from: 2021, to: 2025 } });
    expect(keys(p)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(p.obligations[0]).toMatchObject({
      dueOn: '2021-12-15',
      periodStart: '2021-01-01',
      labelVi: 'Báo cáo năm 2021',
    });
  });

  it('monthly: from the issue month, keys padded', () => {
    const p = plan({ cadence: 'monthly', period: { from: 2021, to: 2022 } });
    expect(p.obligations).toHaveLength(14);
    expect(p.obligations[0]).toMatchObject({
      periodKey: '2021-M11',
      dueOn: '2021-11-20',
      periodStart: '2021-11-01',
      periodEnd: '2021-11-30',
      labelVi: 'Báo cáo tháng 11/2021',
    });
    expect(p.obligations[2]).toMatchObject({
      periodKey: '2022-M01',
      dueOn: '2022-01-20',
      periodEnd: '2022-01-31',
    });
  });

  it('skips a period whose due date is already past at issue, even if the period is still running', () => {
    // Issued 20/12/2021: Q4 2021 ends after that, but its report was due on 15/12.
    const p = plan({
      issuedOn: '2021-12-20',
      cadence: 'quarterly',
      period: { from: 2021, to: 2022 },
    });
    expect(keys(p)[0]).toBe('2022-Q1');
  });

  it('a document issued before its period starts reports from the first period', () => {
    const p = plan({
      issuedOn: '2020-11-20',
      cadence: 'semiannual',
      period: { from: 2021, to: 2021 },
    });
    expect(keys(p)).toEqual(['2021-H1', '2021-H2']);
  });

  it('a document issued after its period ends owes no periodic reports', () => {
    const p = plan({
      issuedOn: '2026-03-01',
      cadence: 'quarterly',
      period: { from: 2021, to: 2025 },
    });
    expect(p.obligations).toEqual([]);
  });

  it('periodic with no stated frequency uses the configured default (semiannual)', () => {
    expect(effectiveCadence('periodic', calendar)).toBe('semiannual');
    const p = plan({ cadence: 'periodic', period: { from: 2022, to: 2022 } });
    expect(keys(p)).toEqual(['2022-H1', '2022-H2']);
    const quarterlyDefault = { ...calendar, periodicDefault: 'quarterly' as const };
    expect(
      keys(plan({ cadence: 'periodic', period: { from: 2022, to: 2022 } }, quarterlyDefault)),
    ).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
  });

  it('honours other calendars: a report after the quarter, day clamped to the month', () => {
    const after = {
      ...calendar,
      quarterly: { monthOffset: 3, day: 5 },
      monthly: { dayOfMonth: 31 },
    };
    const q = plan(
      { issuedOn: '2022-01-01', cadence: 'quarterly', period: { from: 2022, to: 2022 } },
      after,
    );
    expect(q.obligations.map((o) => o.dueOn)).toEqual([
      '2022-04-05',
      '2022-07-05',
      '2022-10-05',
      '2023-01-05',
    ]);
    const m = plan(
      { issuedOn: '2022-01-01', cadence: 'monthly', period: { from: 2022, to: 2022 } },
      after,
    );
    expect(m.obligations[1]).toMatchObject({ periodKey: '2022-M02', dueOn: '2022-02-28' });
  });
});

describe('periods without an end or a start', () => {
  it('đến năm 2030 (no from): from the issue year to 2030', () => {
    const p = plan({ issuedOn: '2023-03-10', cadence: 'annual', period: { from: null, to: 2030 } });
    expect(keys(p)).toEqual(['2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    expect(p.notes).toEqual([]);
  });

  it('no period at all: openEndedYears years from the issue year, with a note', () => {
    const p = plan({ issuedOn: '2023-03-10', cadence: 'semiannual', period: null });
    expect(keys(p)).toEqual(['2023-H1', '2023-H2', '2024-H1', '2024-H2']);
    expect(p.notes.map((n) => n.code)).toEqual(['open_ended']);
    expect(p.notes[0]!.messageVi).toContain('2024');
  });

  it('a reversed period is read the right way round, with a note', () => {
    const p = plan({ issuedOn: '2022-01-01', cadence: 'annual', period: { from: 2023, to: 2022 } });
    expect(keys(p)).toEqual(['2022', '2023']);
    expect(p.notes.map((n) => n.code)).toEqual(['period_reversed']);
  });
});

describe('milestones', () => {
  it('sơ kết in the middle year, tổng kết in the last year (Hà Giang 2021–2025)', () => {
    const p = plan({
      issuedOn: '2021-11-05',
      cadence: 'none',
      period: { from: 2021, to: 2025 },
      milestones: ['midterm_review', 'final_review'],
    });
    expect(p.obligations).toEqual([
      {
        periodKey: 'midterm-2023',
        kind: 'midterm_review',
        dueOn: '2023-06-30',
        periodStart: '2021-11-05',
        periodEnd: '2023-06-30',
        labelVi: 'Báo cáo sơ kết giữa giai đoạn 2021–2025 (năm 2023)',
      },
      {
        periodKey: 'final-2025',
        kind: 'final_review',
        dueOn: '2025-11-30',
        periodStart: '2021-11-05',
        periodEnd: '2025-12-31',
        labelVi: 'Báo cáo tổng kết giai đoạn 2021–2025',
      },
    ]);
  });

  it('periodic with milestones over 2021–2030, as in the Lâm Đồng draft published 10/01/2022', () => {
    const p = plan({
      issuedOn: '2022-01-10',
      cadence: 'periodic',
      period: { from: 2021, to: 2030 },
      milestones: ['midterm_review', 'final_review'],
    });
    expect(p.obligations).toHaveLength(20);
    expect(keys(p).slice(0, 2)).toEqual(['2022-H1', '2022-H2']);
    expect(keys(p)).toContain('midterm-2025');
    expect(p.obligations.find((o) => o.kind === 'midterm_review')!.dueOn).toBe('2025-06-30');
    expect(keys(p).at(-1)).toBe('2030-H2');
    expect(keys(p).at(-2)).toBe('final-2030');
    // sorted by due date throughout
    const dues = p.obligations.map((o) => o.dueOn);
    expect([...dues].sort()).toEqual(dues);
  });

  it('without a document period: no milestone, and a note asking for the dates', () => {
    const p = plan({ cadence: 'none', period: null, milestones: ['final_review'] });
    expect(p.obligations).toEqual([]);
    expect(p.notes.map((n) => n.code)).toEqual(['milestones_without_period']);
  });

  it('a milestone already past at issue is dropped with a note', () => {
    const p = plan({
      issuedOn: '2024-01-15',
      period: { from: 2021, to: 2025 },
      milestones: ['midterm_review', 'final_review'],
    });
    expect(keys(p)).toEqual(['final-2025']);
    expect(p.notes.map((n) => n.code)).toEqual(['milestone_before_issue']);
  });

  it('a one-year period has both in that year', () => {
    const p = plan({
      issuedOn: '2025-01-02',
      period: { from: 2025, to: 2025 },
      milestones: ['midterm_review', 'final_review'],
    });
    expect(p.obligations.map((o) => [o.periodKey, o.dueOn])).toEqual([
      ['midterm-2025', '2025-06-30'],
      ['final-2025', '2025-11-30'],
    ]);
  });
});

describe('ordering and the cap', () => {
  it('puts a deadline before a periodic report due the same day', () => {
    const p = plan({
      cadence: 'quarterly',
      period: { from: 2022, to: 2022 },
      issuedOn: '2022-01-01',
      deadlines: ['2022-03-15'],
    });
    expect(keys(p).slice(0, 2)).toEqual(['deadline-2022-03-15', '2022-Q1']);
  });

  it('caps at the configured maximum and says so', () => {
    const p = plan({
      issuedOn: '2021-01-01',
      cadence: 'monthly',
      period: { from: 2021, to: 2040 },
    });
    expect(p.total).toBe(240);
    expect(p.capped).toBe(true);
    expect(p.obligations).toHaveLength(200);
    expect(keys(p).at(-1)).toBe('2037-M08');
    expect(p.notes.map((n) => n.code)).toEqual(['capped']);
    expect(p.notes[0]!.messageVi).toContain('240');
  });

  it('a caller may set a lower cap', () => {
    const p = plan(
      { issuedOn: '2021-01-01', cadence: 'quarterly', period: { from: 2021, to: 2025 } },
      calendar,
      3,
    );
    expect(keys(p)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3']);
    expect(p).toMatchObject({ capped: true, total: 20 });
  });
});

describe('parsePeriodKey', () => {
  it('reads every kind of key back', () => {
    expect(parsePeriodKey('2022-M03')).toEqual({
      kind: 'periodic',
      cadence: 'monthly',
      year: 2022,
      index: 2,
    });
    expect(parsePeriodKey('2022-Q3')).toEqual({
      kind: 'periodic',
      cadence: 'quarterly',
      year: 2022,
      index: 2,
    });
    expect(parsePeriodKey('2022-H1')).toEqual({
      kind: 'periodic',
      cadence: 'semiannual',
      year: 2022,
      index: 0,
    });
    expect(parsePeriodKey('2022')).toEqual({
      kind: 'periodic',
      cadence: 'annual',
      year: 2022,
      index: 0,
    });
    expect(parsePeriodKey('deadline-2021-12-03')).toEqual({ kind: 'deadline', date: '2021-12-03' });
    expect(parsePeriodKey('midterm-2023')).toEqual({ kind: 'midterm_review', year: 2023 });
    expect(parsePeriodKey('final-2025')).toEqual({ kind: 'final_review', year: 2025 });
  });

  it.each(['2022-Q5', '2022-M13', '2022-M3', '2022-H3', 'deadline-2021-02-30', 'Q3-2022', ''])(
    'rejects %j',
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
    },
  );

  it('round-trips every key the planner makes', () => {
    const p = plan({
      cadence: 'monthly',
      period: { from: 2021, to: 2023 },
      deadlines: ['2021-12-03'],
      milestones: ['midterm_review', 'final_review'],
    });
    for (const o of p.obligations) expect(parsePeriodKey(o.periodKey)).not.toBeNull();
  });
});

describe('parseReportingCalendar', () => {
  it('fills the optional fields', () => {
    const { openEndedYears, maxObligations, ...required } = DEFAULT_REPORTING_CALENDAR;
    void openEndedYears;
    void maxObligations;
    const parsed = parseReportingCalendar({ ...required, monthly: { dayOfMonth: 20 } });
    expect(parsed).toEqual(DEFAULT_REPORTING_CALENDAR);
  });

  it('rejects mistakes, naming the field', () => {
    const bad = (patch: Record<string, unknown>) => () =>
      parseReportingCalendar({ ...DEFAULT_REPORTING_CALENDAR, ...patch });
    expect(() => parseReportingCalendar(null)).toThrow(ReportingCalendarError);
    expect(bad({ quarterly: { monthOffset: 2, day: 32 } })).toThrow(/quarterly\.day/);
    expect(bad({ annual: { month: 13, day: 1 } })).toThrow(/annual\.month/);
    expect(bad({ periodicDefault: 'weekly' })).toThrow(/periodicDefault/);
    expect(bad({ once: { daysAfterIssue: 0 } })).toThrow(/once\.daysAfterIssue/);
    expect(bad({ midterm: 'June' })).toThrow(/"midterm" must be an object/);
    expect(bad({ maxObligations: 0 })).toThrow(/maxObligations/);
  });
});
