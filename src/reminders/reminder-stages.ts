// When each reminder of a reporting obligation fires, and to whom.
//
// Decisions:
// - Offsets count calendar days from the nominal due date ("7 days before" means 7 days on
//   the wall calendar), then the firing day moves off a weekend or holiday.
// - Stages up to and including the due day move to the previous working day: a reminder that
//   fires on the Sunday before a Monday deadline reaches nobody, and a body told on Friday
//   still has a working day to report. The due date itself never moves; messages say that it
//   falls on a non-working day (dueNonWorkingReasonVi, shiftReasonVi).
// - Overdue stages move to the next working day, so an escalation never comes earlier than
//   the grace period it promises.
// - Several stages can land on the same working day (a Saturday deadline: due_soon_1 and
//   due_today both fire on Friday). stagesDue returns them all so the sweep's rows stay
//   complete; `current` marks the latest one, the only one worth delivering when several
//   arrive together.
//
// Stage names are stored in notification rows and in job ids (reminder:<id>:<stage>): never
// rename one that is in use.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays, compareDates, formatVi, type IsoDate } from '../common/dates.js';
import {
  describeNonWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type WorkingCalendar,
} from './working-days.js';

export const REMINDER_RECIPIENTS = ['lead', 'office', 'inspector'] as const;
export type ReminderRecipient = (typeof REMINDER_RECIPIENTS)[number];

export type StageShift = 'previous' | 'next' | 'none';

export interface ReminderStageDefinition {
  stage: string;
  offsetDays: number;
  recipients: ReminderRecipient[];
  escalationLevel: number;
  /** defaults: 'previous' when offsetDays <= 0, 'next' after the due date */
  shift?: StageShift;
}

export interface ReminderStagesConfig {
  _comment?: string;
  stages: ReminderStageDefinition[];
}

export const DEFAULT_REMINDER_STAGES: ReminderStagesConfig = {
  stages: [
    { stage: 'due_soon_7', offsetDays: -7, recipients: ['lead'], escalationLevel: 0 },
    { stage: 'due_soon_1', offsetDays: -1, recipients: ['lead'], escalationLevel: 0 },
    { stage: 'due_today', offsetDays: 0, recipients: ['lead'], escalationLevel: 0 },
    {
      stage: 'overdue_3',
      offsetDays: 3,
      recipients: ['lead', 'office', 'inspector'],
      escalationLevel: 1,
    },
    {
      stage: 'overdue_10',
      offsetDays: 10,
      recipients: ['lead', 'office', 'inspector'],
      escalationLevel: 2,
    },
  ],
};

export class ReminderStagesConfigError extends Error {
  constructor(message: string) {
    super(`config/reminder-stages.json: ${message}`);
    this.name = 'ReminderStagesConfigError';
  }
}

export function parseReminderStagesConfig(json: unknown): ReminderStagesConfig {
  const stages = (json as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages) || stages.length === 0)
    throw new ReminderStagesConfigError(
      'expected { "stages": [ { "stage", "offsetDays", "recipients", "escalationLevel" }, ... ] }',
    );
  const out: ReminderStageDefinition[] = [];
  for (const [i, raw] of stages.entries()) {
    const s = (raw ?? {}) as Partial<ReminderStageDefinition>;
    const where = `stages[${i}]`;
    if (typeof s.stage !== 'string' || !/^[a-z][a-z0-9_]*$/.test(s.stage))
      throw new ReminderStagesConfigError(
        `${where}.stage must be a snake_case name such as "due_soon_7"`,
      );
    if (!Number.isInteger(s.offsetDays) || Math.abs(s.offsetDays!) > 366)
      throw new ReminderStagesConfigError(
        `${where}.offsetDays must be a whole number of days between -366 and 366`,
      );
    if (
      !Array.isArray(s.recipients) ||
      s.recipients.length === 0 ||
      !s.recipients.every((r) => (REMINDER_RECIPIENTS as readonly string[]).includes(r))
    )
      throw new ReminderStagesConfigError(
        `${where}.recipients must list some of: ${REMINDER_RECIPIENTS.join(', ')}`,
      );
    const escalationLevel = s.escalationLevel ?? 0;
    if (!Number.isInteger(escalationLevel) || escalationLevel < 0)
      throw new ReminderStagesConfigError(`${where}.escalationLevel must be 0, 1, 2…`);
    if (s.shift !== undefined && !['previous', 'next', 'none'].includes(s.shift))
      throw new ReminderStagesConfigError(`${where}.shift must be "previous", "next" or "none"`);
    if (out.some((o) => o.stage === s.stage))
      throw new ReminderStagesConfigError(`${where}: stage "${s.stage}" is listed twice`);
    if (out.some((o) => o.offsetDays === s.offsetDays))
      throw new ReminderStagesConfigError(
        `${where}: two stages at offset ${s.offsetDays}; merge them`,
      );
    out.push({
      stage: s.stage,
      offsetDays: s.offsetDays!,
      recipients: [...new Set(s.recipients)],
      escalationLevel,
      ...(s.shift ? { shift: s.shift } : {}),
    });
  }
  out.sort((a, b) => a.offsetDays - b.offsetDays);
  return { stages: out };
}

