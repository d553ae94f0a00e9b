import { addDays, INPUT_DATE_MAX, INPUT_DATE_MIN, isInputDate } from '../../common/dates.js';
import { foldedKey } from './normalize-name.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
  type CatalogOrganization,
  type GroupDefinition,
  type GroupSelector,
  type OrganizationCatalog,
  type OrganizationKind,
  type OrganizationLevel,
} from './organization-catalog.types.js';

export interface CatalogIssue {
  /** file name, or "catalog" for checks across files */
  source: string;
  /** "organizations[3]", "groups[1]", or "" for the file as a whole */
  path: string;
  code: string | null;
  message: string;
}

export function formatIssue(issue: CatalogIssue): string {
  const where = [issue.source, issue.path].filter((s) => s.length > 0).join(' ');
  const who = issue.code ? ` (${issue.code})` : '';
  return `${where}${who}: ${issue.message}`;
}

const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG_PATTERN = CODE_PATTERN;
const ORGANIZATION_FIELDS = new Set([
  'code',
  'name',
  'shortName',
  'aliases',
  'kind',
  'level',
  'province',
  'district',
  'parent',
  'groups',
  'validFrom',
  'validTo',
  'successors',
]);
const GROUP_FIELDS = new Set(['tag', 'name', 'aliases', 'scope', 'selective', 'select', 'note']);
const FILE_FIELDS = new Set(['province', 'description', 'organizations', 'groups']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

class IssueSink {
  readonly issues: CatalogIssue[] = [];
  constructor(private readonly source: string) {}
  add(path: string, code: string | null, message: string): void {
    this.issues.push({ source: this.source, path, code, message });
  }
}

function checkText(
  sink: IssueSink,
  path: string,
  code: string | null,
  field: string,
  value: unknown,
): value is string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    sink.add(path, code, `${field} must be a non-empty string`);
    return false;
  }
  if (value !== value.normalize('NFC'))
    sink.add(path, code, `${field} "${value}" is not NFC; save the file as NFC`);
  if (value !== value.trim() || /\s{2,}/.test(value))
    sink.add(path, code, `${field} "${value}" has stray spaces`);
  return true;
}

function checkDate(
  sink: IssueSink,
  path: string,
  code: string | null,
  field: string,
  value: unknown,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !isInputDate(value)) {
    sink.add(
      path,
      code,
      `${field} must be YYYY-MM-DD from ${INPUT_DATE_MIN} to ${INPUT_DATE_MAX} or null, got ${JSON.stringify(value)}`,
    );
    return null;
  }
  return value;
}

function parseOrganization(
  sink: IssueSink,
  path: string,
  raw: unknown,
  fileProvince: string | null,
): CatalogOrganization | null {
  if (!isRecord(raw)) {
    sink.add(path, null, 'entry must be an object');
    return null;
  }
  const code = typeof raw.code === 'string' ? raw.code : null;
  for (const key of Object.keys(raw)) {
    if (!ORGANIZATION_FIELDS.has(key))
      sink.add(
        path,
        code,
        `unknown field "${key}" (allowed: ${[...ORGANIZATION_FIELDS].join(', ')})`,
      );
  }
  const before = sink.issues.length;
  if (code === null || !CODE_PATTERN.test(code))
    sink.add(
      path,
      code,
      `code must be kebab-case ASCII (a-z, 0-9, "-"), got ${JSON.stringify(raw.code)}`,
    );
  checkText(sink, path, code, 'name', raw.name);
  checkText(sink, path, code, 'shortName', raw.shortName);
  if (!isStringArray(raw.aliases))
    sink.add(path, code, 'aliases must be an array of strings ([] if none)');
  else raw.aliases.forEach((a, i) => checkText(sink, path, code, `aliases[${i}]`, a));
  if (!ORGANIZATION_KINDS.includes(raw.kind as OrganizationKind)) {
    sink.add(
      path,
      code,
      `kind ${JSON.stringify(raw.kind)} is not one of ${ORGANIZATION_KINDS.join(', ')}`,
    );
  }
  if (!ORGANIZATION_LEVELS.includes(raw.level as OrganizationLevel)) {
    sink.add(
      path,
      code,
      `level ${JSON.stringify(raw.level)} is not one of ${ORGANIZATION_LEVELS.join(', ')}`,
    );
  }
  const province = raw.province === undefined ? fileProvince : raw.province;
  if (typeof province !== 'string' || province.length === 0) {
    sink.add(path, code, 'province is missing: set it on the entry or as the file\'s "province"');
  }
  const district = raw.district === undefined ? null : raw.district;
  if (district !== null && typeof district !== 'string')
    sink.add(path, code, 'district must be a string or absent');
  if ((raw.level === 'huyen' || raw.level === 'xa') && typeof district !== 'string') {
    sink.add(path, code, `a body at level ${String(raw.level)} needs its district`);
  }
  if (raw.parent !== null && typeof raw.parent !== 'string')
    sink.add(path, code, 'parent must be a code or null');
  if (!isStringArray(raw.groups))
    sink.add(path, code, 'groups must be an array of tags ([] if none)');
  else
    raw.groups
      .filter((g) => !TAG_PATTERN.test(g))
      .forEach((g) => sink.add(path, code, `group tag "${g}" must be kebab-case ASCII`));
  if (!isStringArray(raw.successors))
    sink.add(path, code, 'successors must be an array of codes ([] if none)');
  if (!('validFrom' in raw) || !('validTo' in raw))
    sink.add(path, code, 'validFrom and validTo must be present (null when open)');
  const validFrom = checkDate(sink, path, code, 'validFrom', raw.validFrom);
  const validTo = checkDate(sink, path, code, 'validTo', raw.validTo);
  if (validFrom && validTo && validFrom > validTo)
    sink.add(path, code, `validFrom ${validFrom} is after validTo ${validTo}`);
  if (sink.issues.length > before) return null;
  return {
    code: code as string,
    name: raw.name as string,
    shortName: raw.shortName as string,
    aliases: raw.aliases as string[],
    kind: raw.kind as OrganizationKind,
    level: raw.level as OrganizationLevel,
    province: province as string,
    district: district as string | null,
    parent: raw.parent as string | null,
    groups: raw.groups as string[],
    validFrom,
    validTo,
    successors: raw.successors as string[],
  };
}

