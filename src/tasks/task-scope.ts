import type { Actor } from '../auth/actor.js';
import type { TaskRelation } from './task-status.js';

/** What a task must show to decide the caller's relation to it. */
export interface TaskScopeFacts {
  committee: string;
  leadOrgId: string | null;
  delegatedByOrgId: string | null;
  coordinatorOrgIds: string[];
}

/**
 * The caller's relation to a task (pure). An agency is the lead, the body that delegated it,
 * or a coordinator; office and inspectors act for the party committee that owns the task.
 */
export function relationOf(actor: Actor, task: TaskScopeFacts): TaskRelation {
  if (actor.role === 'office' || actor.role === 'inspector' || actor.role === 'admin') {
    return task.committee === actor.committee ? 'committee' : 'none';
  }
  if (task.leadOrgId === actor.organizationId) return 'lead';
  if (task.delegatedByOrgId === actor.organizationId) return 'delegator';
  if (task.coordinatorOrgIds.includes(actor.organizationId)) return 'coordinator';
  return 'none';
}
