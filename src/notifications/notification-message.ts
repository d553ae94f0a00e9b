// What a person reads: Vietnamese subject and body of one notification, rendered when it is
// delivered (payloads and rows carry ids only, so a renamed task shows its current title).

import { formatVi, weekdayVi } from '../common/dates.js';
import { stageDate, type ReminderStagesConfig } from '../reminders/reminder-stages.js';
import { describeNonWorkingDay, type WorkingCalendar } from '../reminders/working-days.js';

export interface MessageInput {
  id: string;
  kind: string;
  stage: string | null;
  userName: string;
  taskId: string | null;
  taskTitle: string | null;
  documentNumber: string | null;
  documentTitle: string | null;
  obligationLabel: string | null;
  dueOn: string | null;
  detail: string | null;
}

export interface RenderedMessage {
  subject: string;
  /** one line for the in-app list */
  title: string;
  text: string;
  link: string;
  /** the sentence saying the reminder moved off a weekend or holiday, if it did */
  shiftNote: string | null;
}

export interface RenderContext {
  publicUrl: string;
  calendar: WorkingCalendar;
  stages: ReminderStagesConfig;
}

const HEADLINE: Record<string, (due: string) => string> = {
  due_soon: (due) => `Sắp đến hạn báo cáo (${due})`,
  due_today: (due) => `Đến hạn báo cáo (${due})`,
  overdue: (due) => `Quá hạn báo cáo (hạn ${due})`,
  escalation: (due) => `Báo cáo quá hạn cần đôn đốc (hạn ${due})`,
  assigned: () => 'Nhiệm vụ mới được giao',
  returned: () => 'Báo cáo bị trả lại, cần bổ sung',
  verified: () => 'Nhiệm vụ đã được xác nhận hoàn thành',
  report: () => 'Có báo cáo tiến độ mới',
};

export function taskLink(publicUrl: string, taskId: string | null): string {
  const base = publicUrl.replace(/\/+$/, '');
  return taskId ? `${base}/tasks/${taskId}` : base;
}

export function documentName(number: string | null, title: string | null): string {
  return [number, title].filter((x) => x && x.trim()).join(' – ') || '(văn bản chưa có số)';
}

/** Why the reminder moved, and whether the deadline itself is a day off. */
function dayNotes(input: MessageInput, ctx: RenderContext): string[] {
  if (!input.dueOn) return [];
  const notes: string[] = [];
  if (input.stage) {
    try {
      const firing = stageDate(input.dueOn, input.stage, ctx.calendar, ctx.stages);
      if (firing.shiftNoteVi) notes.push(firing.shiftNoteVi);
    } catch {
      // A stage removed from the config since the row was made: no note, the rest still holds.
    }
  }
  const off = describeNonWorkingDay(input.dueOn, ctx.calendar);
  if (off && !notes.some((n) => n.startsWith(`Hạn báo cáo ${formatVi(input.dueOn!)}`))) {
    notes.push(`Hạn báo cáo ${formatVi(input.dueOn)} rơi vào ngày nghỉ (${off}).`);
  }
  return notes;
}

export function renderMessage(input: MessageInput, ctx: RenderContext): RenderedMessage {
  const due = input.dueOn ? formatVi(input.dueOn) : '';
  const headline = (HEADLINE[input.kind] ?? (() => 'Thông báo'))(due);
  const task = input.taskTitle ?? '(nhiệm vụ)';
  const link = taskLink(ctx.publicUrl, input.taskId);
  const notes = dayNotes(input, ctx);
  const lines = [
    `Kính gửi ${input.userName},`,
    '',
    `${headline}.`,
    '',
    `Nhiệm vụ: ${task}`,
    `Văn bản: ${documentName(input.documentNumber, input.documentTitle)}`,
  ];
  if (input.obligationLabel) lines.push(`Kỳ báo cáo: ${input.obligationLabel}`);
  if (input.dueOn) lines.push(`Hạn báo cáo: ${due} (${weekdayVi(input.dueOn)})`);
  if (input.detail) lines.push(`Ghi chú: ${input.detail}`);
  for (const note of notes) lines.push(note);
  lines.push(
    '',
    `Xem chi tiết: ${link}`,
    '',
    '—',
    'Hệ thống Đôn đốc (thư tự động, xin đừng trả lời).',
  );
  return {
    subject: `[Đôn đốc] ${headline}: ${task}`.slice(0, 250),
    title: `${headline}: ${task}`,
    text: lines.join('\n'),
    link,
    shiftNote: notes[0] ?? null,
  };
}

export interface DigestLine {
  kind: string;
  taskTitle: string | null;
  documentNumber: string | null;
  documentTitle: string | null;
  obligationLabel: string | null;
  dueOn: string | null;
  taskId: string | null;
}

export function renderDigest(
  userName: string,
  digestDate: string,
  items: DigestLine[],
  publicUrl: string,
): { subject: string; text: string } {
  const lines = [
    `Kính gửi ${userName},`,
    '',
    `Tổng hợp ngày ${formatVi(digestDate)}: ${items.length} việc đến hạn hoặc quá hạn báo cáo.`,
    '',
  ];
  items.forEach((item, i) => {
    const due = item.dueOn ? formatVi(item.dueOn) : '';
    const head = (HEADLINE[item.kind] ?? (() => 'Thông báo'))(due);
    lines.push(
      `${i + 1}. ${head}: ${item.taskTitle ?? '(nhiệm vụ)'}`,
      `   Văn bản: ${documentName(item.documentNumber, item.documentTitle)}`,
      ...(item.obligationLabel ? [`   Kỳ báo cáo: ${item.obligationLabel}`] : []),
      `   ${taskLink(publicUrl, item.taskId)}`,
      '',
    );
  });
  lines.push('—', 'Hệ thống Đôn đốc (thư tự động, xin đừng trả lời).');
  return {
    subject: `[Đôn đốc] Tổng hợp ngày ${formatVi(digestDate)}: ${items.length} việc cần báo cáo`,
    text: lines.join('\n'),
  };
}