export function loadReminderStagesConfig(
  path = 'config/reminder-stages.json',
): ReminderStagesConfig {
  return parseReminderStagesConfig(JSON.parse(readFileSync(resolve(process.cwd(), path), 'utf8')));
}

export interface StageFiring {
  stage: string;
  offsetDays: number;
  /** dueOn + offsetDays */
  nominalDate: IsoDate;
  /** the working day the reminder goes out */
  firesOn: IsoDate;
  /** the nominal date when it was moved, else null */
  shiftedFrom: IsoDate | null;
  /** why it was moved: 'thứ Bảy', 'Chủ nhật', a holiday's name; null when not moved */
  shiftReason: string | null;
  /** a sentence for the notification, null when not moved */
  shiftNoteVi: string | null;
  recipients: ReminderRecipient[];
  escalationLevel: number;
}

function defaultShift(def: ReminderStageDefinition): StageShift {
  return def.shift ?? (def.offsetDays <= 0 ? 'previous' : 'next');
}

function findStage(stage: string, config: ReminderStagesConfig): ReminderStageDefinition {
  const def = config.stages.find((s) => s.stage === stage);
  if (!def)
    throw new Error(
      `Unknown reminder stage "${stage}"; configured stages: ${config.stages.map((s) => s.stage).join(', ')}`,
    );
  return def;
}

function fire(
  dueOn: IsoDate,
  def: ReminderStageDefinition,
  calendar: WorkingCalendar,
): StageFiring {
  const nominalDate = addDays(dueOn, def.offsetDays);
  const shift = defaultShift(def);
  const firesOn =
    shift === 'previous'
      ? workingDayOnOrBefore(nominalDate, calendar)
      : shift === 'next'
        ? workingDayOnOrAfter(nominalDate, calendar)
        : nominalDate;
  const moved = firesOn !== nominalDate;
  const reason = moved ? describeNonWorkingDay(nominalDate, calendar) : null;
  let note: string | null = null;
  if (moved) {
    const subject =
      def.offsetDays === 0
        ? `Hạn báo cáo ${formatVi(dueOn)}`
        : `Ngày nhắc ${formatVi(nominalDate)}`;
    const direction = shift === 'previous' ? 'liền trước' : 'liền sau';
    note = `${subject} rơi vào ngày nghỉ (${reason}); thông báo được gửi vào ngày làm việc ${direction}, ${formatVi(firesOn)}.`;
  }
  return {
    stage: def.stage,
    offsetDays: def.offsetDays,
    nominalDate,
    firesOn,
    shiftedFrom: moved ? nominalDate : null,
    shiftReason: reason,
    shiftNoteVi: note,
    recipients: [...def.recipients],
    escalationLevel: def.escalationLevel,
  };
}

/** The day one stage of a due date fires. */
export function stageDate(
  dueOn: IsoDate,
  stage: string,
  calendar: WorkingCalendar,
  config: ReminderStagesConfig = DEFAULT_REMINDER_STAGES,
): StageFiring {
  return fire(dueOn, findStage(stage, config), calendar);
}

export interface StageSchedule {
  dueOn: IsoDate;
  /** set when the deadline itself is a weekend or holiday, so messages can say so */
  dueNonWorkingReason: string | null;
  /** every stage, earliest offset first */
  stages: StageFiring[];
}

export function stageSchedule(
  dueOn: IsoDate,
  calendar: WorkingCalendar,
  config: ReminderStagesConfig = DEFAULT_REMINDER_STAGES,
): StageSchedule {
  return {
    dueOn,
    dueNonWorkingReason: describeNonWorkingDay(dueOn, calendar),
    stages: [...config.stages]
      .sort((a, b) => a.offsetDays - b.offsetDays)
      .map((d) => fire(dueOn, d, calendar)),
  };
}

export type DueStage = StageFiring & {
  /** the latest stage that has come; earlier ones arriving with it are stale */
  current: boolean;
};

/** The stages whose firing day has come (firesOn <= today). */
export function stagesDue(
  dueOn: IsoDate,
  today: IsoDate,
  calendar: WorkingCalendar,
  config: ReminderStagesConfig = DEFAULT_REMINDER_STAGES,
): DueStage[] {
  const due = stageSchedule(dueOn, calendar, config).stages.filter(
    (s) => compareDates(s.firesOn, today) <= 0,
  );
  return due.map((s, i) => ({ ...s, current: i === due.length - 1 }));
}

/**
 * The notification kind (as in the design: due soon, due today, overdue, escalation) one
 * recipient of a stage receives: the lead hears "overdue", the office and the inspector
 * hear "escalation".
 */
export function notificationKind(
  firing: Pick<StageFiring, 'offsetDays' | 'escalationLevel'>,
  recipient: ReminderRecipient,
): 'due_soon' | 'due_today' | 'overdue' | 'escalation' {
  if (firing.offsetDays < 0) return 'due_soon';
  if (firing.offsetDays === 0) return 'due_today';
  return recipient !== 'lead' && firing.escalationLevel > 0 ? 'escalation' : 'overdue';
}
