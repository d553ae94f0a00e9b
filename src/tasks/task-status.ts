// The task state machine: which action moves a task where, and who may take it.
// Pure: the service resolves the caller's role and relation to the task, then asks here.
//
// Decisions (documented for the API):
// - admin manages users, the directory and settings; on tasks an admin only reads. Letting
//   an admin move tasks would blur who is accountable in the audit log.
// - A refusal names 'role' when this caller may never take this action on this task
//   (HTTP 403), and 'status' when it may, but not from the current status (HTTP 409).
// - The delegating body (relation 'delegator') reads its child tasks but neither verifies nor
//   returns them: verification stays with the committee's office and inspectors, as the
//   design says. Revisit if delegated bodies should be reviewed by their delegator.
// - cancel needs a reason, like return (API.md: "return and cancel need a reason").

export const TASK_STATUSES = [
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'returned',
  'verified',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  'acknowledge',
  'start',
  'submit',
  'verify',
  'return',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const ROLES = ['admin', 'office', 'agency', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const TASK_RELATIONS = ['lead', 'delegator', 'coordinator', 'committee', 'none'] as const;
export type TaskRelation = (typeof TASK_RELATIONS)[number];

export const TERMINAL_STATUSES: readonly TaskStatus[] = ['verified', 'cancelled'];

interface ActionRule {
  from: readonly TaskStatus[];
  to: TaskStatus;
  /** role and relation pairs allowed to take the action */
  by: ReadonlyArray<{ role: Role; relation: TaskRelation }>;
  requiresReason: boolean;
}

const NON_TERMINAL: readonly TaskStatus[] = TASK_STATUSES.filter(
  (s) => !TERMINAL_STATUSES.includes(s),
);

const LEAD_AGENCY = [{ role: 'agency', relation: 'lead' }] as const;
const COMMITTEE_REVIEWERS = [
  { role: 'inspector', relation: 'committee' },
  { role: 'office', relation: 'committee' },
] as const;

export const TRANSITION_RULES: Readonly<Record<TaskAction, ActionRule>> = {
  acknowledge: { from: ['assigned'], to: 'acknowledged', by: LEAD_AGENCY, requiresReason: false },
  start: {
    from: ['acknowledged', 'returned'],
    to: 'in_progress',
    by: LEAD_AGENCY,
    requiresReason: false,
  },
  submit: { from: ['in_progress'], to: 'submitted', by: LEAD_AGENCY, requiresReason: false },
  verify: { from: ['submitted'], to: 'verified', by: COMMITTEE_REVIEWERS, requiresReason: false },
  return: { from: ['submitted'], to: 'returned', by: COMMITTEE_REVIEWERS, requiresReason: true },
  cancel: {
    from: NON_TERMINAL,
    to: 'cancelled',
    by: [{ role: 'office', relation: 'committee' }],
    requiresReason: true,
  },
};

export const STATUS_LABEL_VI: Readonly<Record<TaskStatus, string>> = {
  assigned: 'Đã giao',
  acknowledged: 'Đã tiếp nhận',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã báo cáo',
  verified: 'Đã xác nhận hoàn thành',
  returned: 'Trả lại để bổ sung',
  cancelled: 'Đã hủy',
};

export const STATUS_LABEL_EN: Readonly<Record<TaskStatus, string>> = {
  assigned: 'assigned',
  acknowledged: 'acknowledged',
  in_progress: 'in progress',
  submitted: 'submitted',
  verified: 'verified',
  returned: 'returned for rework',
  cancelled: 'cancelled',
};

export const ACTION_LABEL_VI: Readonly<Record<TaskAction, string>> = {
  acknowledge: 'Tiếp nhận',
  start: 'Bắt đầu thực hiện',
  submit: 'Gửi báo cáo',
  verify: 'Xác nhận hoàn thành',
  return: 'Trả lại để bổ sung',
  cancel: 'Hủy nhiệm vụ',
};

const ACTION_LABEL_EN: Readonly<Record<TaskAction, string>> = {
  acknowledge: 'acknowledge',
  start: 'start',
  submit: 'submit',
  verify: 'verify',
  return: 'return',
  cancel: 'cancel',
};

export function statusLabelVi(status: TaskStatus): string {
  return STATUS_LABEL_VI[status];
}

export function actionLabelVi(action: TaskAction): string {
  return ACTION_LABEL_VI[action];
}

export function isTerminalStatus(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

export function isTaskAction(value: unknown): value is TaskAction {
  return typeof value === 'string' && (TASK_ACTIONS as readonly string[]).includes(value);
}

export function requiresReason(action: TaskAction): boolean {
  return TRANSITION_RULES[action].requiresReason;
}

/** The status an action leads to from `status`, ignoring who asks; null when not possible. */
export function transitionTarget(status: TaskStatus, action: TaskAction): TaskStatus | null {
  const rule = TRANSITION_RULES[action];
  return rule.from.includes(status) ? rule.to : null;
}

export interface TransitionQuery {
  status: TaskStatus;
  role: Role;
  relation: TaskRelation;
}

export type TransitionDecision =
  | { allowed: true; to: TaskStatus }
  | {
      allowed: false;
      reason: 'role' | 'status';
      allowedActions: TaskAction[];
      messageVi: string;
      messageEn: string;
    };

function mayTake(action: TaskAction, role: Role, relation: TaskRelation): boolean {
  return TRANSITION_RULES[action].by.some((p) => p.role === role && p.relation === relation);
}

export function allowedActions({ status, role, relation }: TransitionQuery): TaskAction[] {
  return TASK_ACTIONS.filter(
    (a) => mayTake(a, role, relation) && transitionTarget(status, a) !== null,
  );
}

function listVi(actions: TaskAction[]): string {
  return actions.length ? actions.map((a) => ACTION_LABEL_VI[a]).join(', ') : 'không có';
}

function listEn(actions: TaskAction[]): string {
  return actions.length ? actions.join(', ') : 'none';
}

export function decideTransition(
  query: TransitionQuery & { action: TaskAction },
): TransitionDecision {
  const { status, action, role, relation } = query;
  const allowed = allowedActions({ status, role, relation });

  if (!mayTake(action, role, relation)) {
    return {
      allowed: false,
      reason: 'role',
      allowedActions: allowed,
      messageVi:
        `Bạn không có quyền «${ACTION_LABEL_VI[action]}» đối với nhiệm vụ này` +
        (role === 'admin' ? ' (quản trị viên chỉ được xem nhiệm vụ)' : '') +
        `. Thao tác bạn có thể làm lúc này: ${listVi(allowed)}.`,
      messageEn:
        `You may not ${ACTION_LABEL_EN[action]} this task` +
        (role === 'admin' ? ' (administrators only read tasks)' : '') +
        `. Actions available to you now: ${listEn(allowed)}.`,
    };
  }

  const to = transitionTarget(status, action);
  if (to === null) {
    return {
      allowed: false,
      reason: 'status',
      allowedActions: allowed,
      messageVi:
        `Không thể «${ACTION_LABEL_VI[action]}» khi nhiệm vụ đang ở trạng thái «${STATUS_LABEL_VI[status]}». ` +
        `Thao tác bạn có thể làm lúc này: ${listVi(allowed)}.`,
      messageEn:
        `Cannot ${ACTION_LABEL_EN[action]} a task that is ${STATUS_LABEL_EN[status]}. ` +
        `Actions available to you now: ${listEn(allowed)}.`,
    };
  }

  return { allowed: true, to };
}
