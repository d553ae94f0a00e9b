import { describe, it, expect } from '@jest/globals';
import {
  DEFAULT_REMINDER_STAGES,
  ReminderStagesConfigError,
  loadReminderStagesConfig,
  notificationKind,
  parseReminderStagesConfig,
  stageDate,
  stageSchedule,
  stagesDue,
  type ReminderStagesConfig,
} from './reminder-stages.js';
import { createWorkingCalendar, isWorkingDay, loadWorkingDaysConfig } from './working-days.js';

const calendar = createWorkingCalendar(loadWorkingDaysConfig());
const libraryOnly = createWorkingCalendar();

/** stage → firing day, for compact expectations */
function firingDays(dueOn: string, cal = calendar): Record<string, string> {
  return Object.fromEntries(stageSchedule(dueOn, cal).stages.map((s) => [s.stage, s.firesOn]));
}

describe('the shipped config', () => {
  it('matches the built-in defaults', () => {
    expect(loadReminderStagesConfig()).toEqual(DEFAULT_REMINDER_STAGES);
  });
});

describe('stageDate on a working-day deadline', () => {
  const due = '2025-10-14'; // a Tuesday

  it('fires each stage on its nominal day, unmoved', () => {
    expect(firingDays(due)).toEqual({
      due_soon_7: '2025-10-07',
      due_soon_1: '2025-10-13',
      due_today: '2025-10-14',
      overdue_3: '2025-10-17',
      overdue_10: '2025-10-24',
    });
    for (const s of stageSchedule(due, calendar).stages) {
      expect(s.shiftedFrom).toBeNull();
      expect(s.shiftReason).toBeNull();
      expect(s.shiftNoteVi).toBeNull();
    }
    expect(stageSchedule(due, calendar).dueNonWorkingReason).toBeNull();
  });

  it('names the recipients: the lead before, office and inspector on escalation', () => {
    expect(stageDate(due, 'due_soon_7', calendar).recipients).toEqual(['lead']);
    expect(stageDate(due, 'due_today', calendar).recipients).toEqual(['lead']);
    expect(stageDate(due, 'overdue_3', calendar)).toMatchObject({
      recipients: ['lead', 'office', 'inspector'],
      escalationLevel: 1,
    });
    expect(stageDate(due, 'overdue_10', calendar).escalationLevel).toBe(2);
  });

  it('refuses an unknown stage, listing the known ones', () => {
    expect(() => stageDate(due, 'overdue_30', calendar)).toThrow(
      /due_soon_7, due_soon_1, due_today, overdue_3, overdue_10/,
    );
  });
});

describe('stageDate on a Saturday deadline', () => {
  const due = '2025-10-18';

  it('moves the day stage to Friday and says why', () => {
    const today = stageDate(due, 'due_today', calendar);
    expect(today).toMatchObject({
      nominalDate: '2025-10-18',
      firesOn: '2025-10-17',
      shiftedFrom: '2025-10-18',
      shiftReason: 'thứ Bảy',
    });
    expect(today.shiftNoteVi).toBe(
      'Hạn báo cáo 18/10/2025 rơi vào ngày nghỉ (thứ Bảy); thông báo được gửi vào ngày làm việc liền trước, 17/10/2025.',
    );
    expect(stageSchedule(due, calendar).dueNonWorkingReason).toBe('thứ Bảy');
  });

  it('moves before-stages back and overdue stages forward', () => {
    expect(firingDays(due)).toEqual({
      due_soon_7: '2025-10-10', // nominal Saturday 11/10
      due_soon_1: '2025-10-17',
      due_today: '2025-10-17',
      overdue_3: '2025-10-21',
      overdue_10: '2025-10-28',
    });
    expect(stageDate(due, 'due_soon_7', calendar)).toMatchObject({
      shiftedFrom: '2025-10-11',
      shiftReason: 'thứ Bảy',
    });
    expect(stageDate(due, 'due_soon_1', calendar).shiftedFrom).toBeNull();
  });

  it('moves an overdue stage on a weekend to Monday and says so', () => {
    const s = stageDate('2025-10-15', 'overdue_3', calendar); // nominal Saturday 18/10
    expect(s).toMatchObject({
      firesOn: '2025-10-20',
      shiftedFrom: '2025-10-18',
      shiftReason: 'thứ Bảy',
    });
    expect(s.shiftNoteVi).toContain('liền sau, 20/10/2025');
  });
});

