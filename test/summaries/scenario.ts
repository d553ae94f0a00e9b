// One resolution of 2026 with histories chosen to hit every category, told in Hanoi time.
//
//   T1 Tuyên giáo  due 31/03  submitted 20/03, verified 25/03 00:30 (24/03 17:30 UTC)
//   T2 Tuyên giáo  due 31/03  submitted 28/03, returned 30/03, resubmitted 05/04, verified 08/04
//   T3 BCS UBND    due 31/03  extended 25/03 → 30/06, verified 10/05
//   T4 BCS UBND    due 30/06  cancelled 15/02
//   T5 BCS UBND    due 31/12  created 20/04 23:30 (16:30 UTC)
//   T6 group parent (never counted), T7 Tuyên giáo member of it, due 28/02, never done
//   T8 Mèo Vạc     delegated from T3, due 31/03, verified 30/03
//   T9 Tuyên giáo  due 20/02, extended 05/03 → 31/05
// Obligations: O1 T3 2026-Q1 due 15/04 (report 10/04 returned 12/04, late report 17/04
// accepted 20/04); O2 T3 deadline-2026-03-31 moved to 30/06; O4 T4 2026-Q1 (cancelled with
// its task); O5 T9 deadline-2026-02-20 moved to 31/05; O3 T1 2030-H1 (not begun).
import type { DataSource } from 'typeorm';
import { HistoryFactory } from './history.factory.js';

export const TUYEN_GIAO = 'hg-ban-tuyen-giao';
export const BCSD = 'hg-bcsd-ubnd';
export const MEO_VAC = 'hg-huyen-uy-meo-vac';

export interface Scenario {
  documentId: string;
  tasks: Record<string, string>;
  targets: Record<string, string>;
}