function parseGroup(sink: IssueSink, path: string, raw: unknown): GroupDefinition | null {
  if (!isRecord(raw)) {
    sink.add(path, null, 'group must be an object');
    return null;
  }
  const tag = typeof raw.tag === 'string' ? raw.tag : null;
  const before = sink.issues.length;
  for (const key of Object.keys(raw)) {
    if (!GROUP_FIELDS.has(key))
      sink.add(path, tag, `unknown field "${key}" (allowed: ${[...GROUP_FIELDS].join(', ')})`);
  }
  if (tag === null || !TAG_PATTERN.test(tag)) sink.add(path, tag, 'tag must be kebab-case ASCII');
  checkText(sink, path, tag, 'name', raw.name);
  if (!isStringArray(raw.aliases)) sink.add(path, tag, 'aliases must be an array of strings');
  if (raw.scope !== 'province' && raw.scope !== 'district')
    sink.add(path, tag, 'scope must be "province" or "district"');
  if (raw.selective !== undefined && typeof raw.selective !== 'boolean')
    sink.add(path, tag, 'selective must be true, false or absent');
  const select = raw.select;
  if (!isRecord(select)) {
    sink.add(path, tag, 'select must be an object with groups, kinds and/or levels');
  } else {
    const { groups, kinds, levels } = select;
    if (groups === undefined && kinds === undefined)
      sink.add(path, tag, 'select needs groups or kinds');
    if (groups !== undefined && !isStringArray(groups))
      sink.add(path, tag, 'select.groups must be an array of tags');
    if (
      kinds !== undefined &&
      !(
        isStringArray(kinds) &&
        kinds.every((k) => ORGANIZATION_KINDS.includes(k as OrganizationKind))
      )
    ) {
      sink.add(path, tag, `select.kinds must be among ${ORGANIZATION_KINDS.join(', ')}`);
    }
    if (
      levels !== undefined &&
      !(
        isStringArray(levels) &&
        levels.every((l) => ORGANIZATION_LEVELS.includes(l as OrganizationLevel))
      )
    ) {
      sink.add(path, tag, `select.levels must be among ${ORGANIZATION_LEVELS.join(', ')}`);
    }
  }
  if (sink.issues.length > before) return null;
  return {
    tag: tag as string,
    name: raw.name as string,
    aliases: raw.aliases as string[],
    scope: raw.scope as 'province' | 'district',
    selective: raw.selective === true,
    select: select as GroupSelector,
    ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
  };
}

/** Reads one parsed JSON file; entries with problems are reported and left out. */
export function parseCatalogFile(
  source: string,
  json: unknown,
): { catalog: OrganizationCatalog; issues: CatalogIssue[] } {
  const sink = new IssueSink(source);
  const catalog: OrganizationCatalog = { organizations: [], groups: [] };
  if (!isRecord(json)) {
    sink.add('', null, 'the file must hold a JSON object with "organizations" and/or "groups"');
    return { catalog, issues: sink.issues };
  }
  for (const key of Object.keys(json)) {
    if (!FILE_FIELDS.has(key))
      sink.add(
        '',
        null,
        `unknown top-level field "${key}" (allowed: ${[...FILE_FIELDS].join(', ')})`,
      );
  }
  const fileProvince = typeof json.province === 'string' ? json.province : null;
  if (json.organizations !== undefined) {
    if (!Array.isArray(json.organizations)) sink.add('', null, '"organizations" must be an array');
    else
      json.organizations.forEach((raw, i) => {
        const org = parseOrganization(sink, `organizations[${i}]`, raw, fileProvince);
        if (org) catalog.organizations.push(org);
      });
  }
  if (json.groups !== undefined) {
    if (!Array.isArray(json.groups)) sink.add('', null, '"groups" must be an array');
    else
      json.groups.forEach((raw, i) => {
        const group = parseGroup(sink, `groups[${i}]`, raw);
        if (group) catalog.groups.push(group);
      });
  }
  return { catalog, issues: sink.issues };
}

