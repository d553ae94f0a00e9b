// A parent task's progress as the roll-up of its children (the bodies a group mention fanned
// out to, or the bodies it delegated to). Pure: the caller passes each child's status and
// latest reported percent (for a child with children of its own, its own roll-up).
//
// Decisions:
// - Cancelled children do not count: the work was withdrawn, not left undone.
// - A verified child counts 100 whatever it last reported; any other child counts its latest
//   percent, 0 when it has not reported, clamped to 0..100.
// - The summary names the most urgent state first: anything returned or overdue needs
//   attention before anything else is said about the parent.

import { TASK_STATUSES, type TaskStatus } from './task-status.js';

export interface RollupChild {
  status: TaskStatus;
  /** latest reported percent; null or absent when nothing was reported */
  percent?: number | null;
  /** derived from obligations by the caller; overdue is never a stored status */
  overdue?: boolean;
}

export const ROLLUP_SUMMARIES = [
  'no_children',
  'all_cancelled',
  'complete',
  'needs_attention',
  'awaiting_verification',
  'not_started',
  'in_progress',
] as const;
export type RollupSummary = (typeof ROLLUP_SUMMARIES)[number];

export const ROLLUP_SUMMARY_LABEL_VI: Readonly<Record<RollupSummary, string>> = {
  no_children: 'Chưa giao cho đơn vị nào',
  all_cancelled: 'Các nhiệm vụ con đã hủy',
  complete: 'Đã hoàn thành',
  needs_attention: 'Cần chú ý',
  awaiting_verification: 'Chờ xác nhận',
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
};

export interface Rollup {
  /** average over non-cancelled children, one decimal; null when none count */
  percent: number | null;
  summary: RollupSummary;
  labelVi: string;
  /** children that count toward the percent (all but the cancelled) */
  counted: number;
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
}

function childPercent(child: RollupChild): number {
  if (child.status === 'verified') return 100;
  const p = child.percent;
  if (p === null || p === undefined || !Number.isFinite(p)) return 0;
  return Math.min(100, Math.max(0, p));
}

export function rollup(children: readonly RollupChild[]): Rollup {
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<
    TaskStatus,
    number
  >;
  for (const c of children) byStatus[c.status] += 1;
  const active = children.filter((c) => c.status !== 'cancelled');
  const overdue = active.filter((c) => c.overdue === true && c.status !== 'verified').length;

  const percent =
    active.length === 0
      ? null
      : Math.round((active.reduce((sum, c) => sum + childPercent(c), 0) / active.length) * 10) / 10;

  let summary: RollupSummary;
  if (children.length === 0) summary = 'no_children';
  else if (active.length === 0) summary = 'all_cancelled';
  else if (byStatus.verified === active.length) summary = 'complete';
  else if (byStatus.returned > 0 || overdue > 0) summary = 'needs_attention';
  else if (byStatus.submitted + byStatus.verified === active.length)
    summary = 'awaiting_verification';
  else if (
    byStatus.assigned + byStatus.acknowledged === active.length &&
    active.every((c) => childPercent(c) === 0)
  )
    summary = 'not_started';
  else summary = 'in_progress';

  return {
    percent,
    summary,
    labelVi: ROLLUP_SUMMARY_LABEL_VI[summary],
    counted: active.length,
    total: children.length,
    byStatus,
    overdue,
  };
}
