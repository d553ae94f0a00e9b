import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../auth/actor.js';
import { relationOf, type TaskScopeFacts } from './task-scope.js';

const actor = (role: Actor['role'], organizationId: string, committee = 'Hà Giang'): Actor => ({
  userId: 'u',
  username: 'u',
  role,
  organizationId,
  committee,
  requestId: null,
});

const task: TaskScopeFacts = {
  committee: 'Hà Giang',
  leadOrgId: 'hg-huyen-uy-meo-vac',
  delegatedByOrgId: 'hg-ban-tuyen-giao',
  coordinatorOrgIds: ['hg-ban-dan-van'],
};

describe('relationOf', () => {
  it.each([
    [actor('agency', 'hg-huyen-uy-meo-vac'), 'lead'],
    [actor('agency', 'hg-ban-tuyen-giao'), 'delegator'],
    [actor('agency', 'hg-ban-dan-van'), 'coordinator'],
    [actor('agency', 'hg-bcsd-ubnd'), 'none'],
    [actor('office', 'hg-van-phong'), 'committee'],
    [actor('inspector', 'hg-ubkt'), 'committee'],
    [actor('inspector', 'ld-ubkt', 'Lâm Đồng'), 'none'],
    [actor('office', 'ld-van-phong', 'Lâm Đồng'), 'none'],
  ])('%#: %o is %s', (who, relation) => {
    expect(relationOf(who, task)).toBe(relation);
  });
});
