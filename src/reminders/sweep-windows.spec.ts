import { describe, expect, it } from '@jest/globals';
import { addDays, compareDates } from '../common/dates.js';
import { loadReminderStagesConfig, stagesDue } from './reminder-stages.js';
import { stageOn, sweepWindows } from './sweep-windows.js';
import { createWorkingCalendar, loadWorkingDaysConfig } from './working-days.js';

const calendar = createWorkingCalendar(loadWorkingDaysConfig());
const config = loadReminderStagesConfig();

function stageOnDay(due: string, today: string): string | null {
  return stageOn(sweepWindows(today, calendar, config, 400), due)?.stage ?? null;
}

describe('sweepWindows', () => {
  it('a Tuesday deadline gets each stage on its own day', () => {
    const due = '2025-10-14';
    expect(stageOnDay(due, '2025-10-06')).toBeNull();
    expect(stageOnDay(due, '2025-10-07')).toBe('due_soon_7');
    expect(stageOnDay(due, '2025-10-13')).toBe('due_soon_1');
    expect(stageOnDay(due, '2025-10-14')).toBe('due_today');
    expect(stageOnDay(due, '2025-10-17')).toBe('overdue_3');
    expect(stageOnDay(due, '2025-10-24')).toBe('overdue_10');
  });

  it('a Saturday deadline: the day stage on Friday', () => {
    expect(stageOnDay('2025-10-18', '2025-10-16')).toBe('due_soon_7');
    expect(stageOnDay('2025-10-18', '2025-10-17')).toBe('due_today');
  });

  it('2 September 2025: the day stage on Friday 29/8', () => {
    expect(stageOnDay('2025-09-02', '2025-08-28')).toBe('due_soon_7');
    expect(stageOnDay('2025-09-02', '2025-08-29')).toBe('due_today');
    expect(stageOnDay('2025-09-02', '2025-09-05')).toBe('overdue_3');
  });

  it('agrees with stagesDue (the current stage) over two years of days', () => {
    for (
      let today = '2025-01-01';
      compareDates(today, '2026-12-31') <= 0;
      today = addDays(today, 5)
    ) {
      const windows = sweepWindows(today, calendar, config, 30);
      for (let delta = -20; delta <= 50; delta += 1) {
        const due = addDays(today, -delta);
        const expected = stagesDue(due, today, calendar, config).find((s) => s.current);
        const withinLookback = expected && compareDates(expected.firesOn, addDays(today, -30)) >= 0;
        expect(stageOn(windows, due)?.stage ?? null).toBe(withinLookback ? expected.stage : null);
      }
    }
  });

  it('drops stages that fired before the lookback', () => {
    expect(stageOn(sweepWindows('2025-10-14', calendar, config, 30), '2025-01-01')).toBeNull();
  });
});
