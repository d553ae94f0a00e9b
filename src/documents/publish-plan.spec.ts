import { describe, expect, it } from '@jest/globals';
import type { Party } from '../parsing/index.js';
import { DEFAULT_REPORTING_CALENDAR } from '../tasks/obligation-periods.js';
import type { ClauseRecord } from './documents.repository.js';
import { planPublication, type GroupMembers, type PlanContext } from './publish-plan.js';

const party = (name: string, orgId: string | null, group = false): Party => ({
  mention: name,
  name,
  orgId,
  group,
});

function clause(overrides: Partial<ClauseRecord>): ClauseRecord {
  return {
    id: 'c1',
    documentId: 'd1',
    position: 0,
    section: 'V',
    ordinal: '1',
    text: 'Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.',
    start: 0,
    end: 10,
    leads: [party('Ban Tuyên giáo Tỉnh ủy Hà Giang', 'hg-ban-tuyen-giao')],
    coordinators: [],
    reportTo: [party('Ban Thường vụ Tỉnh ủy Hà Giang', 'hg-ban-thuong-vu')],
    actions: ['propagate'],
    cadence: 'semiannual',
    milestones: [],
    deadlines: [],
    dueOn: null,
    corrected: false,
    ...overrides,
  };
}

const groups: Record<string, GroupMembers> = {
  'các huyện ủy': {
    tag: 'huyen-uy',
    name: 'các huyện ủy',
    selective: false,
    members: [
      { id: 'hg-huyen-uy-meo-vac', name: 'Huyện ủy Mèo Vạc' },
      { id: 'hg-huyen-uy-dong-van', name: 'Huyện ủy Đồng Văn' },
    ],
  },
  'các sở, ban, ngành liên quan': {
    tag: 'so-lien-quan',
    name: 'các sở, ban, ngành liên quan',
    selective: true,
    members: [{ id: 'hg-so-tai-chinh', name: 'Sở Tài chính' }],
  },
};

const ctx: PlanContext = {
  issuedOn: '2022-06-01',
  period: { from: 2021, to: 2025 },
  calendar: DEFAULT_REPORTING_CALENDAR,
  groupOf: (p) => groups[p.name] ?? null,
};

describe('planPublication', () => {
  it('gives a single lead one task with its semiannual obligations over the period', () => {
    const plan = planPublication([clause({})], ctx);
    expect(plan.problems).toEqual([]);
    expect(plan.tasks).toHaveLength(1);
    const [task] = plan.tasks;
    expect(task).toMatchObject({
      origin: 'clause',
      leadOrgId: 'hg-ban-tuyen-giao',
      parentKey: null,
    });
    expect(task.obligations.map((o) => o.periodKey)[0]).toBe('2022-H1');
    expect(task.obligations.at(-1)?.periodKey).toBe('2025-H2');
    expect(task.dueOn).toBe(task.obligations.at(-1)?.dueOn);
  });

  it('fans a group lead out to one child per member under a parent without obligations', () => {
    const plan = planPublication([clause({ leads: [party('các huyện ủy', null, true)] })], ctx);
    expect(plan.tasks.map((t) => [t.origin, t.leadOrgId, t.parentKey])).toEqual([
      ['group', null, null],
      ['member', 'hg-huyen-uy-meo-vac', 'c1:0'],
      ['member', 'hg-huyen-uy-dong-van', 'c1:0'],
    ]);
    expect(plan.tasks[0].obligations).toEqual([]);
    expect(plan.tasks[1].obligations.length).toBeGreaterThan(0);
  });

  it('makes single and non-selective group coordinators parties, but not a selective group', () => {
    const plan = planPublication(
      [
        clause({
          coordinators: [
            party('Ban Dân vận Tỉnh ủy Hà Giang', 'hg-ban-dan-van'),
            party('các huyện ủy', null, true),
            party('các sở, ban, ngành liên quan', null, true),
          ],
        }),
      ],
      ctx,
    );
    expect(plan.tasks[0].coordinatorOrgIds).toEqual([
      'hg-ban-dan-van',
      'hg-huyen-uy-meo-vac',
      'hg-huyen-uy-dong-van',
    ]);
    expect(plan.tasks[0].coordinators).toHaveLength(3);
  });

  it('uses an explicit deadline as the due date and its only obligation', () => {
    const plan = planPublication([clause({ cadence: 'once', deadlines: ['2022-12-15'] })], ctx);
    expect(plan.tasks[0].dueOn).toBe('2022-12-15');
    expect(plan.tasks[0].obligations.map((o) => o.dueOn)).toEqual(['2022-12-15']);
  });

  it('prefers the due date the office set', () => {
    const plan = planPublication(
      [clause({ cadence: 'once', deadlines: ['2022-12-15'], dueOn: '2023-01-31' })],
      ctx,
    );
    expect(plan.tasks[0].dueOn).toBe('2023-01-31');
  });

  it('skips clauses without a lead and reports what blocks publishing', () => {
    const plan = planPublication(
      [
        clause({ id: 'c0', leads: [] }),
        clause({ id: 'c2', ordinal: '2', leads: [party('Ban Không Có', null)] }),
        clause({
          id: 'c3',
          ordinal: '3',
          leads: [party('các sở, ban, ngành liên quan', null, true)],
        }),
        clause({ id: 'c4', ordinal: '4', leads: [party('các đơn vị lạ', null, true)] }),
      ],
      ctx,
    );
    expect(plan.skipped).toEqual([
      { clauseId: 'c0', clause: 'V.1', mention: null, reason: 'no_lead' },
      { clauseId: 'c4', clause: 'V.4', mention: 'các đơn vị lạ', reason: 'general_group' },
    ]);
    expect(plan.problems.map((p) => [p.clause, p.reason])).toEqual([
      ['V.2', 'unresolved_lead'],
      ['V.3', 'selective_group_lead'],
    ]);
    expect(plan.tasks).toEqual([]);
  });
});
