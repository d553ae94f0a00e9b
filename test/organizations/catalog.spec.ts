import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CatalogLoadError,
  loadCatalog,
  readCatalog,
} from '../../src/organizations/catalog/load-catalog.js';
import { validateCatalog } from '../../src/organizations/catalog/validate-catalog.js';
import type { CatalogOrganization } from '../../src/organizations/catalog/organization-catalog.types.js';
import { realCatalog } from './catalog-resolver.fixture.js';

function org(overrides: Partial<CatalogOrganization> & { code: string }): CatalogOrganization {
  return {
    name: `Cơ quan ${overrides.code} tỉnh Thử`,
    shortName: 'Cơ quan',
    aliases: [],
    kind: 'department',
    level: 'tinh',
    province: 'Thử',
    district: null,
    parent: null,
    groups: [],
    validFrom: null,
    validTo: null,
    successors: [],
    ...overrides,
  };
}

describe('the catalog in config/organizations', () => {
  const { catalog, issues } = readCatalog();

  it('loads without a problem', () => {
    expect(issues.map((i) => `${i.source} ${i.path} ${i.code ?? ''}: ${i.message}`)).toEqual([]);
    expect(() => loadCatalog()).not.toThrow();
  });

  it('holds both provinces, the Đam Rông bodies and the 2025 successors', () => {
    const provinces = new Set(catalog.organizations.map((o) => o.province));
    expect([...provinces].sort()).toEqual(['Hà Giang', 'Lâm Đồng', 'Tuyên Quang']);
    expect(
      catalog.organizations.filter((o) => o.district === 'Đam Rông').length,
    ).toBeGreaterThanOrEqual(15);
    expect(catalog.organizations.length).toBeGreaterThan(150);
    expect(catalog.groups.length).toBeGreaterThanOrEqual(15);
  });

  it('has unique kebab-case ASCII codes', () => {
    const codes = catalog.organizations.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has parents and successors that exist', () => {
    const codes = new Set(catalog.organizations.map((o) => o.code));
    for (const o of catalog.organizations) {
      if (o.parent !== null) expect(codes.has(o.parent)).toBe(true);
      for (const s of o.successors) expect(codes.has(s)).toBe(true);
    }
  });

  it('has sane validity ranges: from ≤ to, successors only on bodies that ended', () => {
    for (const o of catalog.organizations) {
      if (o.validFrom && o.validTo) expect(o.validFrom <= o.validTo).toBe(true);
      if (o.successors.length > 0) expect(o.validTo).not.toBeNull();
    }
  });

  it('has NFC names with diacritics', () => {
    for (const o of catalog.organizations) {
      for (const s of [o.name, o.shortName, ...o.aliases]) expect(s).toBe(s.normalize('NFC'));
    }
    const names = catalog.organizations.map((o) => o.name);
    expect(names).toContain('Ban Tuyên giáo Tỉnh ủy Hà Giang');
    expect(names).toContain('Ủy ban nhân dân huyện Đam Rông');
    expect(names).toContain('Đảng đoàn Hội đồng nhân dân tỉnh Lâm Đồng');
    expect(names).toContain('Ban cán sự đảng Ủy ban nhân dân tỉnh Hà Giang');
    expect(names).toContain('Hội đồng Lý luận tỉnh Hà Giang');
    expect(names).toContain("Đảng ủy xã Đạ M'Rông");
  });

  it('has no cycle in successors (every chain ends)', () => {
    const byCode = new Map(catalog.organizations.map((o) => [o.code, o]));
    for (const start of catalog.organizations) {
      const seen = new Set<string>();
      const stack = [start.code];
      while (stack.length > 0) {
        const code = stack.pop() as string;
        expect(seen.has(code) && code === start.code).toBe(false);
        if (seen.has(code)) continue;
        seen.add(code);
        stack.push(...(byCode.get(code)?.successors ?? []));
      }
      expect(seen.has(start.code)).toBe(true);
    }
  });

  it('uses each group tag in some body', () => {
    const tags = new Set(catalog.organizations.flatMap((o) => o.groups));
    for (const g of catalog.groups)
      for (const t of g.select.groups ?? []) expect(tags.has(t)).toBe(true);
  });

  it('is the same object the fixture shares', () => {
    expect(realCatalog().organizations.length).toBe(catalog.organizations.length);
  });
});

