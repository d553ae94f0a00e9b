// Which due dates each reminder stage covers on a given day, so the sweep can select
// obligations with plain date ranges in SQL instead of asking the calendar row by row.
//
// The firing day of a stage is monotone in the due date (a later deadline never fires
// earlier), so "the stage has come by today" is `due_on <= lastDue(stage, today)`. An
// obligation gets the latest stage that has come (stagesDue's `current`): earlier stages that
// arrive together, or that a stopped sweep missed, are stale and not sent. Stages that fired
// more than `lookbackDays` ago are not created at all, so a document published late does not
// bring months of escalations at once.

import { addDays, compareDates, type IsoDate } from '../common/dates.js';
import {
  DEFAULT_REMINDER_STAGES,
  stageDate,
  type ReminderStagesConfig,
  type StageFiring,
} from './reminder-stages.js';
import type { WorkingCalendar } from './working-days.js';

export interface SweepWindow {
  stage: string;
  /** inclusive due-date range this stage covers today; empty when from > to */
  dueFrom: IsoDate;
  dueTo: IsoDate;
  recipients: StageFiring['recipients'];
  escalationLevel: number;
  offsetDays: number;
}

// Longer than any shift the calendar can make (its own search stops at 60 days).
const SEARCH_SLACK_DAYS = 75;

/** The last due date whose `stage` fires on or before `day`. */
export function lastDueFiringBy(
  stage: string,
  offsetDays: number,
  day: IsoDate,
  calendar: WorkingCalendar,
  config: ReminderStagesConfig,
): IsoDate {
  let due = addDays(day, -offsetDays + SEARCH_SLACK_DAYS);
  for (let i = 0; i < 3 * SEARCH_SLACK_DAYS; i++, due = addDays(due, -1)) {
    if (compareDates(stageDate(due, stage, calendar, config).firesOn, day) <= 0) return due;
  }
  throw new Error(`No due date fires stage ${stage} by ${day}: check config/working-days.json`);
}

export function sweepWindows(
  today: IsoDate,
  calendar: WorkingCalendar,
  config: ReminderStagesConfig = DEFAULT_REMINDER_STAGES,
  lookbackDays = 30,
): SweepWindow[] {
  const stages = [...config.stages].sort((a, b) => a.offsetDays - b.offsetDays);
  const firstMissed = addDays(today, -lookbackDays - 1);
  return stages.map((s, i) => {
    const dueTo = lastDueFiringBy(s.stage, s.offsetDays, today, calendar, config);
    const next = stages[i + 1];
    const afterNext = next
      ? addDays(lastDueFiringBy(next.stage, next.offsetDays, today, calendar, config), 1)
      : null;
    const afterLookback = addDays(
      lastDueFiringBy(s.stage, s.offsetDays, firstMissed, calendar, config),
      1,
    );
    const dueFrom =
      afterNext && compareDates(afterNext, afterLookback) > 0 ? afterNext : afterLookback;
    return {
      stage: s.stage,
      dueFrom,
      dueTo,
      recipients: [...s.recipients],
      escalationLevel: s.escalationLevel,
      offsetDays: s.offsetDays,
    };
  });
}

/** The stage a due date is in today (the window holding it), or null. */
export function stageOn(windows: readonly SweepWindow[], dueOn: IsoDate): SweepWindow | null {
  return (
    windows.find((w) => compareDates(w.dueFrom, dueOn) <= 0 && compareDates(dueOn, w.dueTo) <= 0) ??
    null
  );
}
