import type { Party } from '../parsing/index.js';
import {
  obligationPeriods,
  type Cadence,
  type Milestone,
  type Obligation,
  type ReportingCalendar,
} from '../tasks/obligation-periods.js';
import type { ClauseRecord } from './documents.repository.js';

export interface GroupMembers {
  tag: string;
  name: string;
  /** "các sở, ban, ngành liên quan": the office picks; publishing does not fan these out */
  selective: boolean;
  members: { id: string; name: string }[];
}

export interface PlanContext {
  /** the document's date, or the publish date when it has none */
  issuedOn: string;
  period: { from: number | null; to: number } | null;
  calendar: ReportingCalendar;
  /** a group mention → its member bodies as of the document's date; null when unknown */
  groupOf(party: Party): GroupMembers | null;
}

export interface PlannedTask {
  key: string;
  parentKey: string | null;
  clauseId: string;
  origin: 'clause' | 'group' | 'member';
  leadOrgId: string | null;
  leadName: string;
  groupTag: string | null;
  title: string;
  coordinators: PartyRef[];
  coordinatorOrgIds: string[];
  reportTo: PartyRef[];
  cadence: string;
  milestones: string[];
  dueOn: string | null;
  obligations: Obligation[];
}

export interface PartyRef {
  name: string;
  orgId: string | null;
  group: boolean;
}

export interface PlanProblem {
  clauseId: string;
  clause: string;
  mention: string;
  reason: 'unresolved_lead' | 'selective_group_lead';
}

export interface SkippedLead {
  clauseId: string;
  clause: string;
  /** null: the clause names no lead at all */
  mention: string | null;
  reason: 'no_lead' | 'general_group';
}

export interface PublishPlan {
  tasks: PlannedTask[];
  /**
   * Nothing assigned: a clause with no lead, or a lead that is a general exhortation
   * ("các cấp ủy đảng", "các cấp chính quyền") with no members to fan out to.
   */
  skipped: SkippedLead[];
  /** what blocks publishing until the office corrects the clause */
  problems: PlanProblem[];
}

function clauseLabel(c: ClauseRecord): string {
  return c.section ? `${c.section}.${c.ordinal}` : c.ordinal;
}

function title(c: ClauseRecord): string {
  const text = c.text.replace(/\s+/g, ' ').trim();
  return text.length <= 300 ? text : `${text.slice(0, 297)}…`;
}

function ref(p: Party): PartyRef {
  return { name: p.name, orgId: p.orgId ?? null, group: p.group };
}

/**
 * From a document's clauses to the tasks publishing creates (pure): one task per lead body; a
 * group mention becomes a parent task with one child per member body; coordinators that are
 * single bodies (or non-selective groups) become parties that see the task; obligations follow
 * from cadence, deadlines and milestones. Anything a person must decide is a problem, not a guess.
 */
export function planPublication(clauses: ClauseRecord[], ctx: PlanContext): PublishPlan {
  const plan: PublishPlan = { tasks: [], skipped: [], problems: [] };
  for (const clause of clauses) {
    const label = clauseLabel(clause);
    if (clause.leads.length === 0) {
      plan.skipped.push({ clauseId: clause.id, clause: label, mention: null, reason: 'no_lead' });
      continue;
    }
    const coordinatorOrgIds: string[] = [];
    for (const c of clause.coordinators) {
      if (!c.group && c.orgId) coordinatorOrgIds.push(c.orgId);
      if (c.group) {
        const group = ctx.groupOf(c);
        if (group && !group.selective) coordinatorOrgIds.push(...group.members.map((m) => m.id));
      }
    }
    const deadlines = [...clause.deadlines].sort();
    const obligations = obligationPeriods(
      {
        cadence: clause.cadence as Cadence,
        period: ctx.period,
        issuedOn: ctx.issuedOn,
        deadlines: clause.dueOn ? [clause.dueOn] : deadlines,
        milestones: clause.milestones as Milestone[],
      },
      ctx.calendar,
    ).obligations;
    // The task is due by its explicit date, else when its last report is due.
    const dueOn = clause.dueOn ?? deadlines[0] ?? obligations.at(-1)?.dueOn ?? null;
    const base = {
      clauseId: clause.id,
      title: title(clause),
      coordinators: clause.coordinators.map(ref),
      reportTo: clause.reportTo.map(ref),
      cadence: clause.cadence,
      milestones: clause.milestones,
      dueOn,
    };
    clause.leads.forEach((lead, i) => {
      const key = `${clause.id}:${i}`;
      if (!lead.group) {
        if (!lead.orgId) {
          plan.problems.push({
            clauseId: clause.id,
            clause: label,
            mention: lead.name,
            reason: 'unresolved_lead',
          });
          return;
        }
        plan.tasks.push({
          ...base,
          key,
          parentKey: null,
          origin: 'clause',
          leadOrgId: lead.orgId,
          leadName: lead.name,
          groupTag: null,
          coordinatorOrgIds: coordinatorOrgIds.filter((o) => o !== lead.orgId),
          obligations,
        });
        return;
      }
      const group = ctx.groupOf(lead);
      if (!group || group.members.length === 0) {
        plan.skipped.push({
          clauseId: clause.id,
          clause: label,
          mention: lead.name,
          reason: 'general_group',
        });
        return;
      }
      if (group.selective) {
        plan.problems.push({
          clauseId: clause.id,
          clause: label,
          mention: lead.name,
          reason: 'selective_group_lead',
        });
        return;
      }
      plan.tasks.push({
        ...base,
        key,
        parentKey: null,
        origin: 'group',
        leadOrgId: null,
        leadName: group.name,
        groupTag: group.tag,
        coordinatorOrgIds: [],
        obligations: [],
      });
      for (const member of group.members) {
        plan.tasks.push({
          ...base,
          key: `${key}:${member.id}`,
          parentKey: key,
          origin: 'member',
          leadOrgId: member.id,
          leadName: member.name,
          groupTag: null,
          coordinatorOrgIds: coordinatorOrgIds.filter((o) => o !== member.id),
          obligations,
        });
      }
    });
  }
  return plan;
}
