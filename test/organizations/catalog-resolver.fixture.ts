import { loadCatalog } from '../../src/organizations/catalog/load-catalog.js';
import { MentionResolver } from '../../src/organizations/catalog/mention-resolver.js';
import type { OrganizationCatalog } from '../../src/organizations/catalog/organization-catalog.types.js';

let catalog: OrganizationCatalog | null = null;
let resolver: MentionResolver | null = null;

/** The real catalog from config/organizations, read once per test file. */
export function realCatalog(): OrganizationCatalog {
  catalog ??= loadCatalog();
  return catalog;
}

export function realResolver(): MentionResolver {
  resolver ??= new MentionResolver(realCatalog());
  return resolver;
}
