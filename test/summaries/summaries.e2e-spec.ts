import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { bearer, login } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { HistoryFactory } from './history.factory.js';
import { BCSD, buildScenario, MEO_VAC, TUYEN_GIAO, type Scenario } from './scenario.js';

interface Counts {
  total: number;
  onTimeDone: number;
  lateDone: number;
  openInTerm: number;
  overdueOpen: number;
  cancelled: number;
}
interface Overview extends Counts {
  asOf: string;
  extensions: number;
  obligations: Counts;
}
interface Scorecard extends Counts {
  organizationId: string | null;
  name: string;
  assigned: number;
  onTimePercent: number | null;
  averageDaysLate: number | null;
  extensions: number;
  reportsSubmitted: number;
  reportsOnTime: number;
  reportsOnTimePercent: number | null;
  returnedForRework: number;
  obligationsOverdue: number;
}

const counts = (
  total: number,
  onTimeDone: number,
  lateDone: number,
  openInTerm: number,
  overdueOpen: number,
  cancelled: number,
): Counts => ({ total, onTimeDone, lateDone, openInTerm, overdueOpen, cancelled });

describe('summaries as of a date', () => {
  let t: TestApp;
  let db: DataSource;
  let office: string;
  let inspector: string;
  let agency: string;
  let s: Scenario;
  let lamDongDoc: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    [office, inspector, agency] = await Promise.all([
      login(t, 'vanphong.hg'),
      login(t, 'ubkt.hg'),
      login(t, 'tuyengiao.hg'),
    ]);
    s = await buildScenario(db);
    // Another committee's work, which no Hà Giang user may see in any summary.
    const ld = new HistoryFactory(db, 'Lâm Đồng');
    lamDongDoc = await ld.document({ number: '09-NQ/TU' });
    const ldTask = await ld.task({
      documentId: lamDongDoc,
      lead: 'ld-ban-tuyen-giao',
      dueOn: '2026-03-31',
      status: 'assigned',
    });
    await ld.history(ldTask, [['2026-01-10 09:00', 'create', 'assigned']], '2026-03-31');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async <T>(token: string, path: string): Promise<{ status: number; body: T }> => {
    const r = await t.api(path, { headers: bearer(token) });
    return { status: r.status, body: (await r.json()) as T };
  };
  const overview = async (asOf: string, extra = '') => {
    const r = await get<Overview>(
      office,
      `/summaries/overview?asOf=${asOf}&documentId=${s.documentId}${extra}`,
    );
    expect(r.status).toBe(200);
    return r.body;
  };

  it.each([
    // asOf, tasks (total, on time, late, in term, overdue, cancelled), extensions
    ['2026-01-09', counts(0, 0, 0, 0, 0, 0), 0],
    ['2026-02-14', counts(6, 0, 0, 6, 0, 0), 0],
    // T9's due date was 20/02 until the extension of 05/03: overdue then, whatever it is now
    ['2026-02-25', counts(6, 0, 0, 4, 1, 1), 0],
    // T1 verified 25/03 00:30 Hanoi time = 24/03 17:30 UTC: not yet done on 24/03
    ['2026-03-24', counts(6, 0, 0, 4, 1, 1), 1],
    ['2026-03-25', counts(6, 1, 0, 3, 1, 1), 2],
    ['2026-04-02', counts(6, 1, 0, 2, 2, 1), 2],
    ['2026-04-10', counts(6, 1, 1, 2, 1, 1), 2],
    // T5 created 20/04 23:30 Hanoi time: it exists as of 20/04, not as of 19/04
    ['2026-04-19', counts(6, 1, 1, 2, 1, 1), 2],
    ['2026-04-20', counts(7, 1, 1, 3, 1, 1), 2],
    // T3 done within its extended term
    ['2026-05-10', counts(7, 2, 1, 2, 1, 1), 2],
    ['2026-06-05', counts(7, 2, 1, 1, 2, 1), 2],
  ])('tasks as of %s', async (asOf, expected, extensions) => {
    const body = await overview(asOf);
    expect(body).toMatchObject({ asOf, ...expected, extensions });
  });

  it.each([
    ['2026-02-14', counts(4, 0, 0, 4, 0, 0)],
    // O5 was due 20/02 then (moved to 31/05 only on 05/03)
    ['2026-02-25', counts(4, 0, 0, 2, 1, 1)],
    ['2026-03-10', counts(4, 0, 0, 3, 0, 1)],
    // the Q1 report returned for rework on 12/04 does not meet O1
    ['2026-04-12', counts(4, 0, 0, 3, 0, 1)],
    ['2026-04-16', counts(4, 0, 0, 2, 1, 1)],
    // accepted on 20/04, after its due date 15/04
    ['2026-04-20', counts(4, 0, 1, 2, 0, 1)],
    // T3 verified 10/05 settles its deadline obligation (due 30/06 by then) on time
    ['2026-05-10', counts(4, 1, 1, 1, 0, 1)],
  ])('obligations as of %s', async (asOf, expected) => {
    const body = await overview(asOf);
    expect(body.obligations).toEqual(expected);
  });

  it('filters the overview to one body, counting the tasks delegated to it', async () => {
    await expect(overview('2026-04-20', `&organizationId=${TUYEN_GIAO}`)).resolves.toMatchObject(
      counts(4, 1, 1, 1, 1, 0),
    );
    await expect(overview('2026-04-20', `&organizationId=${MEO_VAC}`)).resolves.toMatchObject(
      counts(1, 1, 0, 0, 0, 0),
    );
    await expect(overview('2026-04-20', '&period=2026-Q1')).resolves.toMatchObject(
      // due in Q1 as of 20/04: T1, T2, T7 (T3 and T9 were extended out of it)
      counts(3, 1, 1, 0, 1, 0),
    );
  });

  it('gives one scorecard row per body, delegated children under the body that got them', async () => {
    const r = await get<{ items: Scorecard[]; totals: Scorecard }>(
      inspector,
      `/summaries/organizations?asOf=2026-04-20&documentId=${s.documentId}`,
    );
    expect(r.status).toBe(200);
    const row = (id: string) => r.body.items.find((i) => i.organizationId === id);
    expect(r.body.items.map((i) => i.organizationId).sort()).toEqual(
      [BCSD, MEO_VAC, TUYEN_GIAO].sort(),
    );
    expect(row(TUYEN_GIAO)).toMatchObject({
      name: 'Ban Tuyên giáo Tỉnh ủy Hà Giang',
      assigned: 4,
      onTimeDone: 1,
      lateDone: 1,
      openInTerm: 1,
      overdueOpen: 1,
      cancelled: 0,
      onTimePercent: 33.3,
      // T2 8 days late when verified, T7 51 days overdue on 20/04
      averageDaysLate: 29.5,
      extensions: 1,
      reportsSubmitted: 2,
      reportsOnTime: 2,
      reportsOnTimePercent: 100,
      returnedForRework: 1,
      obligationsOverdue: 0,
    });
    expect(row(BCSD)).toMatchObject({
      name: 'Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Giang',
      assigned: 3,
      onTimeDone: 0,
      openInTerm: 2,
      cancelled: 1,
      onTimePercent: null,
      averageDaysLate: null,
      extensions: 1,
      reportsSubmitted: 2,
      reportsOnTime: 1,
      reportsOnTimePercent: 50,
      returnedForRework: 1,
    });
    expect(row(MEO_VAC)).toMatchObject({
      name: 'Huyện ủy Mèo Vạc',
      assigned: 1,
      onTimeDone: 1,
      onTimePercent: 100,
    });
    expect(r.body.totals).toMatchObject({
      assigned: 8,
      onTimeDone: 2,
      lateDone: 1,
      openInTerm: 3,
      overdueOpen: 1,
      cancelled: 1,
      reportsSubmitted: 4,
      reportsOnTimePercent: 75,
      returnedForRework: 2,
    });
  });

  it('compares each target with its latest reported value', async () => {
    const r = await get<{
      items: {
        id: string;
        status: string;
        onTrack: boolean | null;
        expected: number | null;
        latest: { value: number; organizationName: string; reports: number } | null;
        baseline: { value: number | null } | null;
      }[];
    }>(office, `/summaries/targets?documentId=${s.documentId}&asOf=2026-04-20`);
    expect(r.status).toBe(200);
    const byId = new Map(r.body.items.map((i) => [i.id, i]));
    expect(byId.get(s.targets.malnutrition)).toMatchObject({
      status: 'met',
      onTrack: true,
      latest: {
        value: 28,
        organizationName: 'Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Giang',
        reports: 2,
      },
    });
    // 2 500 households against a line from 2 000 (end of 2025) to 12 000 (end of 2030)
    const housing = byId.get(s.targets.housing)!;
    expect(housing).toMatchObject({ status: 'behind', onTrack: false, baseline: { value: 2000 } });
    expect(housing.expected).toBeCloseTo(2000 + (10000 * 110) / 1826, 3);
    expect(byId.get(s.targets.poverty)).toMatchObject({ status: 'met', latest: { value: 4.2 } });
    // the only value for water came in a rejected report
    expect(byId.get(s.targets.water)).toMatchObject({ status: 'no_report', latest: null });
    expect(byId.get(s.targets.national)).toMatchObject({ status: 'not_measurable' });
    const before = await get<{ items: { id: string; latest: { value: number } | null }[] }>(
      office,
      `/summaries/targets?documentId=${s.documentId}&asOf=2026-04-15`,
    );
    expect(before.body.items.find((i) => i.id === s.targets.malnutrition)?.latest?.value).toBe(32);
  });

  it('refuses a malformed filter and names the field', async () => {
    for (const [query, field] of [
      ['asOf=2026-13-01', 'asOf'],
      ['asOf=23/11/2026', 'asOf'],
      ['asOf=2026-02-30', 'asOf'],
      ['period=2026-H3', 'period'],
      ['documentId=abc', 'documentId'],
    ]) {
      const r = await get<{ fields: { field: string }[]; message: string }>(
        office,
        `/summaries/overview?${query}`,
      );
      expect([query, r.status]).toEqual([query, 400]);
      expect(r.body.fields.map((f) => f.field)).toContain(field);
    }
  });

  it('answers 403 to an agency on every summary and export', async () => {
    for (const path of [
      '/summaries/overview',
      '/summaries/organizations',
      '/summaries/targets',
      '/exports/summary.csv',
      '/exports/summary.pdf',
    ]) {
      const r = await t.api(path, { headers: bearer(agency) });
      expect([path, r.status]).toEqual([path, 403]);
    }
  });

  it("shows the inspector every body of its committee and nothing of another's", async () => {
    const all = await get<{ items: Scorecard[] }>(
      inspector,
      '/summaries/organizations?asOf=2026-04-20',
    );
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i) => i.organizationId);
    expect(ids).toEqual(expect.arrayContaining([TUYEN_GIAO, BCSD, MEO_VAC]));
    expect(ids.some((id) => id?.startsWith('ld-'))).toBe(false);
    const foreign = await get<{ statusCode: number }>(
      inspector,
      `/summaries/overview?documentId=${lamDongDoc}`,
    );
    expect(foreign.status).toBe(404);
    const byBody = await get<Overview>(
      inspector,
      '/summaries/overview?asOf=2026-04-20&organizationId=ld-ban-tuyen-giao',
    );
    expect(byBody.body).toMatchObject(counts(0, 0, 0, 0, 0, 0));
  });
});
