import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { authed, bearer, login } from '../helpers/auth.js';
import { publish, SEED_HA_GIANG, uploadText, type PublishedTask } from '../helpers/documents.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface TaskView {
  id: string;
  status: string;
  version: number;
  dueOn: string | null;
  leadOrgId: string | null;
  coordinatorOrgIds?: string[];
  delegatedByOrgId?: string | null;
  allowedActions?: string[];
  history?: {
    action: string;
    oldDueOn: string | null;
    newDueOn: string | null;
    reason: string | null;
  }[];
}

interface ErrorBody {
  statusCode: number;
  message: string;
  allowedActions?: string[];
  fields?: { field: string }[];
}

describe('tasks: scope, transitions, locking, extension, delegation', () => {
  let t: TestApp;
  let office: string;
  let inspector: string;
  let tuyengiao: string;
  let bcsd: string;
  let admin: string;
  let tasks: PublishedTask[];

  const task = (lead: string) =>
    tasks.find((x) => x.origin === 'clause' && x.leadOrgId === lead) as PublishedTask;
  const get = async (token: string, id: string) =>
    (await (await t.api(`/tasks/${id}`, { headers: bearer(token) })).json()) as TaskView;
  const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
    t.api(`/tasks/${id}/${action}`, authed(token, 'POST', body));

  beforeAll(async () => {
    t = await startTestApp();
    [office, inspector, tuyengiao, bcsd, admin] = await Promise.all(
      ['vanphong.hg', 'ubkt.hg', 'tuyengiao.hg', 'bcsd.hg', 'admin'].map((u) => login(t, u)),
    );
    const { body } = await uploadText(t, office, SEED_HA_GIANG);
    tasks = (await publish(t, office, body.items[0].id)).body.tasks;
  });
  afterAll(() => t.close());

  it('shows each agency only its own tasks; another agency gets 404', async () => {
    const mine = (await (
      await t.api('/tasks?pageSize=200', { headers: bearer(tuyengiao) })
    ).json()) as { items: TaskView[] };
    expect(mine.items.length).toBeGreaterThan(0);
    // Its own (lead), those it delegated and those it coordinates, nothing else.
    expect(
      mine.items.every(
        (x) =>
          x.leadOrgId === 'hg-ban-tuyen-giao' ||
          x.delegatedByOrgId === 'hg-ban-tuyen-giao' ||
          x.coordinatorOrgIds?.includes('hg-ban-tuyen-giao'),
      ),
    ).toBe(true);
    expect(mine.items.some((x) => x.leadOrgId === 'hg-ban-tuyen-giao')).toBe(true);
    const theirs = task('hg-bcsd-ubnd');
    expect((await t.api(`/tasks/${theirs.id}`, { headers: bearer(tuyengiao) })).status).toBe(404);
    expect((await act(tuyengiao, theirs.id, 'acknowledge', { version: 1 })).status).toBe(404);
    const officeView = (await (
      await t.api('/tasks?pageSize=200', { headers: bearer(office) })
    ).json()) as { total: number };
    expect(officeView.total).toBeGreaterThanOrEqual(tasks.length);
  });

  it('walks a task through its life, each move by the role that may make it', async () => {
    const id = task('hg-ban-tuyen-giao').id;
    // The office may not acknowledge for the agency (403: its role never may).
    expect((await act(office, id, 'acknowledge', { version: 1 })).status).toBe(403);
    // The agency may not verify its own work.
    expect((await act(tuyengiao, id, 'verify', { version: 1 })).status).toBe(403);
    // Not yet: submit from assigned is refused with the moves allowed now.
    const early = await act(tuyengiao, id, 'submit', { version: 1 });
    expect(early.status).toBe(409);
    expect(((await early.json()) as ErrorBody).allowedActions).toEqual(['acknowledge']);

    let view = (await (await act(tuyengiao, id, 'acknowledge', { version: 1 })).json()) as TaskView;
    expect(view).toMatchObject({ status: 'acknowledged', version: 2 });
    view = (await (await act(tuyengiao, id, 'start', { version: 2 })).json()) as TaskView;
    view = (await (
      await act(tuyengiao, id, 'submit', { version: view.version })
    ).json()) as TaskView;
    expect(view.status).toBe('submitted');
    const noReason = await act(inspector, id, 'return', { version: view.version });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ErrorBody).fields?.[0].field).toBe('reason');
    view = (await (
      await act(inspector, id, 'return', { version: view.version, reason: 'Thiếu số liệu quý II' })
    ).json()) as TaskView;
    expect(view.status).toBe('returned');
    view = (await (
      await act(tuyengiao, id, 'start', { version: view.version })
    ).json()) as TaskView;
    view = (await (
      await act(tuyengiao, id, 'submit', { version: view.version })
    ).json()) as TaskView;
    view = (await (await act(office, id, 'verify', { version: view.version })).json()) as TaskView;
    expect(view.status).toBe('verified');
    const after = await get(inspector, id);
    expect(after.history?.map((h) => h.action)).toEqual([
      'create',
      'acknowledge',
      'start',
      'submit',
      'return',
      'start',
      'submit',
      'verify',
    ]);
    expect(after.history?.[4].reason).toBe('Thiếu số liệu quý II');
    // Terminal: nothing more, not even cancel.
    expect(
      (await act(office, id, 'cancel', { version: view.version, reason: 'Không còn cần' })).status,
    ).toBe(409);
  });

  it('refuses a stale version, and of two concurrent moves on one version exactly one wins', async () => {
    const id = task('hg-bcsd-ubnd').id;
    expect((await act(bcsd, id, 'acknowledge', { version: 7 })).status).toBe(409);
    const results = await Promise.all([
      act(bcsd, id, 'acknowledge', { version: 1 }),
      act(bcsd, id, 'acknowledge', { version: 1 }),
      act(bcsd, id, 'acknowledge', { version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const view = await get(office, id);
    expect(view).toMatchObject({ status: 'acknowledged', version: 2 });
  });

  it('lets an admin read but not move tasks, and an inspector not cancel', async () => {
    const id = task('hg-dd-hdnd').id;
    expect((await t.api(`/tasks/${id}`, { headers: bearer(admin) })).status).toBe(200);
    expect((await act(admin, id, 'cancel', { version: 1, reason: 'thử hủy' })).status).toBe(403);
    expect((await act(inspector, id, 'cancel', { version: 1, reason: 'thử hủy' })).status).toBe(
      403,
    );
    const noReason = await act(office, id, 'cancel', { version: 1 });
    expect(noReason.status).toBe(400);
    const cancelled = await act(office, id, 'cancel', {
      version: 1,
      reason: 'Đã lồng ghép vào nhiệm vụ khác',
    });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as TaskView).status).toBe('cancelled');
  });

  it('extends a due date by the office only, keeping the old date and the reason', async () => {
    const id = task('hg-hoi-dong-ly-luan').id;
    const before = await get(office, id);
    expect(
      (
        await t.api(
          `/tasks/${id}`,
          authed(tuyengiao, 'PATCH', {
            version: before.version,
            dueOn: '2026-06-30',
            reason: 'xin gia hạn',
          }),
        )
      ).status,
    ).toBe(403);
    const noReason = await t.api(
      `/tasks/${id}`,
      authed(office, 'PATCH', { version: before.version, dueOn: '2026-06-30', reason: '' }),
    );
    expect(noReason.status).toBe(400);
    const extended = await t.api(
      `/tasks/${id}`,
      authed(office, 'PATCH', {
        version: before.version,
        dueOn: '2026-06-30',
        reason: 'Chờ kết quả khảo sát',
      }),
    );
    expect(extended.status).toBe(200);
    const after = await get(office, id);
    expect(after.dueOn).toBe('2026-06-30');
    const extension = after.history?.find((h) => h.action === 'extend');
    expect(extension).toMatchObject({
      oldDueOn: before.dueOn,
      newDueOn: '2026-06-30',
      reason: 'Chờ kết quả khảo sát',
    });
    const stale = await t.api(
      `/tasks/${id}`,
      authed(office, 'PATCH', {
        version: before.version,
        dueOn: '2026-07-30',
        reason: 'lần nữa nhé',
      }),
    );
    expect(stale.status).toBe(409);
  });

  it('delegates one level down; the delegator sees the child; roll-up reaches the parent', async () => {
    const parentId = task('hg-ubkt').id;
    const wrongLevel = await t.api(
      `/tasks/${parentId}/delegate`,
      authed(office, 'POST', { organizationIds: ['hg-ban-dan-van'] }),
    );
    expect(wrongLevel.status).toBe(400);
    expect(((await wrongLevel.json()) as ErrorBody).fields?.[0].field).toBe('organizationIds');
    const response = await t.api(
      `/tasks/${parentId}/delegate`,
      authed(office, 'POST', { organizationIds: ['hg-huyen-uy-meo-vac', 'hg-huyen-uy-dong-van'] }),
    );
    expect(response.status).toBe(201);
    const { items } = (await response.json()) as {
      items: (TaskView & { parentId: string; delegatedByOrgId: string })[];
    };
    expect(items.map((c) => c.leadOrgId).sort()).toEqual([
      'hg-huyen-uy-dong-van',
      'hg-huyen-uy-meo-vac',
    ]);
    expect(items.every((c) => c.parentId === parentId && c.delegatedByOrgId === 'hg-ubkt')).toBe(
      true,
    );
    const twice = await t.api(
      `/tasks/${parentId}/delegate`,
      authed(office, 'POST', { organizationIds: ['hg-huyen-uy-meo-vac'] }),
    );
    expect(twice.status).toBe(409);
    // Another agency cannot delegate what it does not lead.
    expect(
      (
        await t.api(
          `/tasks/${parentId}/delegate`,
          authed(bcsd, 'POST', { organizationIds: ['hg-huyen-uy-bac-me'] }),
        )
      ).status,
    ).toBe(404);
  });

  it('lists obligations in scope and refuses a bad filter', async () => {
    const list = (await (
      await t.api('/obligations?state=overdue&pageSize=200', { headers: bearer(bcsd) })
    ).json()) as {
      items: { leadOrgId: string; dueOn: string; taskId: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    // Only obligations of tasks it may see (other suites of the run add some it coordinates).
    for (const o of list.items.slice(0, 20)) {
      expect((await t.api(`/tasks/${o.taskId}`, { headers: bearer(bcsd) })).status).toBe(200);
    }
    expect(list.items.some((o) => o.leadOrgId === 'hg-bcsd-ubnd')).toBe(true);
    expect((await t.api('/obligations?state=late', { headers: bearer(bcsd) })).status).toBe(400);
    const overdue = (await (
      await t.api('/tasks?overdue=true&pageSize=200', { headers: bearer(bcsd) })
    ).json()) as { items: TaskView[] };
    expect(overdue.items.map((x) => x.leadOrgId)).toContain('hg-bcsd-ubnd');
  });

  it('answers 404 for an unknown task and an unknown action', async () => {
    expect(
      (await t.api('/tasks/00000000-0000-4000-8000-000000000000', { headers: bearer(office) }))
        .status,
    ).toBe(404);
    expect((await act(office, task('hg-ubkt').id, 'explode', { version: 1 })).status).toBe(404);
  });
});
