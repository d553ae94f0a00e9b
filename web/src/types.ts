// The shapes the pages read from the API (only the fields they use).

export interface Party {
  mention?: string;
  name: string;
  orgId?: string | null;
  group: boolean;
}

export interface Clause {
  id: string;
  position: number;
  section: string | null;
  ordinal: string;
  text: string;
  start: number;
  end: number;
  leads: Party[];
  coordinators: Party[];
  reportTo: Party[];
  cadence: string;
  milestones: string[];
  deadlines: string[];
  dueOn: string | null;
  corrected: boolean;
}

export interface DocumentSummary {
  id: string;
  kind: string;
  number: string | null;
  issuerName: string | null;
  issuedOn: string | null;
  title: string | null;
  status: 'draft' | 'published';
  createdAt: string;
  publishedAt: string | null;
  period: { from: number | null; to: number } | null;
  warnings: { code: string; message: string; clause?: string | null }[];
}

export interface DocumentDetail extends DocumentSummary {
  clauses: Clause[];
  source: { filename: string | null; sha256: string; sizeBytes: number };
}

export interface PublishPlan {
  tasks: { clauseId: string; leadName: string; origin: string; dueOn: string | null }[];
  skipped: { clauseId: string; clause: string; mention: string | null; reason: string }[];
  problems: { clauseId: string; clause: string; mention: string; reason: string }[];
}

export interface Task {
  id: string;
  documentId: string;
  clauseId: string;
  parentId: string | null;
  origin: string;
  leadOrgId: string | null;
  leadName: string;
  title: string;
  reportTo: Party[];
  coordinators: Party[];
  cadence: string;
  milestones: string[];
  dueOn: string | null;
  status: string;
  version: number;
  percent: number;
  overdue?: boolean;
  updatedAt: string;
}

export interface Obligation {
  id: string;
  periodKey: string;
  labelVi: string;
  dueOn: string;
  metAt: string | null;
  overdue: boolean;
}

export interface TaskEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorOrgId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  oldDueOn: string | null;
  newDueOn: string | null;
}

export interface TaskDetail extends Task {
  leadOrgName: string;
  statusLabel: string;
  allowedActions: string[];
  relation: string;
  clause: { id: string; section: string | null; ordinal: string; text: string } | null;
  obligations: Obligation[];
  history: TaskEvent[];
  children: {
    id: string;
    leadOrgId: string | null;
    leadName: string;
    status: string;
    percent: number;
    dueOn: string | null;
  }[];
}

export interface Evidence {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  url: string;
}

export interface Review {
  id: string;
  verdict: string;
  comment: string;
  reviewerRole: string;
  createdAt: string;
}

export interface Report {
  id: string;
  taskId: string;
  period: string | null;
  percent: number;
  narrative: string;
  authorOrgId: string;
  authorRelation: string;
  submittedAt: string;
  late: boolean;
  status: string;
  evidence: Evidence[];
  reviews: Review[];
}

export interface AuditEvent {
  id: string | number;
  occurredAt?: string;
  createdAt?: string;
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  hash?: string;
}
