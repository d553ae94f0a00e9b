import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogDirectory } from '../../src/organizations/catalog/catalog-directory.js';
import type { ResolveContext } from '../../src/organizations/catalog/mention-resolver.js';
import { realResolver } from './catalog-resolver.fixture.js';

// Every party the parser's expected output names (issuers, recipients, leads, coordinators,
// report-to) must resolve: a single body to an entry of that exact canonical name, a plural
// mention to a group of that name.

interface Party {
  mention: string;
  name: string;
  group: boolean;
}

interface ExpectedDocument {
  kind: string;
  number: string | null;
  issuer: Party;
  issuedOn: string | null;
}

const EXAMPLES_DIR = join(process.cwd(), 'test', 'fixtures', 'examples');

// The draft resolutions carry no date of their own: the cover letter's date for 000, and
// mid-2022 for the Hà Giang resolution of 2022.
const UNDATED_AS_OF: Record<string, string> = {
  '000_95fe18056013d91d.expected.json': '2021-11-23',
  '001_fa2d4705234aec79.expected.json': '2022-06-01',
};

function isParty(value: unknown): value is Party {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.mention === 'string' && typeof v.name === 'string' && typeof v.group === 'boolean'
  );
}

function collectParties(value: unknown, out: Party[]): Party[] {
  if (Array.isArray(value)) value.forEach((v) => collectParties(v, out));
  else if (typeof value === 'object' && value !== null) {
    if (isParty(value)) out.push(value);
    Object.values(value).forEach((v) => collectParties(v, out));
  }
  return out;
}

function contextOf(doc: ExpectedDocument, file: string): ResolveContext {
  const issuer = doc.issuer.name;
  const province = /Hà Giang/.test(issuer)
    ? 'Hà Giang'
    : /Lâm Đồng|Đam Rông/.test(issuer)
      ? 'Lâm Đồng'
      : null;
  const district = /Đam Rông/.test(issuer) ? 'Đam Rông' : null;
  return { asOf: doc.issuedOn ?? UNDATED_AS_OF[file], province, district };
}

const cases: Array<{ file: string; doc: string; party: Party; context: ResolveContext }> = [];
for (const file of readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()) {
  const { documents } = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as {
    documents: ExpectedDocument[];
  };
  for (const doc of documents) {
    const context = contextOf(doc, file);
    const seen = new Set<string>();
    for (const party of collectParties(doc, [])) {
      const key = `${party.mention}|${party.name}|${party.group}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cases.push({ file, doc: `${doc.kind} ${doc.number ?? '(draft)'}`, party, context });
    }
  }
}

describe('parties of the expected examples', () => {
  const resolver = realResolver();

  it('finds parties in both examples', () => {
    expect(new Set(cases.map((c) => c.file)).size).toBe(2);
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.every((c) => c.context.province !== null)).toBe(true);
  });

  it.each(cases.map((c) => [c.doc, c.party.name, c.party.group ? 'group' : 'body', c] as const))(
    '%s: name "%s" (%s) resolves',
    (_doc, _name, _kind, { party, context }) => {
      const result = resolver.resolveMention(party.name, { ...context, plural: party.group });
      if (party.group) {
        expect(result.group?.name).toBe(party.name);
      } else {
        expect(result.group).toBeNull();
        expect(result.organization?.name).toBe(party.name);
      }
    },
  );

  it.each(cases.map((c) => [c.doc, c.party.mention, c.party.name, c] as const))(
    '%s: mention "%s" as written resolves to "%s"',
    (_doc, _mention, _name, { party, context }) => {
      const result = resolver.resolveMention(party.mention, { ...context, plural: party.group });
      if (party.group) expect(result.group?.name).toBe(party.name);
      else expect(result.organization?.name).toBe(party.name);
    },
  );

  it('resolves them through the parser adapter too', () => {
    const directory = new CatalogDirectory(resolver);
    for (const { party, context } of cases) {
      const match = directory.resolve({
        mention: party.mention,
        name: party.name,
        group: party.group,
        asOf: context.asOf ?? null,
        province: context.province ?? null,
        district: context.district ?? null,
      });
      expect(match?.name).toBe(party.name);
      if (party.group) {
        expect(match?.orgId).toBeNull();
        expect(match?.groupTag).toEqual(expect.any(String));
      } else {
        expect(match?.orgId).toEqual(expect.any(String));
      }
    }
  });
});
