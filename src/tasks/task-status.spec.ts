import { describe, it, expect } from '@jest/globals';
import {
  ROLES,
  TASK_ACTIONS,
  TASK_RELATIONS,
  TASK_STATUSES,
  actionLabelVi,
  allowedActions,
  decideTransition,
  isTaskAction,
  isTaskStatus,
  isTerminalStatus,
  requiresReason,
  statusLabelVi,
  transitionTarget,
  type Role,
  type TaskAction,
  type TaskRelation,
  type TaskStatus,
} from './task-status.js';

const leadAgency = { role: 'agency', relation: 'lead' } as const;
const committeeOffice = { role: 'office', relation: 'committee' } as const;
const committeeInspector = { role: 'inspector', relation: 'committee' } as const;

describe('decideTransition: the happy path', () => {
  it('walks assigned → acknowledged → in_progress → submitted → verified', () => {
    const steps: Array<
      [TaskStatus, TaskAction, { role: Role; relation: TaskRelation }, TaskStatus]
    > = [
      ['assigned', 'acknowledge', leadAgency, 'acknowledged'],
      ['acknowledged', 'start', leadAgency, 'in_progress'],
      ['in_progress', 'submit', leadAgency, 'submitted'],
      ['submitted', 'verify', committeeInspector, 'verified'],
    ];
    for (const [status, action, who, to] of steps) {
      expect(decideTransition({ status, action, ...who })).toEqual({ allowed: true, to });
    }
  });

  it('walks submitted → returned → in_progress → submitted again', () => {
    expect(decideTransition({ status: 'submitted', action: 'return', ...committeeOffice })).toEqual(
      {
        allowed: true,
        to: 'returned',
      },
    );
    expect(decideTransition({ status: 'returned', action: 'start', ...leadAgency })).toEqual({
      allowed: true,
      to: 'in_progress',
    });
    expect(decideTransition({ status: 'in_progress', action: 'submit', ...leadAgency })).toEqual({
      allowed: true,
      to: 'submitted',
    });
  });

  it('lets the office of the committee verify as well as the inspector', () => {
    expect(decideTransition({ status: 'submitted', action: 'verify', ...committeeOffice })).toEqual(
      {
        allowed: true,
        to: 'verified',
      },
    );
    expect(
      decideTransition({ status: 'submitted', action: 'return', ...committeeInspector }),
    ).toEqual({
      allowed: true,
      to: 'returned',
    });
  });
});

describe('decideTransition: cancel', () => {
  it.each(['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'] as const)(
    'the office cancels a task that is %s',
    (status) => {
      expect(decideTransition({ status, action: 'cancel', ...committeeOffice })).toEqual({
        allowed: true,
        to: 'cancelled',
      });
    },
  );

  it.each(['verified', 'cancelled'] as const)(
    'refuses to cancel a %s task, on status',
    (status) => {
      const d = decideTransition({ status, action: 'cancel', ...committeeOffice });
      expect(d).toMatchObject({ allowed: false, reason: 'status', allowedActions: [] });
    },
  );

  it('refuses cancel to the inspector and to the lead agency, on role', () => {
    expect(
      decideTransition({ status: 'assigned', action: 'cancel', ...committeeInspector }),
    ).toMatchObject({
      allowed: false,
      reason: 'role',
    });
    expect(decideTransition({ status: 'assigned', action: 'cancel', ...leadAgency })).toMatchObject(
      {
        allowed: false,
        reason: 'role',
        allowedActions: ['acknowledge'],
      },
    );
  });
});

