import { expandAbbreviations } from './abbreviations.js';
import { foldDiacritics, foldedKey, nameTokens } from './normalize-name.js';
import type {
  CatalogOrganization,
  GroupDefinition,
  OrganizationCatalog,
  OrganizationLevel,
} from './organization-catalog.types.js';

export interface ResolveContext {
  /** the document's date (YYYY-MM-DD); null: resolve against the bodies that exist now */
  asOf?: string | null;
  /** the issuer's province, e.g. "Hà Giang" (a leading "tỉnh" is ignored) */
  province?: string | null;
  /** the issuer's district for a district document, e.g. "Đam Rông" */
  district?: string | null;
  /** the caller knows the mention is plural (the parser's `group` flag) */
  plural?: boolean;
}

/**
 * How a mention met the body: its full name or an alias as written ("name", "alias"), the
 * same without the locality, which the context supplied ("local-name", "local-alias"), or
 * also without the level word ("Sở Tài chính" for "Sở Tài chính tỉnh Hà Giang": "short").
 */
export type MatchKind =
  'name' | 'alias' | 'local-name' | 'local-alias' | 'short-name' | 'short-alias';

export interface ResolutionCandidate {
  organization: CatalogOrganization;
  score: number;
  matchedBy: MatchKind;
  /** false: the body matched but did not exist at the context's date */
  validAtDate: boolean;
}

export interface GroupResolution {
  tag: string;
  name: string;
  /** members are suggestions the office picks from ("các sở, ban, ngành liên quan") */
  selective: boolean;
  members: CatalogOrganization[];
}

export interface MentionResolution {
  /** the one body valid at the date that the mention names; null when none or ambiguous */
  organization: CatalogOrganization | null;
  /** every body the mention could name, best first (includes the chosen one) */
  candidates: ResolutionCandidate[];
  group: GroupResolution | null;
}

export interface SearchFilter {
  asOf?: string | null;
  province?: string | null;
  group?: string | null;
  level?: OrganizationLevel | null;
}

const BASE_SCORE: Record<MatchKind, number> = {
  name: 100,
  alias: 95,
  'local-name': 85,
  'local-alias': 80,
  'short-name': 72,
  'short-alias': 68,
};
const PENALTY_EXPANDED = 2;
const PENALTY_FOLDED = 6;
const PENALTY_REORDERED = 3;
const BONUS_SAME_DISTRICT = 2;
const MAX_CANDIDATES = 10;

// Words that say the level of the body; dropping them lets "Sở Tài chính" meet "Sở Tài chính tỉnh Hà Giang".
const LEVEL_WORDS: string[][] = [
  ['tỉnh'],
  ['huyện'],
  ['xã'],
  ['thành', 'phố'],
  ['cấp', 'tỉnh'],
  ['cấp', 'huyện'],
];
const LOCALITY_PREFIXES: string[][] = [
  ['tỉnh'],
  ['huyện'],
  ['thành', 'phố'],
  ['thị', 'xã'],
  ['tp'],
];

interface IndexHit {
  organization: CatalogOrganization;
  matchedBy: MatchKind;
}

interface KeyVariant {
  tokens: string[];
  penalty: number;
}

function isValidAt(org: CatalogOrganization, date: string): boolean {
  return (
    (org.validFrom === null || org.validFrom <= date) &&
    (org.validTo === null || date <= org.validTo)
  );
}

function endsWithTokens(tokens: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length === 0 || suffix.length > tokens.length) return false;
  const offset = tokens.length - suffix.length;
  return suffix.every((t, i) => foldDiacritics(tokens[offset + i]) === foldDiacritics(t));
}

function startsWithTokens(tokens: readonly string[], prefix: readonly string[]): boolean {
  if (prefix.length === 0 || prefix.length > tokens.length) return false;
  return prefix.every((t, i) => foldDiacritics(tokens[i]) === foldDiacritics(t));
}

function stripLocalityPrefix(tokens: string[]): string[] {
  for (const prefix of LOCALITY_PREFIXES) {
    if (tokens.length > prefix.length && startsWithTokens(tokens, prefix))
      return tokens.slice(prefix.length);
  }
  return tokens;
}