describe('stageDate on 2 September', () => {
  it('2025 (Tuesday; 1/9 also off by config): the day stage fires Friday 29/8', () => {
    expect(firingDays('2025-09-02')).toEqual({
      due_soon_7: '2025-08-26',
      due_soon_1: '2025-08-29',
      due_today: '2025-08-29',
      overdue_3: '2025-09-05',
      overdue_10: '2025-09-12',
    });
    expect(stageDate('2025-09-02', 'due_today', calendar)).toMatchObject({
      shiftedFrom: '2025-09-02',
      shiftReason: 'Quốc khánh',
    });
    expect(stageDate('2025-09-02', 'due_soon_1', calendar)).toMatchObject({
      shiftedFrom: '2025-09-01',
      shiftReason: 'Nghỉ lễ Quốc khánh',
    });
  });

  it('2025 without the config: only the library holiday, so Monday 1/9 is a working day', () => {
    expect(firingDays('2025-09-02', libraryOnly)).toMatchObject({
      due_soon_1: '2025-09-01',
      due_today: '2025-09-01',
    });
  });

  it('2026 (Wednesday; 1/9 also off): fires Monday 31/8, overdue stages move off the weekend', () => {
    expect(firingDays('2026-09-02')).toEqual({
      due_soon_7: '2026-08-26',
      due_soon_1: '2026-08-31',
      due_today: '2026-08-31',
      overdue_3: '2026-09-07',
      overdue_10: '2026-09-14',
    });
  });
});

describe('around Tết', () => {
  it('a deadline inside the 2025 break: the reminders come before it starts', () => {
    expect(firingDays('2025-01-31')).toEqual({
      due_soon_7: '2025-01-24',
      due_soon_1: '2025-01-24',
      due_today: '2025-01-24',
      overdue_3: '2025-02-03',
      overdue_10: '2025-02-10',
    });
    expect(stageDate('2025-01-31', 'due_today', calendar).shiftReason).toBe('Tết Nguyên Đán');
  });

  it('a deadline the Monday after the 2025 break: "1 day before" is the last day before Tết', () => {
    const s = stageDate('2025-02-03', 'due_soon_1', calendar);
    expect(s).toMatchObject({
      nominalDate: '2025-02-02',
      firesOn: '2025-01-24',
      shiftReason: 'Nghỉ Tết Nguyên Đán',
    });
  });

  it('an escalation that would fall in the break waits for the first working day after', () => {
    expect(stageDate('2025-01-24', 'overdue_3', calendar)).toMatchObject({
      nominalDate: '2025-01-27',
      firesOn: '2025-02-03',
    });
  });

  it('the make-up Saturday 15/02/2025 is a working day: no shift', () => {
    expect(stageDate('2025-02-15', 'due_today', calendar)).toMatchObject({
      firesOn: '2025-02-15',
      shiftedFrom: null,
    });
  });

  it('a deadline inside the 2026 break (Friday 20/02)', () => {
    expect(firingDays('2026-02-20')).toEqual({
      due_soon_7: '2026-02-13',
      due_soon_1: '2026-02-13',
      due_today: '2026-02-13',
      overdue_3: '2026-02-23',
      overdue_10: '2026-03-02',
    });
  });

  it('every firing day is a working day', () => {
    for (const due of [
      '2025-01-25',
      '2025-01-31',
      '2025-02-02',
      '2026-02-16',
      '2026-02-22',
      '2025-09-01',
      '2026-04-27',
    ])
      for (const s of stageSchedule(due, calendar).stages)
        expect(isWorkingDay(s.firesOn, calendar)).toBe(true);
  });
});

