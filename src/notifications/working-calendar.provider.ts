import {
  loadReminderStagesConfig,
  type ReminderStagesConfig,
} from '../reminders/reminder-stages.js';
import {
  createWorkingCalendar,
  loadWorkingDaysConfig,
  type WorkingCalendar,
} from '../reminders/working-days.js';

/** The calendar and the stages, read once from config/ when the process starts. */
export class ReminderRules {
  readonly calendar: WorkingCalendar = createWorkingCalendar(loadWorkingDaysConfig());
  readonly stages: ReminderStagesConfig = loadReminderStagesConfig();
}
