import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrganizationCatalog } from './organization-catalog.types.js';
import {
  formatIssue,
  parseCatalogFile,
  validateCatalog,
  type CatalogIssue,
} from './validate-catalog.js';

export const DEFAULT_CATALOG_DIR = join('config', 'organizations');

export class CatalogLoadError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(
      `The catalog of bodies has ${issues.length} problem(s); fix the JSON files and restart:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'CatalogLoadError';
  }
}

/** Reads every *.json in the directory (sorted by name) without throwing; the caller decides. */
export function readCatalog(dir: string = join(process.cwd(), DEFAULT_CATALOG_DIR)): {
  catalog: OrganizationCatalog;
  issues: CatalogIssue[];
} {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const catalog: OrganizationCatalog = { organizations: [], groups: [] };
  const issues: CatalogIssue[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      issues.push({
        source: file,
        path: '',
        code: null,
        message: `not valid JSON: ${(err as Error).message}`,
      });
      continue;
    }
    const parsed = parseCatalogFile(file, json);
    catalog.organizations.push(...parsed.catalog.organizations);
    catalog.groups.push(...parsed.catalog.groups);
    issues.push(...parsed.issues);
  }
  if (files.length === 0)
    issues.push({ source: dir, path: '', code: null, message: 'no *.json catalog files here' });
  issues.push(...validateCatalog(catalog));
  return { catalog, issues };
}

/** Reads and validates the catalog; throws CatalogLoadError listing every problem. */
export function loadCatalog(dir?: string): OrganizationCatalog {
  const { catalog, issues } = readCatalog(dir);
  if (issues.length > 0) throw new CatalogLoadError(issues);
  return catalog;
}