/** "tỉnh Hà Giang" and "Hà Giang" are the same locality. */
export function localityKey(locality: string | null | undefined): string | null {
  if (locality === null || locality === undefined || locality.trim() === '') return null;
  return foldDiacritics(stripLocalityPrefix(nameTokens(locality)).join(' '));
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Variants a written name is compared under: as written, with abbreviations expanded. */
function spellings(text: string): KeyVariant[] {
  const tokens = nameTokens(text);
  const expanded = expandAbbreviations(tokens);
  const variants: KeyVariant[] = [{ tokens, penalty: 0 }];
  if (expanded.join(' ') !== tokens.join(' '))
    variants.push({ tokens: expanded, penalty: PENALTY_EXPANDED });
  return variants;
}

function stripLeadingCac(tokens: string[]): string[] {
  return tokens.length > 1 && foldDiacritics(tokens[0]) === 'cac' ? tokens.slice(1) : tokens;
}

export class MentionResolver {
  private readonly byCode = new Map<string, CatalogOrganization>();
  /** folded province and district of each body, computed once: groups scan the whole catalog */
  private readonly places = new Map<string, { province: string | null; district: string | null }>();
  private readonly exactIndex = new Map<string, IndexHit[]>();
  private readonly foldedIndex = new Map<string, IndexHit[]>();
  private readonly groupExact = new Map<string, GroupDefinition>();
  private readonly groupFolded = new Map<string, GroupDefinition>();
  private readonly groupsByTag = new Map<string, GroupDefinition>();
  /** names (full and local) of bodies that head others, for letterheads written parent first */
  private readonly parentPrefixes: string[][] = [];

  constructor(private readonly catalog: OrganizationCatalog) {
    for (const org of catalog.organizations) {
      this.byCode.set(org.code, org);
      this.places.set(org.code, {
        province: localityKey(org.province),
        district: localityKey(org.district),
      });
    }
    for (const org of catalog.organizations) this.indexOrganization(org);
    const parents = new Set(
      catalog.organizations.map((o) => o.parent).filter((p): p is string => p !== null),
    );
    const seen = new Set<string>();
    for (const code of parents) {
      const org = this.byCode.get(code);
      if (!org) continue;
      for (const tokens of this.nameForms(org)) {
        const key = foldDiacritics(tokens.join(' '));
        if (!seen.has(key)) {
          seen.add(key);
          this.parentPrefixes.push(tokens);
        }
      }
    }
    for (const group of catalog.groups) this.indexGroup(group);
  }

  get organizations(): readonly CatalogOrganization[] {
    return this.catalog.organizations;
  }

  get groups(): readonly GroupDefinition[] {
    return this.catalog.groups;
  }

  findByCode(code: string): CatalogOrganization | null {
    return this.byCode.get(code) ?? null;
  }

  /**
   * The body a mention names as of the context's date. A plural mention ("các huyện ủy"), or
   * one the caller flags as plural, resolves to a group and its members instead.
   */
  resolveMention(written: string, context: ResolveContext = {}): MentionResolution {
    // Recipient lists add "(b/c)", "(báo cáo)", "(để biết)" after the body: not part of its name.
    const mention = written.replace(/\([^()]*\)/g, ' ');
    const plural = context.plural ?? this.looksPlural(mention);
    if (plural) {
      const group = this.resolveGroup(mention, context);
      if (group) return { organization: null, candidates: [], group };
    }
    const single = this.resolveSingle(mention, context);
    if (single.organization || single.candidates.length > 0 || plural) return single;
    const group = this.resolveGroup(mention, context);
    return group ? { organization: null, candidates: [], group } : single;
  }

  /**
   * Follows successors from a body to the one valid at the date (for open tasks after a
   * merger): the body itself if still valid, else the first successor valid then, else the
   * primary (first) successor's own successors. Null if the date is before the body existed
   * or the chain ends without a body valid at the date.
   */
  successorAsOf(code: string, date: string): CatalogOrganization | null {
    let current = this.byCode.get(code) ?? null;
    const visited = new Set<string>();
    while (current && !visited.has(current.code)) {
      visited.add(current.code);
      if (isValidAt(current, date)) return current;
      if (current.validFrom !== null && date < current.validFrom) return null;
      const successors = current.successors
        .map((s) => this.byCode.get(s))
        .filter((s): s is CatalogOrganization => !!s);
      const validNow = successors.find((s) => isValidAt(s, date));
      if (validNow) return validNow;
      current = successors[0] ?? null;
    }
    return null;
  }

  /** The members of a group as of the context's date, in catalog order. */
  groupMembers(tag: string, context: ResolveContext = {}): CatalogOrganization[] {
    const group = this.groupsByTag.get(tag);
    return group ? this.membersOf(group, context) : [];
  }

  /** Directory search: diacritics- and case-insensitive, on names, short names and aliases. */
  search(query: string, filter: SearchFilter = {}): CatalogOrganization[] {
    const q = foldedKey(query);
    const province = localityKey(filter.province);
    return this.catalog.organizations.filter((org) => {
      if (filter.asOf ? !isValidAt(org, filter.asOf) : false) return false;
      if (province !== null && this.provinceOf(org) !== province) return false;
      if (filter.group && !org.groups.includes(filter.group)) return false;
      if (filter.level && org.level !== filter.level) return false;
      if (q.length === 0) return true;
      return [org.name, org.shortName, org.code, ...org.aliases].some((s) =>
        foldedKey(s).includes(q),
      );
    });
  }

  private provinceOf(org: CatalogOrganization): string | null {
    return this.places.get(org.code)?.province ?? localityKey(org.province);
  }

  private districtOf(org: CatalogOrganization): string | null {
    return this.places.get(org.code)?.district ?? localityKey(org.district);
  }

  // ---------------------------------------------------------------- indexing

  private localityOf(org: CatalogOrganization): string | null {
    if (org.level === 'tinh') return org.province;
    if (org.level === 'huyen') return org.district;
    return null; // a commune body's name carries the commune; there is no shorter form
  }

  /** The body's name and aliases with and without the locality, as token lists. */
  private nameForms(org: CatalogOrganization): string[][] {
    const out: string[][] = [];
    const locality = this.localityOf(org);
    const localityTokens = locality ? nameTokens(locality) : [];
    for (const form of [org.name, ...org.aliases]) {
      for (const { tokens } of spellings(form)) {
        out.push(tokens);
        if (endsWithTokens(tokens, localityTokens))
          out.push(tokens.slice(0, tokens.length - localityTokens.length));
      }
    }
    return out.filter((t) => t.length > 0);
  }

  private indexOrganization(org: CatalogOrganization): void {
    const locality = this.localityOf(org);
    const localityTokens = locality ? nameTokens(locality) : [];
    const forms: Array<{ text: string; isName: boolean }> = [
      { text: org.name, isName: true },
      ...org.aliases.map((text) => ({ text, isName: false })),
    ];
    for (const { text, isName } of forms) {
      for (const { tokens } of spellings(text)) {
        const hasLocality = localityTokens.length > 0 && endsWithTokens(tokens, localityTokens);
        if (locality === null || hasLocality) {
          this.addKey(tokens, { organization: org, matchedBy: isName ? 'name' : 'alias' });
        }
        if (locality === null) continue;
        // A form without the locality ("Tỉnh ủy", "Ủy ban nhân dân huyện") only counts when
        // the context supplies that locality.
        const local = hasLocality ? tokens.slice(0, tokens.length - localityTokens.length) : tokens;
        if (local.length === 0) continue;
        this.addKey(local, { organization: org, matchedBy: isName ? 'local-name' : 'local-alias' });
        for (const level of LEVEL_WORDS) {
          if (local.length > level.length && endsWithTokens(local, level)) {
            this.addKey(local.slice(0, local.length - level.length), {
              organization: org,
              matchedBy: isName ? 'short-name' : 'short-alias',
            });
          }
        }
      }
    }
  }

  private addKey(tokens: string[], hit: IndexHit): void {
    const exact = tokens.join(' ');
    const folded = foldDiacritics(exact);
    const sameHit = (h: IndexHit) =>
      h.organization === hit.organization && h.matchedBy === hit.matchedBy;
    if (!(this.exactIndex.get(exact) ?? []).some(sameHit)) addTo(this.exactIndex, exact, hit);
    if (!(this.foldedIndex.get(folded) ?? []).some(sameHit)) addTo(this.foldedIndex, folded, hit);
  }

  private indexGroup(group: GroupDefinition): void {
    this.groupsByTag.set(group.tag, group);
    for (const text of [group.name, ...group.aliases]) {
      for (const { tokens } of spellings(text)) {
        const stripped = stripLeadingCac(tokens).join(' ');
        // First definition wins, so a file cannot silently take over another's alias.
        if (!this.groupExact.has(stripped)) this.groupExact.set(stripped, group);
        const folded = foldDiacritics(stripped);
        if (!this.groupFolded.has(folded)) this.groupFolded.set(folded, group);
      }
    }
  }

  // ---------------------------------------------------------------- resolving

  private looksPlural(mention: string): boolean {
    return nameTokens(mention).some((t) => foldDiacritics(t) === 'cac');
  }

  private mentionVariants(mention: string): KeyVariant[] {
    const variants = spellings(mention);
    // Letterheads name the parent first: "HUYỆN ỦY ĐAM RÔNG / BAN DÂN VẬN".
    const reordered: KeyVariant[] = [];
    for (const v of variants) {
      for (const prefix of this.parentPrefixes) {
        if (v.tokens.length > prefix.length && startsWithTokens(v.tokens, prefix)) {
          reordered.push({
            tokens: [...v.tokens.slice(prefix.length), ...v.tokens.slice(0, prefix.length)],
            penalty: v.penalty + PENALTY_REORDERED,
          });
        }
      }
    }
    return [...variants, ...reordered];
  }

  private resolveSingle(mention: string, context: ResolveContext): MentionResolution {
    const asOf = context.asOf ?? null;
    const province = localityKey(context.province);
    const district = localityKey(context.district);
    const best = new Map<string, ResolutionCandidate>();
    // Bodies named without their locality while the context has none: shown, never taken.
    const guesses = new Set<string>();
    const named = new Set<string>();
    const consider = (hit: IndexHit, penalty: number) => {
      const org = hit.organization;
      const local = hit.matchedBy !== 'name' && hit.matchedBy !== 'alias';
      if (local) {
        // The locality came from the context, so the body must be in it: another province's
        // body is never taken, nor offered, for "Ban Tuyên giáo Tỉnh ủy".
        if (province === null) guesses.add(org.code);
        else if (this.provinceOf(org) !== province) return;
        else if (org.level !== 'tinh' && (district === null || this.districtOf(org) !== district))
          return;
      }
      let score = BASE_SCORE[hit.matchedBy] - penalty;
      if (district !== null && org.district !== null && this.districtOf(org) === district)
        score += BONUS_SAME_DISTRICT;
      const validAtDate = asOf === null ? true : isValidAt(org, asOf);
      const previous = best.get(org.code);
      if (!previous || previous.score < score)
        best.set(org.code, { organization: org, score, matchedBy: hit.matchedBy, validAtDate });
      if (!local) named.add(org.code);
    };
    for (const variant of this.mentionVariants(mention)) {
      const exact = variant.tokens.join(' ');
      for (const hit of this.exactIndex.get(exact) ?? []) consider(hit, variant.penalty);
      for (const hit of this.foldedIndex.get(foldDiacritics(exact)) ?? [])
        consider(hit, variant.penalty + PENALTY_FOLDED);
    }
    const candidates = [...best.values()].sort((a, b) => this.compare(a, b, asOf));
    const taken = (code: string) => named.has(code) || !guesses.has(code);
    const eligible = candidates.filter((c) => c.validAtDate && taken(c.organization.code));
    let organization: CatalogOrganization | null = null;
    if (
      eligible.length > 0 &&
      (eligible.length === 1 || this.compare(eligible[0], eligible[1], asOf) < 0)
    ) {
      organization = eligible[0].organization;
    }
    return { organization, candidates: candidates.slice(0, MAX_CANDIDATES), group: null };
  }

  /** Best first; without a date, a body that still exists wins over an older one of the same name. */
  private compare(a: ResolutionCandidate, b: ResolutionCandidate, asOf: string | null): number {
    if (a.validAtDate !== b.validAtDate) return a.validAtDate ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    if (asOf !== null) return 0;
    const aOpen = a.organization.validTo === null;
    const bOpen = b.organization.validTo === null;
    if (aOpen !== bOpen) return aOpen ? -1 : 1;
    return (b.organization.validFrom ?? '').localeCompare(a.organization.validFrom ?? '');
  }

  private resolveGroup(mention: string, context: ResolveContext): GroupResolution | null {
    for (const { tokens } of spellings(mention)) {
      const key = stripLeadingCac(tokens).join(' ');
      const group = this.groupExact.get(key) ?? this.groupFolded.get(foldDiacritics(key));
      if (group) {
        return {
          tag: group.tag,
          name: group.name,
          selective: group.selective,
          members: this.membersOf(group, context),
        };
      }
    }
    return null;
  }

  private membersOf(group: GroupDefinition, context: ResolveContext): CatalogOrganization[] {
    const asOf = context.asOf ?? null;
    const province = localityKey(context.province);
    const district = group.scope === 'district' ? localityKey(context.district) : null;
    const { groups, kinds, levels } = group.select;
    return this.catalog.organizations.filter((org) => {
      if (asOf !== null ? !isValidAt(org, asOf) : org.validTo !== null) return false;
      if (province !== null && this.provinceOf(org) !== province) return false;
      if (district !== null && this.districtOf(org) !== district) return false;
      if (levels && !levels.includes(org.level)) return false;
      const byTag = groups?.some((g) => org.groups.includes(g)) ?? false;
      const byKind = kinds?.includes(org.kind) ?? false;
      return byTag || byKind;
    });
  }
}