describe('stagesDue', () => {
  const due = '2025-10-18'; // Saturday

  it('is empty before the first stage', () => {
    expect(stagesDue(due, '2025-10-09', calendar)).toEqual([]);
  });

  it('includes a stage on its firing day', () => {
    const got = stagesDue(due, '2025-10-10', calendar);
    expect(got.map((s) => [s.stage, s.current])).toEqual([['due_soon_7', true]]);
  });

  it('brings two stages on the same Friday, the later one current', () => {
    const got = stagesDue(due, '2025-10-17', calendar);
    expect(got.map((s) => [s.stage, s.current])).toEqual([
      ['due_soon_7', false],
      ['due_soon_1', false],
      ['due_today', true],
    ]);
  });

  it('keeps the stages that came earlier, for a sweep that missed days', () => {
    expect(stagesDue(due, '2025-10-21', calendar).map((s) => s.stage)).toEqual([
      'due_soon_7',
      'due_soon_1',
      'due_today',
      'overdue_3',
    ]);
    expect(stagesDue(due, '2026-01-01', calendar)).toHaveLength(5);
  });

  it('goes by firing day, not nominal day: overdue_3 nominal Saturday waits until Monday', () => {
    const dueWed = '2025-10-15';
    expect(stagesDue(dueWed, '2025-10-18', calendar).map((s) => s.stage)).not.toContain(
      'overdue_3',
    );
    expect(stagesDue(dueWed, '2025-10-20', calendar).map((s) => s.stage)).toContain('overdue_3');
  });
});

describe('notificationKind', () => {
  it('maps stages and recipients to the design’s kinds', () => {
    const fire = (stage: string) => stageDate('2025-10-14', stage, calendar);
    expect(notificationKind(fire('due_soon_7'), 'lead')).toBe('due_soon');
    expect(notificationKind(fire('due_today'), 'lead')).toBe('due_today');
    expect(notificationKind(fire('overdue_3'), 'lead')).toBe('overdue');
    expect(notificationKind(fire('overdue_3'), 'office')).toBe('escalation');
    expect(notificationKind(fire('overdue_10'), 'inspector')).toBe('escalation');
    expect(notificationKind({ offsetDays: 2, escalationLevel: 0 }, 'office')).toBe('overdue');
  });
});

describe('custom configs', () => {
  it('honours shift "none" and sorts stages by offset', () => {
    const cfg: ReminderStagesConfig = parseReminderStagesConfig({
      stages: [
        { stage: 'late', offsetDays: 1, recipients: ['office'], shift: 'none' },
        { stage: 'early', offsetDays: -2, recipients: ['lead'] },
      ],
    });
    expect(cfg.stages.map((s) => s.stage)).toEqual(['early', 'late']);
    const s = stageDate('2025-10-17', 'late', calendar, cfg); // nominal Saturday
    expect(s).toMatchObject({ firesOn: '2025-10-18', shiftedFrom: null, escalationLevel: 0 });
  });

  it('rejects mistakes with the path and the fix', () => {
    const bad = (stages: unknown) => () => parseReminderStagesConfig({ stages });
    expect(() => parseReminderStagesConfig({})).toThrow(ReminderStagesConfigError);
    expect(bad([{ stage: 'Due Soon', offsetDays: -1, recipients: ['lead'] }])).toThrow(
      /snake_case/,
    );
    expect(bad([{ stage: 'x', offsetDays: 1.5, recipients: ['lead'] }])).toThrow(/whole number/);
    expect(bad([{ stage: 'x', offsetDays: 1, recipients: ['mayor'] }])).toThrow(
      /lead, office, inspector/,
    );
    expect(bad([{ stage: 'x', offsetDays: 1, recipients: [] }])).toThrow(/recipients/);
    expect(bad([{ stage: 'x', offsetDays: 1, recipients: ['lead'], shift: 'later' }])).toThrow(
      /shift/,
    );
    expect(
      bad([
        { stage: 'x', offsetDays: 1, recipients: ['lead'] },
        { stage: 'x', offsetDays: 2, recipients: ['lead'] },
      ]),
    ).toThrow(/twice/);
    expect(
      bad([
        { stage: 'x', offsetDays: 1, recipients: ['lead'] },
        { stage: 'y', offsetDays: 1, recipients: ['lead'] },
      ]),
    ).toThrow(/offset 1/);
  });
});
