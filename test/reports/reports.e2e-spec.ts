import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  docxBytes,
  exeBytes,
  pdfBytes,
  pngBytes,
  reportForm,
  type EvidenceFile,
} from '../factories/evidence.factory.js';
import { reportRequestHash } from '../../src/reports/idempotency.js';
import { countRows, createTask } from '../factories/task.factory.js';
import { authed, bearer, login, uniqueName } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  messageEn: string;
  fields?: { field: string; message: string }[];
}

interface Report {
  id: string;
  taskId: string;
  period: string | null;
  percent: number;
  late: boolean;
  status: string;
  authorRelation: string;
  evidence: {
    id: string;
    filename: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    url: string;
  }[];
  reviews: { verdict: string; comment: string; reviewerRole: string }[];
}

const TUYEN_GIAO = 'hg-ban-tuyen-giao';
const BCSD = 'hg-bcsd-ubnd';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file under the storage root, so a refusal can be shown to leave nothing behind. */
function storedFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(root);
  return out;
}

describe('progress reports', () => {
  let t: TestApp;
  let db: DataSource;
  let storage: string;
  let agency: string;
  let otherAgency: string;
  let inspector: string;
  let office: string;

  beforeAll(async () => {
    storage = mkdtempSync(join(tmpdir(), 'dondoc-evidence-'));
    t = await startTestApp({ env: { STORAGE_DIR: storage } });
    db = t.app.get(DataSource);
    [agency, otherAgency, inspector, office] = await Promise.all([
      login(t, 'tuyengiao.hg'),
      login(t, 'bcsd.hg'),
      login(t, 'ubkt.hg'),
      login(t, 'vanphong.hg'),
    ]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(storage, { recursive: true, force: true });
  });

  const post = (token: string, taskId: string, key: string | null, body: FormData | object) =>
    t.api(`/tasks/${taskId}/reports`, {
      method: 'POST',
      headers: bearer(token, {
        ...(key === null ? {} : { 'idempotency-key': key }),
        ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      }),
      body: body instanceof FormData ? body : JSON.stringify(body),
    });

  const review = (token: string, reportId: string, verdict: string, comment: string) =>
    t.api(`/reports/${reportId}/review`, authed(token, 'POST', { verdict, comment }));

  const obligationRow = async (id: string) =>
    (
      (await db.query('SELECT met_at, met_report_id FROM obligation WHERE id = ?', [id])) as {
        met_at: Date | null;
        met_report_id: string | null;
      }[]
    )[0];

  it('records a report with a PDF and a PNG, meets the obligation and replays by key', async () => {
    const task = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      obligations: [{ periodKey: '2099-H1', dueOn: '2099-07-15' }],
      targets: 1,
    });
    const files: EvidenceFile[] = [
      { name: 'Biên bản hội nghị.pdf', bytes: pdfBytes(), type: 'application/pdf' },
      { name: 'anh-hoi-nghi.png', bytes: pngBytes(), type: 'image/png' },
    ];
    const fields = {
      percent: '40',
      narrative: 'Đã tổ chức hội nghị quán triệt cho 100% cán bộ chủ chốt.',
      period: '2099-H1',
      indicators: JSON.stringify([{ targetId: task.targetIds[0], value: 85 }]),
    };
    const key = uniqueName('happy-');

    const first = await post(agency, task.taskId, key, reportForm(fields, files));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const report = (await first.json()) as Report;
    expect(report).toMatchObject({
      taskId: task.taskId,
      period: '2099-H1',
      percent: 40,
      late: false,
      status: 'submitted',
      authorRelation: 'lead',
    });
    expect(report.evidence.map((e) => [e.filename, e.mediaType, e.sha256, e.sizeBytes])).toEqual([
      ['Biên bản hội nghị.pdf', 'application/pdf', sha256(files[0].bytes), files[0].bytes.length],
      ['anh-hoi-nghi.png', 'image/png', sha256(files[1].bytes), files[1].bytes.length],
    ]);

    const obligation = await obligationRow(task.obligations['2099-H1']);
    expect(obligation.met_report_id).toBe(report.id);
    expect(obligation.met_at).not.toBeNull();
    const [taskRow] = (await db.query('SELECT percent FROM task WHERE id = ?', [task.taskId])) as {
      percent: number;
    }[];
    expect(Number(taskRow.percent)).toBe(40);

    // The same bytes come back, under the file's own name.
    const download = await t.api(report.evidence[0].url.replace('/api/v1', ''), {
      headers: bearer(inspector),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên bản hội nghị.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(files[0].bytes)).toBe(true);
    const foreign = await t.api(report.evidence[0].url.replace('/api/v1', ''), {
      headers: bearer(otherAgency),
    });
    expect(foreign.status).toBe(404);

    // A replay answers the first answer, and records nothing more.
    const replay = await post(agency, task.taskId, key, reportForm(fields, files));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await expect(replay.json()).resolves.toEqual(report);
    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(1);

    // The same key with another body is refused.
    const other = await post(
      agency,
      task.taskId,
      key,
      reportForm({ ...fields, percent: '41' }, files),
    );
    expect(other.status).toBe(422);
    const otherFile = await post(
      agency,
      task.taskId,
      key,
      reportForm(fields, [
        files[0],
        { name: 'khac.png', bytes: Buffer.concat([pngBytes(), Buffer.from([0])]) },
      ]),
    );
    expect(otherFile.status).toBe(422);
    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(1);

    // Listed with its evidence, for whoever sees the task.
    const list = await t.api(`/tasks/${task.taskId}/reports`, { headers: bearer(office) });
    expect(list.status).toBe(200);
    const page = (await list.json()) as {
      items: Report[];
      total: number;
      page: number;
      pageSize: number;
    };
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(page.items[0].evidence).toHaveLength(2);
  });

  it('accepts a Word document, recognised inside its zip', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const bytes = await docxBytes();
    const response = await post(
      agency,
      task.taskId,
      uniqueName('docx-'),
      reportForm({ percent: '15', narrative: 'Kèm báo cáo Word' }, [
        { name: 'Báo cáo.docx', bytes, type: 'application/octet-stream' },
      ]),
    );
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toMatchObject({
      evidence: [
        {
          filename: 'Báo cáo.docx',
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          sha256: sha256(bytes),
        },
      ],
    });
  });

  it('accepts a JSON body without files', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const response = await post(agency, task.taskId, uniqueName('json-'), {
      percent: 10,
      narrative: 'Đã xây dựng kế hoạch thực hiện.',
    });
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toMatchObject({
      percent: 10,
      period: null,
      evidence: [],
    });
  });

  it('records exactly one report for 20 concurrent posts with one key', async () => {
    const task = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      obligations: [{ periodKey: '2099-H2', dueOn: '2100-01-15' }],
    });
    const key = uniqueName('burst-');
    const fields = { percent: '55', narrative: 'Báo cáo gửi đồng thời.', period: '2099-H2' };
    const files = [{ name: 'bien-ban.pdf', bytes: pdfBytes('đồng thời') }];
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(agency, task.taskId, key, reportForm(fields, files))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(
      responses.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed')),
    ).toHaveLength(1);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(1);
    await expect(
      countRows(
        db,
        'evidence_file',
        'report_id IN (SELECT id FROM progress_report WHERE task_id = ?)',
        [task.taskId],
      ),
    ).resolves.toBe(1);
    // The losers' copies of the file were removed again: one file for one evidence row.
    const [row] = (await db.query(
      'SELECT storage_key FROM evidence_file WHERE report_id IN (SELECT id FROM progress_report WHERE task_id = ?)',
      [task.taskId],
    )) as { storage_key: string }[];
    expect(
      storedFiles(storage).filter((p) => p.includes(row.storage_key.split('/')[2])),
    ).toHaveLength(1);
  });

  it('answers 409 with Retry-After while the first request is in flight, and takes over an abandoned key', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const body = { percent: 25, narrative: 'Đang xử lý' };
    const hash = reportRequestHash({
      taskId: task.taskId,
      period: null,
      percent: 25,
      narrative: 'Đang xử lý',
      indicators: [],
      evidence: [],
    });
    const [user] = (await db.query("SELECT id FROM app_user WHERE username = 'tuyengiao.hg'")) as {
      id: string;
    }[];
    const holdKey = async (key: string, ageMinutes: number) =>
      db.query(
        `INSERT INTO idempotency_key (user_id, idem_key, request_hash, state, created_at, expires_at)
         VALUES (?, ?, ?, 'in_flight', NOW(3) - INTERVAL ? MINUTE, NOW(3) + INTERVAL 1 DAY)`,
        [user.id, key, hash, ageMinutes],
      );

    const running = uniqueName('running-');
    await holdKey(running, 0);
    const busy = await post(agency, task.taskId, running, body);
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('2');
    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(0);

    // A key left in flight by a process that died is taken over after a while.
    const abandoned = uniqueName('abandoned-');
    await holdKey(abandoned, 30);
    const retried = await post(agency, task.taskId, abandoned, body);
    expect(retried.status).toBe(201);
    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(1);
  });

  it('refuses invalid input naming the field, and writes nothing', async () => {
    const task = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      obligations: [{ periodKey: '2099-H1', dueOn: '2099-07-15' }],
      targets: 1,
    });
    const valid = { percent: '30', narrative: 'Nội dung hợp lệ', period: '2099-H1' };
    const filesBefore = storedFiles(storage).length;
    const keysBefore = await countRows(db, 'idempotency_key', "idem_key LIKE 'invalid-%'");
    const cases: [Record<string, string>, string][] = [
      [{ ...valid, percent: '101' }, 'percent'],
      [{ ...valid, percent: '12.5' }, 'percent'],
      [{ ...valid, percent: 'bốn mươi' }, 'percent'],
      [{ ...valid, narrative: '   ' }, 'narrative'],
      [{ ...valid, narrative: 'x'.repeat(20_001) }, 'narrative'],
      [{ ...valid, period: '2030-H1' }, 'period'],
      [{ ...valid, indicators: 'not json' }, 'indicators'],
      [
        { ...valid, indicators: JSON.stringify([{ targetId: 'khong-co', value: 1 }]) },
        'indicators.0.targetId',
      ],
      [
        { ...valid, indicators: JSON.stringify([{ targetId: task.targetIds[0], value: 'nhiều' }]) },
        'indicators.0.value',
      ],
      [{ ...valid, extra: 'x' }, 'extra'],
    ];
    for (const [fields, field] of cases) {
      const response = await post(
        agency,
        task.taskId,
        uniqueName('invalid-'),
        reportForm(fields, [{ name: 'a.pdf', bytes: pdfBytes() }]),
      );
      const body = (await response.json()) as ErrorBody;
      const named = [...new Set(body.fields?.map((f) => f.field))];
      expect([response.status, field, named]).toEqual([400, field, [field]]);
      expect(body.message).toMatch(/[ạ-ỹ]/);
    }

    const noKey = await post(agency, task.taskId, null, reportForm(valid));
    expect(noKey.status).toBe(400);
    await expect(noKey.json()).resolves.toMatchObject({
      fields: [{ field: 'Idempotency-Key' }],
    });
    const badKey = await post(agency, task.taskId, 'has space/slash', reportForm(valid));
    expect(badKey.status).toBe(400);
    const longKey = await post(agency, task.taskId, 'k'.repeat(129), {
      percent: 1,
      narrative: 'a',
    });
    expect(longKey.status).toBe(400);

    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(0);
    await expect(countRows(db, 'idempotency_key', "idem_key LIKE 'invalid-%'")).resolves.toBe(
      keysBefore,
    );
    expect(storedFiles(storage)).toHaveLength(filesBefore);
    const [taskRow] = (await db.query('SELECT percent, version FROM task WHERE id = ?', [
      task.taskId,
    ])) as {
      percent: number;
      version: number;
    }[];
    expect([Number(taskRow.percent), Number(taskRow.version)]).toEqual([0, 1]);
  });

  it('refuses a 25 MB file (413) and an .exe named .pdf (415), storing nothing', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const filesBefore = storedFiles(storage).length;
    const big = Buffer.alloc(25 * 1024 * 1024, 0x20);
    pdfBytes().copy(big);
    const tooBig = await post(
      agency,
      task.taskId,
      uniqueName('big-'),
      reportForm({ percent: '20', narrative: 'Tệp lớn' }, [{ name: 'lon.pdf', bytes: big }]),
    );
    expect(tooBig.status).toBe(413);
    const tooBigBody = (await tooBig.json()) as ErrorBody;
    expect(tooBigBody.fields?.[0].field).toBe('evidence');
    expect(tooBigBody.message).toContain('lon.pdf');

    // The limit is EVIDENCE_MAX_FILE_MB (20), not the server's default multipart limit (10).
    const fifteen = Buffer.alloc(15 * 1024 * 1024, 0x20);
    pdfBytes().copy(fifteen);
    const accepted = await post(
      agency,
      task.taskId,
      uniqueName('15mb-'),
      reportForm({ percent: '20', narrative: 'Tệp 15 MB' }, [{ name: 'vua.pdf', bytes: fifteen }]),
    );
    expect(accepted.status).toBe(201);
    await expect(accepted.json()).resolves.toMatchObject({
      evidence: [{ sizeBytes: fifteen.length, sha256: sha256(fifteen) }],
    });

    const exe = await post(
      agency,
      task.taskId,
      uniqueName('exe-'),
      reportForm({ percent: '20', narrative: 'Tệp giả' }, [
        { name: 'bao-cao.pdf', bytes: exeBytes(), type: 'application/pdf' },
      ]),
    );
    expect(exe.status).toBe(415);
    const exeBody = (await exe.json()) as ErrorBody;
    expect(exeBody.message).toContain('bao-cao.pdf');
    expect(exeBody.fields?.[0].field).toBe('evidence');

    const tooMany = await post(
      agency,
      task.taskId,
      uniqueName('many-'),
      reportForm(
        { percent: '20', narrative: 'Nhiều tệp' },
        Array.from({ length: 11 }, (_, i) => ({ name: `${i}.png`, bytes: pngBytes() })),
      ),
    );
    expect([413, 400]).toContain(tooMany.status);
    await expect(tooMany.json()).resolves.toMatchObject({ fields: [{ field: 'evidence' }] });

    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(1);
    expect(storedFiles(storage)).toHaveLength(filesBefore + 1);
  });

  it('answers 404 outside the scope and 403 to a caller who sees the task but may not report', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const body = { percent: 5, narrative: 'Không phải việc của tôi' };
    const foreign = await post(otherAgency, task.taskId, uniqueName('foreign-'), body);
    expect(foreign.status).toBe(404);
    const list = await t.api(`/tasks/${task.taskId}/reports`, { headers: bearer(otherAgency) });
    expect(list.status).toBe(404);
    const byOffice = await post(office, task.taskId, uniqueName('office-'), body);
    expect(byOffice.status).toBe(403);
    const delegated = await createTask(db, { leadOrgId: BCSD });
    await db.query('UPDATE task SET delegated_by_org_id = ? WHERE id = ?', [
      TUYEN_GIAO,
      delegated.taskId,
    ]);
    const byDelegator = await post(agency, delegated.taskId, uniqueName('delegator-'), body);
    expect(byDelegator.status).toBe(403);
    await expect(
      countRows(db, 'progress_report', 'task_id IN (?, ?)', [task.taskId, delegated.taskId]),
    ).resolves.toBe(0);
  });

  it('takes a coordinator report as a contribution that meets nothing', async () => {
    const task = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      coordinatorOrgIds: [BCSD],
      obligations: [{ periodKey: '2099-H1', dueOn: '2099-07-15' }],
    });
    const response = await post(otherAgency, task.taskId, uniqueName('coord-'), {
      percent: 70,
      narrative: 'Phối hợp cung cấp số liệu.',
      period: '2099-H1',
    });
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toMatchObject({ authorRelation: 'coordinator' });
    expect((await obligationRow(task.obligations['2099-H1'])).met_at).toBeNull();
    const [taskRow] = (await db.query('SELECT percent FROM task WHERE id = ?', [task.taskId])) as {
      percent: number;
    }[];
    expect(Number(taskRow.percent)).toBe(0);
  });

  it('takes no new report on a closed task, yet still replays an earlier one', async () => {
    const task = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const key = uniqueName('closed-');
    const body = { percent: 100, narrative: 'Hoàn thành.' };
    const first = await post(agency, task.taskId, key, body);
    expect(first.status).toBe(201);
    await db.query("UPDATE task SET status = 'verified' WHERE id = ?", [task.taskId]);
    const replay = await post(agency, task.taskId, key, body);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const fresh = await post(agency, task.taskId, uniqueName('closed-'), body);
    expect(fresh.status).toBe(409);
    await expect(countRows(db, 'progress_report', 'task_id = ?', [task.taskId])).resolves.toBe(1);
  });

  it('marks a report after the end of the due day late', async () => {
    const task = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      obligations: [{ periodKey: '2020-H1', dueOn: '2020-07-15' }],
    });
    const response = await post(agency, task.taskId, uniqueName('late-'), {
      percent: 50,
      narrative: 'Báo cáo muộn.',
      period: '2020-H1',
    });
    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toMatchObject({ late: true });
    expect((await obligationRow(task.obligations['2020-H1'])).met_at).not.toBeNull();
  });

  it('reviews: accepted closes the report, rework reopens the obligation, agencies may not review', async () => {
    const task = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      obligations: [
        { periodKey: '2099-H1', dueOn: '2099-07-15' },
        { periodKey: '2099-H2', dueOn: '2100-01-15' },
      ],
    });
    const submit = async (period: string) => {
      const response = await post(agency, task.taskId, uniqueName('rv-'), {
        percent: 60,
        narrative: `Báo cáo kỳ ${period}`,
        period,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as Report).id;
    };
    const first = await submit('2099-H1');
    const second = await submit('2099-H2');

    // The inspector's queue lists both, oldest first; agencies have no such list. Other suites
    // leave reports in the run's database too, so the queue is read to its end.
    const ids: string[] = [];
    for (let page = 1; page <= 200; page += 1) {
      const queue = (await (
        await t.api(`/reports?status=submitted&pageSize=200&page=${page}`, {
          headers: bearer(inspector),
        })
      ).json()) as { items: Report[] };
      ids.push(...queue.items.map((r) => r.id));
      if (queue.items.length < 200) break;
    }
    expect(ids).toEqual(expect.arrayContaining([first, second]));
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect((await t.api('/reports?status=submitted', { headers: bearer(agency) })).status).toBe(
      403,
    );
    expect((await t.api('/reports?status=late', { headers: bearer(inspector) })).status).toBe(400);

    const byAgency = await review(agency, first, 'accepted', 'Tự duyệt');
    expect(byAgency.status).toBe(403);
    const shortReason = await review(inspector, second, 'rework', 'xem');
    expect(shortReason.status).toBe(400);
    await expect(shortReason.json()).resolves.toMatchObject({ fields: [{ field: 'comment' }] });

    const accepted = await review(inspector, first, 'accepted', 'Đạt yêu cầu');
    expect(accepted.status).toBe(201);
    await expect(accepted.json()).resolves.toMatchObject({
      status: 'accepted',
      reviews: [{ verdict: 'accepted', reviewerRole: 'inspector' }],
    });
    const again = await review(office, first, 'rejected', 'Xem xét lại toàn bộ');
    expect(again.status).toBe(409);

    expect((await obligationRow(task.obligations['2099-H2'])).met_report_id).toBe(second);
    const rework = await review(inspector, second, 'rework', 'Thiếu số liệu minh chứng');
    expect(rework.status).toBe(201);
    expect(await obligationRow(task.obligations['2099-H2'])).toEqual({
      met_at: null,
      met_report_id: null,
    });
    // rework is not final: a later verdict is taken.
    const rejected = await review(office, second, 'rejected', 'Không bổ sung số liệu');
    expect(rejected.status).toBe(201);
    const finalAgain = await review(inspector, second, 'accepted', 'Đạt');
    expect(finalAgain.status).toBe(409);
    const after = (await (
      await t.api('/reports?status=submitted&pageSize=200', { headers: bearer(inspector) })
    ).json()) as { items: Report[] };
    expect(after.items.map((r) => r.id)).not.toContain(first);

    const list = (await (
      await t.api(`/tasks/${task.taskId}/reports`, { headers: bearer(agency) })
    ).json()) as { items: Report[] };
    const reviewed = list.items.find((r) => r.id === second);
    expect(reviewed?.reviews.map((r) => r.verdict)).toEqual(['rework', 'rejected']);
  });

  it("rolls the lead's percent up to the parent task", async () => {
    const parent = await createTask(db, { leadOrgId: TUYEN_GIAO });
    const child = await createTask(db, {
      leadOrgId: TUYEN_GIAO,
      parentId: parent.taskId,
      documentId: parent.documentId,
    });
    const response = await post(agency, child.taskId, uniqueName('rollup-'), {
      percent: 80,
      narrative: 'Đơn vị cấp dưới đã hoàn thành phần lớn.',
    });
    expect(response.status).toBe(201);
    const [row] = (await db.query('SELECT percent FROM task WHERE id = ?', [parent.taskId])) as {
      percent: number;
    }[];
    expect(Number(row.percent)).toBe(80);
  });

  it('documents the routes in OpenAPI, with the Idempotency-Key header', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const submit = doc.paths['/api/v1/tasks/{id}/reports'].post;
    expect(submit.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    expect(doc.paths['/api/v1/tasks/{id}/reports'].get).toBeDefined();
    expect(doc.paths['/api/v1/reports/{id}/evidence/{fileId}'].get).toBeDefined();
    expect(doc.paths['/api/v1/reports/{id}/review'].post).toBeDefined();
  });

  it('keeps the audit chain valid after all of it', async () => {
    const response = await t.api('/audit/verify', { headers: bearer(inspector) });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ ok: true, firstBrokenId: null });
    await expect(
      countRows(db, 'audit_event', "action IN ('report.submit', 'report.review')"),
    ).resolves.toBeGreaterThan(5);
  });
});
