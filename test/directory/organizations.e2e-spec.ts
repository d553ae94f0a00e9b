import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { authed, bearer, login, uniqueName } from '../helpers/auth.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface Org {
  id: string;
  name: string;
  level: string;
  validTo: string | null;
}

interface ErrorBody {
  statusCode: number;
  message: string;
  fields?: { field: string; message: string }[];
}

function csvRequest(token: string, csv: string): RequestInit {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'bodies.csv');
  return { method: 'POST', headers: bearer(token), body: form };
}

describe('organizations', () => {
  let t: TestApp;
  let admin: string;
  let agency: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, 'admin');
    agency = await login(t, 'tuyengiao.hg');
  });
  afterAll(() => t.close());

  it('searches without diacritics, by abbreviation, level and date', async () => {
    const response = await t.api(
      '/organizations?q=ban%20tuyen%20giao&province=H%C3%A0%20Giang&asOf=2022-06-01',
      {
        headers: bearer(agency),
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Org[]; total: number };
    expect(body.items.map((o) => o.name)).toContain('Ban Tuyên giáo Tỉnh ủy Hà Giang');
    expect(body.items.map((o) => o.name)).not.toContain(
      'Ban Tuyên giáo và Dân vận Tỉnh ủy Hà Giang',
    );

    const huyen = (await (
      await t.api(
        '/organizations?group=huyen-uy&province=H%C3%A0%20Giang&asOf=2022-06-01&pageSize=200',
        {
          headers: bearer(agency),
        },
      )
    ).json()) as { items: Org[]; total: number };
    expect(huyen.total).toBe(10);
    expect(huyen.items.every((o) => o.level === 'huyen')).toBe(true);
  });

  it('resolves a mention as of a date, and a group with its members', async () => {
    const one = await t.api(
      `/organizations/resolve?mention=${encodeURIComponent('UBKT Tỉnh uỷ')}&province=${encodeURIComponent('Hà Giang')}&asOf=2022-06-01`,
      { headers: bearer(agency) },
    );
    expect(one.status).toBe(200);
    await expect(one.json()).resolves.toMatchObject({
      organization: { id: 'hg-ubkt' },
      group: null,
    });

    const group = (await (
      await t.api(
        `/organizations/resolve?mention=${encodeURIComponent('các huyện ủy, thành ủy')}&province=${encodeURIComponent('Hà Giang')}&asOf=2022-06-01`,
        { headers: bearer(agency) },
      )
    ).json()) as { organization: null; group: { tag: string; members: Org[] } };
    expect(group.organization).toBeNull();
    expect(group.group.members).toHaveLength(11);
  });

  it('refuses a bad date and a missing mention, naming the field', async () => {
    const response = await t.api('/organizations/resolve?asOf=2022-13-01', {
      headers: bearer(agency),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect([...new Set(body.fields?.map((f) => f.field))].sort()).toEqual(['asOf', 'mention']);
  });

  it('lets only an admin add and change bodies, each change audited', async () => {
    const code = uniqueName('hg-test-so-').toLowerCase();
    const payload = {
      code,
      name: 'Sở Thử nghiệm tỉnh Hà Giang',
      kind: 'department',
      level: 'tinh',
      province: 'Hà Giang',
      parent: 'hg-ubnd',
      groups: ['so-ban-nganh'],
    };
    expect((await t.api('/organizations', authed(agency, 'POST', payload))).status).toBe(403);
    const created = await t.api('/organizations', authed(admin, 'POST', payload));
    expect(created.status).toBe(201);
    await expect(created.json()).resolves.toMatchObject({
      id: code,
      shortName: payload.name,
      validTo: null,
    });
    expect((await t.api('/organizations', authed(admin, 'POST', payload))).status).toBe(409);

    const closed = await t.api(
      `/organizations/${code}`,
      authed(admin, 'PATCH', { validTo: '2025-02-28', successors: ['hg-ubnd'] }),
    );
    expect(closed.status).toBe(200);
    await expect(closed.json()).resolves.toMatchObject({
      validTo: '2025-02-28',
      successors: ['hg-ubnd'],
    });

    const events = (await (
      await t.api(`/audit?entityType=organization&entityId=${code}`, { headers: bearer(admin) })
    ).json()) as { items: { action: string; before: unknown }[] };
    expect(events.items.map((e) => e.action)).toEqual([
      'organization.create',
      'organization.update',
    ]);
    expect(events.items[1].before).toMatchObject({ validTo: null });
  });

  it('refuses an inconsistent change and leaves the body as it was', async () => {
    const bad = await t.api(
      '/organizations/hg-ban-noi-chinh',
      authed(admin, 'PATCH', { validFrom: '2030-01-01', validTo: '2020-01-01' }),
    );
    expect(bad.status).toBe(400);
    const unknownParent = await t.api(
      '/organizations/hg-ban-noi-chinh',
      authed(admin, 'PATCH', { parent: 'no-such-parent' }),
    );
    expect(unknownParent.status).toBe(400);
    const after = (await (
      await t.api('/organizations/hg-ban-noi-chinh', { headers: bearer(admin) })
    ).json()) as Org & {
      parentId: string;
    };
    expect(after.validTo).toBe('2025-06-30');
    expect(after.parentId).toBe('hg-tinh-uy');
    expect((await t.api('/organizations/no-such-body', { headers: bearer(admin) })).status).toBe(
      404,
    );
  });

  describe('CSV import', () => {
    const header =
      'code,name,shortName,kind,level,province,district,parent,aliases,groups,validFrom,validTo,successors';

    it('imports every row of a good file', async () => {
      const a = uniqueName('hg-csv-a-').toLowerCase();
      const b = uniqueName('hg-csv-b-').toLowerCase();
      const csv = `\uFEFF${header}
${a},Hội Thử A tỉnh Hà Giang,Hội Thử A,socio-political-org,tinh,Hà Giang,,hg-tinh-uy,HTA|Hoi Thu A,to-chuc-chinh-tri-xa-hoi,,,
${b},Hội Thử B tỉnh Hà Giang,,socio-political-org,tinh,Hà Giang,,${a},,,2020-01-01,,
`;
      const response = await t.api('/organizations/import', csvRequest(admin, csv));
      expect(response.status).toBe(201);
      await expect(response.json()).resolves.toEqual({
        created: [a, b],
        updated: [],
        unchanged: [],
      });
      const found = (await (
        await t.api(`/organizations?q=hoi%20thu%20a`, { headers: bearer(admin) })
      ).json()) as { items: Org[] };
      expect(found.items.map((o) => o.id)).toContain(a);
    });

    it('reports bad rows by line and imports nothing', async () => {
      const good = uniqueName('hg-csv-ok-').toLowerCase();
      const csv = `${header}
${good},Hội Tốt tỉnh Hà Giang,,socio-political-org,tinh,Hà Giang,,hg-tinh-uy,,,,,
BAD CODE,Hội Xấu tỉnh Hà Giang,,socio-political-org,tinh,Hà Giang,,,,,,,
${good}-2,Hội Xấu Hai tỉnh Hà Giang,,no-such-kind,tinh,Hà Giang,,,,,2024-02-30,,
`;
      const response = await t.api('/organizations/import', csvRequest(admin, csv));
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      const lines = [...new Set(body.fields?.map((f) => f.field))].sort();
      expect(lines).toEqual(['line 3', 'line 4']);
      expect(body.message).toContain('Không nhập dữ liệu nào');
      expect((await t.api(`/organizations/${good}`, { headers: bearer(admin) })).status).toBe(404);
    });

    it('refuses a wrong header, an empty file and a non-admin', async () => {
      const wrong = await t.api('/organizations/import', csvRequest(admin, 'ma,ten\nx,y\n'));
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as ErrorBody).fields?.[0].field).toBe('file');
      expect((await t.api('/organizations/import', csvRequest(admin, `${header}\n`))).status).toBe(
        400,
      );
      expect((await t.api('/organizations/import', csvRequest(agency, `${header}\n`))).status).toBe(
        403,
      );
    });
  });
});