function groupAliasKey(alias: string): string {
  return foldedKey(alias).replace(/^cac (?=.)/, '');
}

function overlaps(a: CatalogOrganization, b: CatalogOrganization): boolean {
  const aFrom = a.validFrom ?? '0000-00-00';
  const bFrom = b.validFrom ?? '0000-00-00';
  const aTo = a.validTo ?? '9999-12-31';
  const bTo = b.validTo ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
}

function isValidAt(org: CatalogOrganization, date: string): boolean {
  return (
    (org.validFrom === null || org.validFrom <= date) &&
    (org.validTo === null || date <= org.validTo)
  );
}

/** Checks across entries and files: unique codes, references, validity, successor cycles, name clashes. */
export function validateCatalog(catalog: OrganizationCatalog): CatalogIssue[] {
  const sink = new IssueSink('catalog');
  const byCode = new Map<string, CatalogOrganization>();
  for (const org of catalog.organizations) {
    if (byCode.has(org.code)) sink.add('', org.code, 'duplicate code');
    else byCode.set(org.code, org);
  }
  for (const org of catalog.organizations) {
    if (org.parent !== null) {
      const parent = byCode.get(org.parent);
      if (!parent) sink.add('', org.code, `parent "${org.parent}" is not in the catalog`);
      else if (parent.code === org.code) sink.add('', org.code, 'is its own parent');
    }
    if (org.validFrom !== null && org.validTo !== null && org.validFrom > org.validTo) {
      sink.add('', org.code, `validFrom ${org.validFrom} is after validTo ${org.validTo}`);
    }
    if (org.successors.length > 0 && org.validTo === null) {
      sink.add('', org.code, 'has successors but no validTo: set the last day it existed');
    }
    for (const s of org.successors) {
      const successor = byCode.get(s);
      if (!successor) {
        sink.add('', org.code, `successor "${s}" is not in the catalog`);
        continue;
      }
      if (s === org.code) sink.add('', org.code, 'is its own successor');
      // The successor must exist on the day after this body ended, or open tasks would fall
      // into a gap.
      if (org.validTo !== null && !isValidAt(successor, addDays(org.validTo, 1))) {
        sink.add(
          '',
          org.code,
          `successor "${s}" is not valid on ${addDays(org.validTo, 1)}, the day after this body ended`,
        );
      }
    }
    const localityEnd =
      org.level === 'tinh' ? org.province : org.level === 'huyen' ? org.district : null;
    if (localityEnd !== null && !foldedKey(org.name).endsWith(foldedKey(localityEnd))) {
      sink.add('', org.code, `name "${org.name}" should end with its locality "${localityEnd}"`);
    }
  }
  // Successor cycles, by depth-first search over the successor graph.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, trail: string[]): void => {
    if (state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      sink.add(
        '',
        code,
        `successor cycle: ${[...trail.slice(trail.indexOf(code)), code].join(' → ')}`,
      );
      return;
    }
    state.set(code, 'visiting');
    for (const s of byCode.get(code)?.successors ?? [])
      if (byCode.has(s)) visit(s, [...trail, code]);
    state.set(code, 'done');
  };
  for (const code of byCode.keys()) visit(code, []);

  // Two bodies with the same name (up to case and diacritics) may not be valid at the same time.
  const byName = new Map<string, CatalogOrganization[]>();
  for (const org of byCode.values()) {
    const key = foldedKey(org.name);
    byName.set(key, [...(byName.get(key) ?? []), org]);
  }
  for (const same of byName.values()) {
    for (let i = 0; i < same.length; i++) {
      for (let j = i + 1; j < same.length; j++) {
        if (overlaps(same[i], same[j])) {
          sink.add(
            '',
            same[j].code,
            `has the same name as "${same[i].code}" and their validity overlaps`,
          );
        }
      }
    }
  }

  // A plural mention must lead to one group; "các" in front does not make a different alias.
  const groupAliases = new Map<string, string>();
  for (const group of catalog.groups) {
    for (const alias of new Set([group.name, ...group.aliases].map(groupAliasKey))) {
      const owner = groupAliases.get(alias);
      if (owner !== undefined && owner !== group.tag) {
        sink.add('', group.tag, `alias "${alias}" is also an alias of group "${owner}"`);
      } else groupAliases.set(alias, group.tag);
    }
  }

  const tags = new Set<string>();
  const usedTags = new Set(catalog.organizations.flatMap((o) => o.groups));
  for (const group of catalog.groups) {
    if (tags.has(group.tag)) sink.add('', group.tag, 'duplicate group tag');
    tags.add(group.tag);
    for (const t of group.select.groups ?? []) {
      if (!usedTags.has(t))
        sink.add('', group.tag, `selects group tag "${t}", which no body carries`);
    }
  }
  return sink.issues;
}
