import { Injectable } from '@nestjs/common';
import { CatalogDirectory } from './catalog/catalog-directory.js';
import { readCatalog } from './catalog/load-catalog.js';
import { MentionResolver } from './catalog/mention-resolver.js';
import type { GroupDefinition, OrganizationCatalog } from './catalog/organization-catalog.types.js';
import { OrganizationsRepository } from './organizations.repository.js';

/** How long a process trusts its copy before asking the table whether it changed. */
const RECHECK_MS = 2000;

/**
 * The directory as the resolver sees it: the bodies from MySQL (the truth, edited through the
 * API) and the group rules from config/organizations/groups.json. Rebuilt when the table
 * changes, so every replica follows an import within a couple of seconds.
 */
@Injectable()
export class OrganizationDirectoryService {
  private cached: { stamp: string; resolver: MentionResolver; checkedAt: number } | null = null;
  private groups: GroupDefinition[] | null = null;

  constructor(private readonly organizations: OrganizationsRepository) {}

  async resolver(): Promise<MentionResolver> {
    const now = Date.now();
    if (this.cached && now - this.cached.checkedAt < RECHECK_MS) return this.cached.resolver;
    const stamp = await this.organizations.stamp();
    if (this.cached?.stamp === stamp) {
      this.cached.checkedAt = now;
      return this.cached.resolver;
    }
    const catalog: OrganizationCatalog = {
      organizations: await this.organizations.all(),
      groups: this.groupRules(),
    };
    const resolver = new MentionResolver(catalog);
    this.cached = { stamp, resolver, checkedAt: now };
    return resolver;
  }

  /** The parser's directory, over the current table. */
  async partyDirectory(asOfWhenUndated?: string | null): Promise<CatalogDirectory> {
    return new CatalogDirectory(await this.resolver(), {
      asOfWhenUndated: () => asOfWhenUndated ?? null,
    });
  }

  /** Forget the copy now (after a write in this process). */
  invalidate(): void {
    this.cached = null;
  }

  groupRules(): GroupDefinition[] {
    this.groups ??= readCatalog().catalog.groups;
    return this.groups;
  }
}
