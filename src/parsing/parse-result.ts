// The output contract (test/fixtures/parse-result.schema.json). Fields may be added, never removed.

export type DocumentKind =
  | 'NQ'
  | 'CT'
  | 'CTR'
  | 'KL'
  | 'KH'
  | 'CV'
  | 'QD'
  | 'HD'
  | 'TB'
  | 'BC'
  | 'QC'
  | 'TTR'
  | 'CD'
  | 'OTHER';

export type Cadence =
  'none' | 'periodic' | 'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'once';

export type Milestone = 'midterm_review' | 'final_review';

export type TargetDirection = 'decrease' | 'increase' | 'at_least' | 'at_most' | 'reach';

export interface Party {
  mention: string;
  name: string;
  /** present only when the caller passed a directory */
  orgId?: string | null;
  group: boolean;
}

export interface Clause {
  section: string | null;
  ordinal: string;
  text: string;
  leads: Party[];
  coordinators: Party[];
  reportTo: Party[];
  actions: string[];
  cadence: Cadence;
  milestones: Milestone[];
  deadlines: string[];
  /** offsets of the clause in the normalized text (see normalize()) */
  start: number;
  end: number;
}

export interface TargetBaseline {
  text: string;
  year: number | null;
  value: number | null;
  unit: string | null;
}

export interface Target {
  text: string;
  direction: TargetDirection;
  value: number | null;
  valueTo: number | null;
  unit: string | null;
  annual: boolean;
  baseline: TargetBaseline | null;
  deadline: string | null;
}

export interface Warning {
  code: string;
  message: string;
  clause?: string | null;
}

export interface ParsedDocument {
  kind: DocumentKind;
  number: string | null;
  issuer: Party | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  isDraft: boolean;
  recipients: Party[];
  period: { from: number | null; to: number } | null;
  targets: Target[];
  clauses: Clause[];
  warnings: Warning[];
  /** index in `documents` of the document this one forwards, if any */
  carries: number | null;
  /** index of the cover letter that forwards this one, if any */
  carriedBy: number | null;
  /** offsets of the document in the normalized text */
  start: number;
  end: number;
}

export interface ParseResult {
  documents: ParsedDocument[];
  /** file-level warnings (e.g. a scanned PDF) are also copied here */
  warnings?: Warning[];
}
