import type { DirectoryMatch, DirectoryQuery, PartyDirectory } from '../../parsing/directory.js';
import type { MentionResolution, MentionResolver } from './mention-resolver.js';

export interface CatalogDirectoryOptions {
  /**
   * The date to resolve at when the document has none (an undated draft). Without it such
   * mentions resolve against the bodies that still exist, which is right for a draft being
   * written today and wrong for an old one: prefer passing the carrying letter's date.
   */
  asOfWhenUndated?: () => string | null;
}

/**
 * The parser's view of the catalog. `orgId` is the catalog code; the database directory keeps
 * the code unique, so an adapter over the table can answer the same way.
 */
export class CatalogDirectory implements PartyDirectory {
  constructor(
    private readonly resolver: MentionResolver,
    private readonly options: CatalogDirectoryOptions = {},
  ) {}

  resolve(query: DirectoryQuery): DirectoryMatch | null {
    const context = {
      asOf: query.asOf ?? this.options.asOfWhenUndated?.() ?? null,
      province: query.province,
      district: query.district,
      plural: query.group,
    };
    // The parser's derived name is tried first (abbreviations expanded, locality added); the
    // words as written are the fallback for what its derivation got wrong.
    for (const text of [query.name, query.mention]) {
      if (!text || text.trim().length === 0) continue;
      const match = toMatch(this.resolver.resolveMention(text, context));
      if (match) return match;
    }
    return null;
  }
}

function toMatch(resolution: MentionResolution): DirectoryMatch | null {
  if (resolution.group) {
    return { orgId: null, name: resolution.group.name, groupTag: resolution.group.tag };
  }
  if (resolution.organization) {
    return {
      orgId: resolution.organization.code,
      name: resolution.organization.name,
      groupTag: null,
    };
  }
  return null;
}
