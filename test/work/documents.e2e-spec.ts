import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { authed, bearer, login } from '../helpers/auth.js';
import {
  publish,
  SEED_HA_GIANG,
  SEED_LAM_DONG,
  uploadText,
  type PublishedTask,
} from '../helpers/documents.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  fields?: { field: string }[];
  existingDocumentIds?: string[];
}

describe('documents: parse, upload, correct, publish', () => {
  let t: TestApp;
  let office: string;
  let inspector: string;
  let agency: string;

  beforeAll(async () => {
    t = await startTestApp();
    [office, inspector, agency] = await Promise.all([
      login(t, 'vanphong.hg'),
      login(t, 'ubkt.hg'),
      login(t, 'tuyengiao.hg'),
    ]);
  });
  afterAll(() => t.close());

  it('previews a text without storing anything', async () => {
    const text = readFileSync(SEED_HA_GIANG, 'utf8');
    const response = await t.api('/documents/parse', authed(office, 'POST', { text }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      documents: { kind: string; clauses: { leads: { orgId?: string | null }[] }[] }[];
    };
    expect(body.documents[0].kind).toBe('NQ');
    expect(body.documents[0].clauses).toHaveLength(6);
    // With the directory, single leads carry their directory entry.
    expect(body.documents[0].clauses[3].leads[0].orgId).toBe('hg-ban-tuyen-giao');
    const list = (await (
      await t.api('/documents?pageSize=200', { headers: bearer(office) })
    ).json()) as { items: { id: string }[] };
    const again = await t.api('/documents/parse', authed(office, 'POST', { text }));
    expect(again.status).toBe(200);
    const after = (await (
      await t.api('/documents?pageSize=200', { headers: bearer(office) })
    ).json()) as { items: unknown[] };
    expect(after.items).toHaveLength(list.items.length);
  });

  it('refuses empty text, a wrong type and a role that may not parse', async () => {
    const empty = await t.api('/documents/parse', authed(office, 'POST', { text: '   ' }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).fields?.[0].field).toBe('text');
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xfe])]),
      'virus.pdf',
    );
    const exe = await t.api('/documents/parse', {
      method: 'POST',
      headers: bearer(office),
      body: form,
    });
    expect(exe.status).toBe(415);
    expect((await t.api('/documents/parse', authed(agency, 'POST', { text: 'x' }))).status).toBe(
      403,
    );
  });

  it('refuses a file over 10 MB with 413', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a'.repeat(10 * 1024 * 1024 + 10)]), 'big.txt');
    const response = await t.api('/documents/parse', {
      method: 'POST',
      headers: bearer(office),
      body: form,
    });
    expect(response.status).toBe(413);
  });

  it('stores a file with several documents linked to the letter that carries them, once', async () => {
    const marker = `dup-${Date.now()}`;
    const first = await uploadText(t, office, SEED_LAM_DONG, marker);
    expect(first.status).toBe(201);
    const kinds = first.body.items.map((d) => d.kind);
    expect(kinds).toEqual(['CV', 'CV', 'NQ']);
    expect(first.body.items.every((d) => d.status === 'draft')).toBe(true);
    const detail = (await (
      await t.api(`/documents/${first.body.items[2].id}`, { headers: bearer(inspector) })
    ).json()) as {
      carriedById: string | null;
      source: { sha256: string };
    };
    expect(detail.carriedById).toBe(first.body.items[1].id);
    // Each clause's offsets point at its words in the stored (normalized) text.
    const source = (await (
      await t.api(`/documents/${first.body.items[2].id}/source`, { headers: bearer(office) })
    ).json()) as {
      text: string;
    };
    const clauses = (await (
      await t.api(`/documents/${first.body.items[2].id}`, { headers: bearer(office) })
    ).json()) as {
      clauses: { text: string; start: number; end: number }[];
    };
    for (const clause of clauses.clauses) {
      const slice = source.text.slice(clause.start, clause.end).replace(/\s+/g, ' ');
      expect(slice).toContain(clause.text.replace(/\s+/g, ' ').slice(0, 30));
    }
    expect(detail.source.sha256).toMatch(/^[0-9a-f]{64}$/);

    const second = await uploadText(t, office, SEED_LAM_DONG, marker);
    expect(second.status).toBe(409);
    const refusal = second.body as unknown as ErrorBody;
    expect(refusal.existingDocumentIds?.sort()).toEqual(first.body.items.map((d) => d.id).sort());
  });

  it('lets the office correct a clause before publishing, and not after', async () => {
    const { body } = await uploadText(t, office, SEED_HA_GIANG);
    const doc = body.items[0];
    const clause = doc.clauses[5];
    const bad = await t.api(
      `/documents/${doc.id}/clauses/${clause.id}`,
      authed(office, 'PATCH', { leads: ['no-such-body'] }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).fields?.[0].field).toBe('leads');
    const fixed = await t.api(
      `/documents/${doc.id}/clauses/${clause.id}`,
      authed(office, 'PATCH', {
        leads: ['hg-ban-tuyen-giao'],
        coordinators: ['hg-ban-dan-van'],
        cadence: 'annual',
        dueOn: '2025-12-20',
      }),
    );
    expect(fixed.status).toBe(200);
    await expect(fixed.json()).resolves.toMatchObject({
      leads: [{ orgId: 'hg-ban-tuyen-giao' }],
      coordinators: [{ orgId: 'hg-ban-dan-van' }],
      cadence: 'annual',
      dueOn: '2025-12-20',
      corrected: true,
    });
    expect(
      (
        await t.api(
          `/documents/${doc.id}/clauses/${clause.id}`,
          authed(inspector, 'PATCH', { cadence: 'once' }),
        )
      ).status,
    ).toBe(403);
    expect((await publish(t, office, doc.id)).status).toBe(201);
    const late = await t.api(
      `/documents/${doc.id}/clauses/${clause.id}`,
      authed(office, 'PATCH', { cadence: 'once' }),
    );
    expect(late.status).toBe(409);
  });

  it('publishes seed 001: a task per lead, groups fanned out, obligations per period; twice is refused', async () => {
    const { body } = await uploadText(t, office, SEED_HA_GIANG);
    const doc = body.items[0];
    const plan = (await (
      await t.api(`/documents/${doc.id}/plan`, { headers: bearer(office) })
    ).json()) as { problems: unknown[] };
    expect(plan.problems).toEqual([]);
    // Undated: the preview follows the date the office is about to give.
    const dated = (await (
      await t.api(`/documents/${doc.id}/plan?issuedOn=2022-05-20`, { headers: bearer(office) })
    ).json()) as { tasks: unknown[] };
    expect(
      (await t.api(`/documents/${doc.id}/plan?issuedOn=2022-02-30`, { headers: bearer(office) }))
        .status,
    ).toBe(400);

    const published = await publish(t, office, doc.id, {
      issuedOn: '2022-05-20',
      number: '99-NQ/TU',
    });
    expect(published.status).toBe(201);
    const tasks = published.body.tasks;
    expect(tasks).toHaveLength(dated.tasks.length);
    const singles = tasks
      .filter((x) => x.origin === 'clause')
      .map((x) => x.leadOrgId)
      .sort();
    expect(singles).toEqual(
      ['hg-ban-tuyen-giao', 'hg-bcsd-ubnd', 'hg-dd-hdnd', 'hg-hoi-dong-ly-luan', 'hg-ubkt'].sort(),
    );
    const parents = tasks.filter((x) => x.origin === 'group');
    expect(parents.length).toBeGreaterThanOrEqual(3);
    for (const parent of parents) {
      const children = tasks.filter((x) => x.parentId === parent.id);
      expect(children.length).toBeGreaterThan(0);
      expect(children.every((c) => c.origin === 'member' && c.leadOrgId)).toBe(true);
    }
    // The issuer does not assign itself.
    expect(tasks.some((x) => x.leadOrgId === 'hg-tinh-uy')).toBe(false);
    expect(tasks.every((x) => x.status === 'assigned' && x.version === 1)).toBe(true);

    // "định kỳ" reporting with the period 2021-2025: one obligation per half-year from issue.
    const bcsd = tasks.find(
      (x) => x.origin === 'clause' && x.leadOrgId === 'hg-bcsd-ubnd',
    ) as PublishedTask;
    const detail = (await (
      await t.api(`/tasks/${bcsd.id}`, { headers: bearer(office) })
    ).json()) as {
      obligations: { periodKey: string; dueOn: string }[];
      clause: { text: string };
      history: { action: string }[];
    };
    expect(detail.obligations.map((o) => o.periodKey)).toEqual([
      '2022-H1',
      '2022-H2',
      '2023-H1',
      '2023-H2',
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
    ]);
    expect(detail.clause.text).toContain('Ban cán sự đảng');
    expect(detail.history.map((h) => h.action)).toEqual(['create']);

    const again = await publish(t, office, doc.id);
    expect(again.status).toBe(409);
    const doc2 = (await (
      await t.api(`/documents/${doc.id}`, { headers: bearer(office) })
    ).json()) as { number: string; issuedOn: string; status: string };
    expect(doc2).toMatchObject({ status: 'published', number: '99-NQ/TU', issuedOn: '2022-05-20' });
  });

  it('answers 404 for a document of another committee or an unknown id', async () => {
    expect(
      (await t.api('/documents/00000000-0000-4000-8000-000000000000', { headers: bearer(office) }))
        .status,
    ).toBe(404);
    expect((await t.api('/documents/not-a-uuid', { headers: bearer(office) })).status).toBe(404);
  });
});
