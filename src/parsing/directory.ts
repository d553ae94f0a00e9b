// The parser's view of the directory of bodies. The parser works without one (orgId stays
// null); the organizations feature supplies the real one, built from the catalogs.

export interface DirectoryQuery {
  /** the words as they stand in the text (NFC) */
  mention: string;
  /** the full name the parser derived: abbreviations expanded, locality added */
  name: string;
  /** a plural mention ("các huyện ủy") */
  group: boolean;
  /** the document's date (YYYY-MM-DD), so renamed or merged bodies resolve as of then */
  asOf: string | null;
  /** locality of the issuer, e.g. "Hà Giang"; a district document also has its district */
  province: string | null;
  district: string | null;
}

export interface DirectoryMatch {
  /** the directory entry of a single body; null for a group */
  orgId: string | null;
  /** canonical name of the entry (same naming rule as the parser) */
  name: string;
  /** for a group mention: the group tag (e.g. "huyen-uy") */
  groupTag?: string | null;
}

export interface PartyDirectory {
  resolve(query: DirectoryQuery): DirectoryMatch | null;
}
