import { describe, expect, it } from '@jest/globals';
import { loadReminderStagesConfig } from '../reminders/reminder-stages.js';
import { createWorkingCalendar, loadWorkingDaysConfig } from '../reminders/working-days.js';
import { renderDigest, renderMessage, type MessageInput } from './notification-message.js';

const ctx = {
  publicUrl: 'https://dondoc.example/',
  calendar: createWorkingCalendar(loadWorkingDaysConfig()),
  stages: loadReminderStagesConfig(),
};

const base: MessageInput = {
  id: '1',
  kind: 'due_today',
  stage: 'due_today',
  userName: 'Ban Tuyên giáo',
  taskId: 't-1',
  taskTitle: 'Triển khai Nghị quyết',
  documentNumber: '15-NQ/TU',
  documentTitle: 'Nghị quyết về chuyển đổi số',
  obligationLabel: 'Quý III/2025',
  dueOn: '2025-10-14',
  detail: null,
};

describe('renderMessage', () => {
  it('names the task, the document, the due date dd/mm/yyyy and the link', () => {
    const m = renderMessage(base, ctx);
    expect(m.subject).toBe('[Đôn đốc] Đến hạn báo cáo (14/10/2025): Triển khai Nghị quyết');
    expect(m.text).toContain('Văn bản: 15-NQ/TU – Nghị quyết về chuyển đổi số');
    expect(m.text).toContain('Hạn báo cáo: 14/10/2025 (thứ Ba)');
    expect(m.text).toContain('https://dondoc.example/tasks/t-1');
    expect(m.shiftNote).toBeNull();
  });

  it('says when the deadline is a day off and the reminder came earlier', () => {
    const m = renderMessage({ ...base, dueOn: '2025-09-02' }, ctx);
    expect(m.shiftNote).toBe(
      'Hạn báo cáo 02/09/2025 rơi vào ngày nghỉ (Quốc khánh); thông báo được gửi vào ngày làm việc liền trước, 29/08/2025.',
    );
    expect(m.text).toContain(m.shiftNote!);
  });

  it('says a Saturday deadline is a day off even on an early stage', () => {
    const m = renderMessage(
      { ...base, kind: 'due_soon', stage: 'due_soon_1', dueOn: '2025-10-18' },
      ctx,
    );
    expect(m.text).toContain('Hạn báo cáo 18/10/2025 rơi vào ngày nghỉ (thứ Bảy).');
  });
});

describe('renderDigest', () => {
  it('lists every item, numbered', () => {
    const d = renderDigest('A', '2025-10-14', [base, { ...base, kind: 'overdue' }], ctx.publicUrl);
    expect(d.subject).toBe('[Đôn đốc] Tổng hợp ngày 14/10/2025: 2 việc cần báo cáo');
    expect(d.text).toContain('1. Đến hạn báo cáo (14/10/2025)');
    expect(d.text).toContain('2. Quá hạn báo cáo (hạn 14/10/2025)');
  });
});