describe('validateCatalog', () => {
  it('reports duplicates, dangling references, bad ranges and gaps', () => {
    const issues = validateCatalog({
      organizations: [
        org({ code: 'a', parent: 'nowhere', validTo: '2025-02-28', successors: ['b'] }),
        org({ code: 'a' }),
        org({ code: 'b', validFrom: '2025-05-01' }),
        org({ code: 'c', validFrom: '2025-01-01', validTo: '2024-01-01' }),
        org({ code: 'd', successors: ['zzz'] }),
      ],
      groups: [],
    });
    const text = issues.map((i) => `${i.code}: ${i.message}`).join('\n');
    expect(text).toMatch(/a: duplicate code/);
    expect(text).toMatch(/a: parent "nowhere" is not in the catalog/);
    expect(text).toMatch(/a: successor "b" is not valid on 2025-03-01/);
    expect(text).toMatch(/c: validFrom 2025-01-01 is after validTo 2024-01-01/);
    expect(text).toMatch(/d: has successors but no validTo/);
    expect(text).toMatch(/d: successor "zzz" is not in the catalog/);
  });

  it('reports successor cycles', () => {
    const issues = validateCatalog({
      organizations: [
        org({ code: 'x', validTo: '2025-06-30', successors: ['y'] }),
        org({ code: 'y', validTo: '2025-06-30', successors: ['x'] }),
      ],
      groups: [],
    });
    expect(issues.some((i) => /successor cycle/.test(i.message))).toBe(true);
  });

  it('reports two bodies of the same name valid at once', () => {
    const issues = validateCatalog({
      organizations: [
        org({ code: 'p', name: 'Sở Y tế tỉnh Thử' }),
        org({ code: 'q', name: 'Sở Y Tế tỉnh Thu' }),
      ],
      groups: [],
    });
    expect(issues.some((i) => i.code === 'q' && /same name/.test(i.message))).toBe(true);
  });
});

describe('validateCatalog on groups', () => {
  it('reports an alias shared by two groups', () => {
    const select = { groups: ['x'] };
    const issues = validateCatalog({
      organizations: [org({ code: 'a', groups: ['x'] })],
      groups: [
        {
          tag: 'g1',
          name: 'các huyện ủy',
          aliases: [],
          scope: 'province',
          selective: false,
          select,
        },
        { tag: 'g2', name: 'Huyện ủy', aliases: [], scope: 'province', selective: false, select },
      ],
    });
    expect(issues.map((i) => `${i.code}: ${i.message}`)).toEqual([
      'g2: alias "huyen uy" is also an alias of group "g1"',
    ]);
  });
});

describe('loadCatalog on a bad directory', () => {
  it('names the file, the entry and the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        province: 'Thử',
        organizations: [
          {
            code: 'Bad Code',
            name: 'Sở Y tế tỉnh Thử',
            shortName: 'Sở Y tế',
            aliases: [],
            kind: 'department',
            level: 'tinh',
            parent: null,
            groups: [],
            validFrom: null,
            validTo: null,
            successors: [],
          },
          {
            code: 'ok-but-kind',
            name: 'Sở Tư pháp tỉnh Thử',
            shortName: 'Sở Tư pháp',
            aliases: [],
            kind: 'ministry',
            level: 'tinh',
            parent: null,
            groups: [],
            validFrom: '2025-13-01',
            validTo: null,
            successors: [],
            colour: 'red',
          },
        ],
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{ "organizations": [ ');
    let error: unknown = null;
    try {
      loadCatalog(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CatalogLoadError);
    const message = (error as Error).message;
    expect(message).toMatch(/bad\.json organizations\[0\].*code must be kebab-case/);
    expect(message).toMatch(/bad\.json organizations\[1\] \(ok-but-kind\): unknown field "colour"/);
    expect(message).toMatch(/kind "ministry" is not one of/);
    expect(message).toMatch(/validFrom must be YYYY-MM-DD/);
    expect(message).toMatch(/broken\.json: not valid JSON/);
  });
});