describe('decideTransition: refusals', () => {
  it('refuses on status with the actions allowed now and bilingual messages', () => {
    const d = decideTransition({ status: 'assigned', action: 'submit', ...leadAgency });
    expect(d.allowed).toBe(false);
    if (d.allowed) return;
    expect(d.reason).toBe('status');
    expect(d.allowedActions).toEqual(['acknowledge']);
    expect(d.messageVi).toContain('«Gửi báo cáo»');
    expect(d.messageVi).toContain('«Đã giao»');
    expect(d.messageVi).toContain('Tiếp nhận');
    expect(d.messageEn).toContain('Cannot submit a task that is assigned');
  });

  it('refuses acknowledge twice', () => {
    expect(
      decideTransition({ status: 'acknowledged', action: 'acknowledge', ...leadAgency }),
    ).toMatchObject({
      allowed: false,
      reason: 'status',
      allowedActions: ['start'],
    });
  });

  it('refuses verify before submit', () => {
    expect(
      decideTransition({ status: 'in_progress', action: 'verify', ...committeeInspector }),
    ).toMatchObject({
      allowed: false,
      reason: 'status',
      allowedActions: [],
    });
  });

  it('refuses start from in_progress (already started)', () => {
    expect(
      decideTransition({ status: 'in_progress', action: 'start', ...leadAgency }),
    ).toMatchObject({
      allowed: false,
      reason: 'status',
      allowedActions: ['submit'],
    });
  });

  it('refuses the lead agency verifying its own report, on role', () => {
    const d = decideTransition({ status: 'submitted', action: 'verify', ...leadAgency });
    expect(d).toMatchObject({ allowed: false, reason: 'role', allowedActions: [] });
    if (!d.allowed) expect(d.messageVi).toContain('không có quyền «Xác nhận hoàn thành»');
  });

  it.each(['coordinator', 'delegator', 'committee', 'none'] as const)(
    'refuses an agency that is %s, not lead, to acknowledge',
    (relation) => {
      expect(
        decideTransition({ status: 'assigned', action: 'acknowledge', role: 'agency', relation }),
      ).toMatchObject({
        allowed: false,
        reason: 'role',
      });
    },
  );

  it('refuses office and inspector outside the committee', () => {
    expect(
      decideTransition({
        status: 'submitted',
        action: 'verify',
        role: 'inspector',
        relation: 'none',
      }),
    ).toMatchObject({ allowed: false, reason: 'role' });
    expect(
      decideTransition({ status: 'assigned', action: 'cancel', role: 'office', relation: 'none' }),
    ).toMatchObject({
      allowed: false,
      reason: 'role',
    });
  });

  it('the office does not do the agency’s work even when it is the lead body', () => {
    expect(
      decideTransition({
        status: 'assigned',
        action: 'acknowledge',
        role: 'office',
        relation: 'lead',
      }),
    ).toMatchObject({
      allowed: false,
      reason: 'role',
    });
  });

  it('refuses every action to admin, whatever the status and relation, and says admins only read', () => {
    for (const status of TASK_STATUSES) {
      for (const action of TASK_ACTIONS) {
        for (const relation of TASK_RELATIONS) {
          const d = decideTransition({ status, action, role: 'admin', relation });
          expect(d).toMatchObject({ allowed: false, reason: 'role', allowedActions: [] });
          if (!d.allowed) {
            expect(d.messageVi).toContain('quản trị viên chỉ được xem');
            expect(d.messageEn).toContain('administrators only read');
          }
        }
      }
    }
  });
});

describe('allowedActions', () => {
  it('gives the lead agency one action per open status', () => {
    expect(allowedActions({ status: 'assigned', ...leadAgency })).toEqual(['acknowledge']);
    expect(allowedActions({ status: 'acknowledged', ...leadAgency })).toEqual(['start']);
    expect(allowedActions({ status: 'in_progress', ...leadAgency })).toEqual(['submit']);
    expect(allowedActions({ status: 'submitted', ...leadAgency })).toEqual([]);
    expect(allowedActions({ status: 'returned', ...leadAgency })).toEqual(['start']);
    expect(allowedActions({ status: 'verified', ...leadAgency })).toEqual([]);
  });

  it('gives the committee office verify, return and cancel on a submitted task', () => {
    expect(allowedActions({ status: 'submitted', ...committeeOffice })).toEqual([
      'verify',
      'return',
      'cancel',
    ]);
    expect(allowedActions({ status: 'submitted', ...committeeInspector })).toEqual([
      'verify',
      'return',
    ]);
    expect(allowedActions({ status: 'in_progress', ...committeeOffice })).toEqual(['cancel']);
  });

  it('agrees with decideTransition on every combination', () => {
    for (const status of TASK_STATUSES)
      for (const role of ROLES)
        for (const relation of TASK_RELATIONS) {
          const allowed = allowedActions({ status, role, relation });
          for (const action of TASK_ACTIONS) {
            const d = decideTransition({ status, action, role, relation });
            expect(d.allowed).toBe(allowed.includes(action));
            if (!d.allowed) expect(d.allowedActions).toEqual(allowed);
          }
        }
  });

  it('offers nothing on a terminal status to anyone', () => {
    for (const status of ['verified', 'cancelled'] as const)
      for (const role of ROLES)
        for (const relation of TASK_RELATIONS)
          expect(allowedActions({ status, role, relation })).toEqual([]);
  });
});

describe('helpers', () => {
  it('requires a reason to return and to cancel, and only then', () => {
    expect(TASK_ACTIONS.filter(requiresReason)).toEqual(['return', 'cancel']);
  });

  it('labels every status in Vietnamese', () => {
    expect(TASK_STATUSES.map(statusLabelVi)).toEqual([
      'Đã giao',
      'Đã tiếp nhận',
      'Đang thực hiện',
      'Đã báo cáo',
      'Trả lại để bổ sung',
      'Đã xác nhận hoàn thành',
      'Đã hủy',
    ]);
  });

  it('labels every action in Vietnamese', () => {
    for (const a of TASK_ACTIONS) expect(actionLabelVi(a).length).toBeGreaterThan(0);
    expect(actionLabelVi('return')).toBe('Trả lại để bổ sung');
  });

  it('knows the terminal statuses', () => {
    expect(TASK_STATUSES.filter(isTerminalStatus)).toEqual(['verified', 'cancelled']);
  });

  it('gives the target of an action regardless of who asks', () => {
    expect(transitionTarget('returned', 'start')).toBe('in_progress');
    expect(transitionTarget('verified', 'return')).toBeNull();
  });

  it('recognises statuses and actions from untrusted input', () => {
    expect(isTaskStatus('in_progress')).toBe(true);
    expect(isTaskStatus('overdue')).toBe(false);
    expect(isTaskAction('verify')).toBe(true);
    expect(isTaskAction('delete')).toBe(false);
    expect(isTaskAction(42)).toBe(false);
  });
});