export async function buildScenario(db: DataSource, number = '15-NQ/TU'): Promise<Scenario> {
  const f = new HistoryFactory(db);
  const documentId = await f.document({ number, periodFrom: 2026, periodTo: 2030 });
  const tasks: Record<string, string> = {};

  tasks.T1 = await f.task({
    documentId,
    lead: TUYEN_GIAO,
    dueOn: '2026-03-31',
    status: 'verified',
  });
  await f.history(
    tasks.T1,
    [
      ['2026-01-10 09:00', 'create', 'assigned'],
      ['2026-01-12 08:00', 'acknowledge', 'acknowledged'],
      ['2026-01-15 08:00', 'start', 'in_progress'],
      ['2026-03-20 15:00', 'submit', 'submitted'],
      ['2026-03-25 00:30', 'verify', 'verified'],
    ],
    '2026-03-31',
  );
  await f.obligation(tasks.T1, {
    periodKey: '2030-H1',
    kind: 'periodic',
    dueOn: '2030-07-15',
    periodStart: '2030-01-01',
  });

  tasks.T2 = await f.task({
    documentId,
    lead: TUYEN_GIAO,
    dueOn: '2026-03-31',
    status: 'verified',
  });
  await f.history(
    tasks.T2,
    [
      ['2026-01-10 09:00', 'create', 'assigned'],
      ['2026-01-11 09:00', 'acknowledge', 'acknowledged'],
      ['2026-01-20 09:00', 'start', 'in_progress'],
      ['2026-03-28 09:00', 'submit', 'submitted'],
      ['2026-03-30 09:00', 'return', 'returned'],
      ['2026-03-31 09:00', 'start', 'in_progress'],
      ['2026-04-05 09:00', 'submit', 'submitted'],
      ['2026-04-08 09:00', 'verify', 'verified'],
    ],
    '2026-03-31',
  );

  tasks.T3 = await f.task({ documentId, lead: BCSD, dueOn: '2026-06-30', status: 'verified' });
  await f.history(
    tasks.T3,
    [
      ['2026-01-10 09:00', 'create', 'assigned'],
      ['2026-01-13 09:00', 'acknowledge', 'acknowledged'],
      ['2026-01-14 09:00', 'start', 'in_progress'],
    ],
    '2026-03-31',
  );
  await f.event(tasks.T3, '2026-03-25 10:00', 'extend', 'in_progress', 'in_progress', {
    old: '2026-03-31',
    new: '2026-06-30',
  });
  await f.event(tasks.T3, '2026-05-08 10:00', 'submit', 'in_progress', 'submitted');
  await f.event(tasks.T3, '2026-05-10 10:00', 'verify', 'submitted', 'verified');
  const o1 = await f.obligation(tasks.T3, {
    periodKey: '2026-Q1',
    kind: 'periodic',
    dueOn: '2026-04-15',
    periodStart: '2026-01-01',
  });
  await f.obligation(tasks.T3, {
    periodKey: 'deadline-2026-03-31',
    kind: 'deadline',
    dueOn: '2026-06-30',
    periodStart: '2026-01-10',
  });

  tasks.T4 = await f.task({ documentId, lead: BCSD, dueOn: '2026-06-30', status: 'cancelled' });
  await f.history(
    tasks.T4,
    [
      ['2026-01-10 09:00', 'create', 'assigned'],
      ['2026-02-15 09:00', 'cancel', 'cancelled'],
    ],
    '2026-06-30',
  );
  await f.obligation(tasks.T4, {
    periodKey: '2026-Q1',
    kind: 'periodic',
    dueOn: '2026-04-15',
    periodStart: '2026-01-01',
  });

  tasks.T5 = await f.task({ documentId, lead: BCSD, dueOn: '2026-12-31', status: 'assigned' });
  await f.history(tasks.T5, [['2026-04-20 23:30', 'create', 'assigned']], '2026-12-31');

  tasks.T6 = await f.task({
    documentId,
    lead: null,
    origin: 'group',
    dueOn: '2026-02-28',
    status: 'assigned',
  });
  await f.history(tasks.T6, [['2026-01-10 09:00', 'create', 'assigned']], '2026-02-28');
  tasks.T7 = await f.task({
    documentId,
    lead: TUYEN_GIAO,
    origin: 'member',
    parentId: tasks.T6,
    dueOn: '2026-02-28',
    status: 'in_progress',
  });
  await f.history(
    tasks.T7,
    [
      ['2026-01-10 09:00', 'create', 'assigned'],
      ['2026-01-16 09:00', 'acknowledge', 'acknowledged'],
      ['2026-01-17 09:00', 'start', 'in_progress'],
    ],
    '2026-02-28',
  );

  tasks.T8 = await f.task({
    documentId,
    lead: MEO_VAC,
    origin: 'delegated',
    parentId: tasks.T3,
    dueOn: '2026-03-31',
    status: 'verified',
  });
  await f.history(
    tasks.T8,
    [
      ['2026-02-01 09:00', 'create', 'assigned'],
      ['2026-02-02 09:00', 'acknowledge', 'acknowledged'],
      ['2026-02-03 09:00', 'start', 'in_progress'],
      ['2026-03-27 09:00', 'submit', 'submitted'],
      ['2026-03-30 09:00', 'verify', 'verified'],
    ],
    '2026-03-31',
  );

  tasks.T9 = await f.task({
    documentId,
    lead: TUYEN_GIAO,
    dueOn: '2026-05-31',
    status: 'in_progress',
  });
  await f.history(
    tasks.T9,
    [
      ['2026-01-10 09:00', 'create', 'assigned'],
      ['2026-01-11 09:00', 'acknowledge', 'acknowledged'],
      ['2026-01-12 09:00', 'start', 'in_progress'],
    ],
    '2026-02-20',
  );
  await f.event(tasks.T9, '2026-03-05 10:00', 'extend', 'in_progress', 'in_progress', {
    old: '2026-02-20',
    new: '2026-05-31',
  });
  await f.obligation(tasks.T9, {
    periodKey: 'deadline-2026-02-20',
    kind: 'deadline',
    dueOn: '2026-05-31',
    periodStart: '2026-01-10',
  });

  const targets: Record<string, string> = {};
  targets.malnutrition = await f.target(documentId, {
    position: 1,
    text: 'Giảm tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 30%',
    direction: 'at_most',
    value: 30,
    unit: '%',
  });
  targets.housing = await f.target(documentId, {
    position: 2,
    text: 'Phấn đấu trên 12.000 hộ nghèo được hỗ trợ nhà ở',
    direction: 'at_least',
    value: 12000,
    unit: 'hộ',
    baseline: { text: 'năm 2025 đã hỗ trợ 2.000 hộ', year: 2025, value: 2000, unit: 'hộ' },
  });
  targets.poverty = await f.target(documentId, {
    position: 3,
    text: 'Tỷ lệ hộ nghèo giảm bình quân 4%/năm trở lên',
    direction: 'decrease',
    value: 4,
    unit: '%',
    annual: true,
  });
  targets.water = await f.target(documentId, {
    position: 4,
    text: '90% hộ nghèo sử dụng nước sinh hoạt hợp vệ sinh',
    direction: 'reach',
    value: 90,
    unit: '%',
  });
  targets.national = await f.target(documentId, {
    position: 5,
    text: 'Tỷ lệ hộ nghèo thấp hơn tỷ lệ chung của cả nước',
    direction: 'at_most',
    value: null,
  });

  // Reports: one on time by Tuyên giáo, the Q1 report of T3 returned then sent again late
  // and accepted, a coordinator's contribution (counts nowhere), a rejected one (ignored).
  await f.report({
    taskId: tasks.T1,
    authorOrgId: TUYEN_GIAO,
    at: '2026-03-20 14:00',
    late: false,
    status: 'submitted',
  });
  const r1 = await f.report({
    taskId: tasks.T3,
    obligationId: o1,
    authorOrgId: BCSD,
    at: '2026-04-10 10:00',
    late: false,
    status: 'rework',
    indicators: [
      { targetId: targets.malnutrition, value: 32 },
      { targetId: targets.housing, value: 2300 },
    ],
  });
  await f.review(r1, 'rework', '2026-04-12 10:00');
  const r2 = await f.report({
    taskId: tasks.T3,
    obligationId: o1,
    authorOrgId: BCSD,
    at: '2026-04-17 10:00',
    late: true,
    status: 'accepted',
    indicators: [
      { targetId: targets.malnutrition, value: 28 },
      { targetId: targets.housing, value: 2500 },
      { targetId: targets.poverty, value: 4.2 },
    ],
  });
  await f.review(r2, 'accepted', '2026-04-20 10:00');
  await f.report({
    taskId: tasks.T3,
    authorOrgId: TUYEN_GIAO,
    relation: 'coordinator',
    at: '2026-04-18 10:00',
    late: true,
    status: 'submitted',
  });
  const rejected = await f.report({
    taskId: tasks.T9,
    authorOrgId: TUYEN_GIAO,
    at: '2026-04-19 10:00',
    late: false,
    status: 'rejected',
    indicators: [{ targetId: targets.water, value: 95 }],
  });
  await f.review(rejected, 'rejected', '2026-04-19 15:00');
  return { documentId, tasks, targets };
}
