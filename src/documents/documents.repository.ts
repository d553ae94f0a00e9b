import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../database/unit-of-work.repository.js';
import type { Party, Target, Warning } from '../parsing/index.js';
import { ClauseRow, DocumentRow, SourceFile, TargetRow } from './document.entity.js';

export interface SourceRecord {
  id: string;
  sha256: string;
  filename: string | null;
  mediaType: string;
  sizeBytes: number;
  storageKey: string;
  uploadedBy: string;
  createdAt: Date;
}

export interface ClauseRecord {
  id: string;
  documentId: string;
  position: number;
  section: string | null;
  ordinal: string;
  text: string;
  start: number;
  end: number;
  leads: Party[];
  coordinators: Party[];
  reportTo: Party[];
  actions: string[];
  cadence: string;
  milestones: string[];
  deadlines: string[];
  dueOn: string | null;
  corrected: boolean;
}

export interface TargetRecord extends Omit<Target, 'value' | 'valueTo'> {
  id: string;
  documentId: string;
  position: number;
  value: number | null;
  valueTo: number | null;
}

export interface DocumentRecord {
  id: string;
  sourceId: string;
  indexInSource: number;
  committee: string;
  kind: string;
  number: string | null;
  issuerOrgId: string | null;
  issuerName: string | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  isDraft: boolean;
  period: { from: number | null; to: number } | null;
  carriedById: string | null;
  status: 'draft' | 'published';
  start: number;
  end: number;
  recipients: Party[];
  warnings: Warning[];
  createdBy: string;
  createdAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
}

function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    sourceId: row.sourceId,
    indexInSource: row.indexInSource,
    committee: row.committee,
    kind: row.kind,
    number: row.number,
    issuerOrgId: row.issuerOrgId,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    place: row.place,
    title: row.title,
    isDraft: row.isDraft,
    period: row.periodTo === null ? null : { from: row.periodFrom, to: row.periodTo },
    carriedById: row.carriedById,
    status: row.status as DocumentRecord['status'],
    start: row.textStart,
    end: row.textEnd,
    recipients: JSON.parse(row.recipientsJson) as Party[],
    warnings: JSON.parse(row.warningsJson) as Warning[],
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
  };
}

function toClause(row: ClauseRow): ClauseRecord {
  return {
    id: row.id,
    documentId: row.documentId,
    position: row.position,
    section: row.section,
    ordinal: row.ordinal,
    text: row.text,
    start: row.textStart,
    end: row.textEnd,
    leads: JSON.parse(row.leadsJson) as Party[],
    coordinators: JSON.parse(row.coordinatorsJson) as Party[],
    reportTo: JSON.parse(row.reportToJson) as Party[],
    actions: JSON.parse(row.actionsJson) as string[],
    cadence: row.cadence,
    milestones: JSON.parse(row.milestonesJson) as string[],
    deadlines: JSON.parse(row.deadlinesJson) as string[],
    dueOn: row.dueOn,
    corrected: row.corrected,
  };
}

function toTarget(row: TargetRow): TargetRecord {
  return {
    id: row.id,
    documentId: row.documentId,
    position: row.position,
    text: row.text,
    direction: row.direction as Target['direction'],
    value: row.value === null ? null : Number(row.value),
    valueTo: row.valueTo === null ? null : Number(row.valueTo),
    unit: row.unit,
    annual: row.annual,
    baseline:
      row.baselineJson === null ? null : (JSON.parse(row.baselineJson) as Target['baseline']),
    deadline: row.deadline,
  };
}

// Everything but the text, which can be large and is read only for the preview.
const SOURCE_COLUMNS = {
  id: true,
  sha256: true,
  filename: true,
  mediaType: true,
  sizeBytes: true,
  storageKey: true,
  uploadedBy: true,
  createdAt: true,
} as const;

@Injectable()
export class DocumentsRepository {
  constructor(@InjectRepository(DocumentRow) private readonly rows: Repository<DocumentRow>) {}

  private repo<T extends object>(entity: new () => T, tx?: Tx): Repository<T> {
    return (tx ? tx.manager : this.rows.manager).getRepository(entity);
  }

  async sourceBySha(sha256: string, tx?: Tx): Promise<SourceRecord | null> {
    return this.repo(SourceFile, tx).findOne({
      where: { sha256 },
      select: SOURCE_COLUMNS,
    });
  }

  async sourceText(sourceId: string): Promise<string | null> {
    const row = await this.repo(SourceFile).findOne({
      where: { id: sourceId },
      select: { id: true, text: true },
    });
    return row?.text ?? null;
  }

  async source(sourceId: string): Promise<SourceRecord | null> {
    return this.repo(SourceFile).findOne({
      where: { id: sourceId },
      select: SOURCE_COLUMNS,
    });
  }

  async insertSource(tx: Tx, source: SourceRecord & { text: string }): Promise<void> {
    await this.repo(SourceFile, tx).insert(source);
  }

  async insertDocument(
    tx: Tx,
    doc: Omit<DocumentRecord, 'createdAt' | 'publishedAt' | 'publishedBy'>,
  ): Promise<void> {
    await this.repo(DocumentRow, tx).insert({
      id: doc.id,
      sourceId: doc.sourceId,
      indexInSource: doc.indexInSource,
      committee: doc.committee,
      kind: doc.kind,
      number: doc.number,
      issuerOrgId: doc.issuerOrgId,
      issuerName: doc.issuerName,
      issuedOn: doc.issuedOn,
      place: doc.place,
      title: doc.title,
      isDraft: doc.isDraft,
      periodFrom: doc.period?.from ?? null,
      periodTo: doc.period?.to ?? null,
      carriedById: doc.carriedById,
      status: doc.status,
      textStart: doc.start,
      textEnd: doc.end,
      recipientsJson: JSON.stringify(doc.recipients),
      warningsJson: JSON.stringify(doc.warnings),
      createdBy: doc.createdBy,
      publishedAt: null,
      publishedBy: null,
    });
  }

  async setCarriedBy(tx: Tx, id: string, carriedById: string): Promise<void> {
    await this.repo(DocumentRow, tx).update({ id }, { carriedById });
  }

  async insertClauses(tx: Tx, clauses: ClauseRecord[]): Promise<void> {
    if (!clauses.length) return;
    await this.repo(ClauseRow, tx).insert(clauses.map((c) => this.clauseRow(c)));
  }

  private clauseRow(c: ClauseRecord): Omit<ClauseRow, 'updatedAt'> {
    return {
      id: c.id,
      documentId: c.documentId,
      position: c.position,
      section: c.section,
      ordinal: c.ordinal.slice(0, 20),
      text: c.text,
      textStart: c.start,
      textEnd: c.end,
      leadsJson: JSON.stringify(c.leads),
      coordinatorsJson: JSON.stringify(c.coordinators),
      reportToJson: JSON.stringify(c.reportTo),
      actionsJson: JSON.stringify(c.actions),
      cadence: c.cadence,
      milestonesJson: JSON.stringify(c.milestones),
      deadlinesJson: JSON.stringify(c.deadlines),
      dueOn: c.dueOn,
      corrected: c.corrected,
    };
  }

  async updateClause(tx: Tx, clause: ClauseRecord): Promise<void> {
    const { id, ...rest } = this.clauseRow(clause);
    await this.repo(ClauseRow, tx).update({ id }, rest);
  }

  async insertTargets(tx: Tx, targets: TargetRecord[]): Promise<void> {
    if (!targets.length) return;
    await this.repo(TargetRow, tx).insert(
      targets.map((t) => ({
        id: t.id,
        documentId: t.documentId,
        position: t.position,
        text: t.text,
        direction: t.direction,
        value: t.value === null ? null : String(t.value),
        valueTo: t.valueTo === null ? null : String(t.valueTo),
        unit: t.unit?.slice(0, 40) ?? null,
        annual: t.annual,
        baselineJson: t.baseline === null ? null : JSON.stringify(t.baseline),
        deadline: t.deadline,
      })),
    );
  }

  /** Documents of the caller's committee (office, inspector, admin see their committee's). */
  async findVisible(
    actor: Actor,
    id: string,
    tx?: Tx,
    lock = false,
  ): Promise<DocumentRecord | null> {
    const qb = this.repo(DocumentRow, tx)
      .createQueryBuilder('d')
      .where('d.id = :id', { id })
      .andWhere('d.committee = :committee', { committee: actor.committee });
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    return row ? toDocument(row) : null;
  }

  async list(
    actor: Actor,
    filter: { status?: string },
    page: number,
    pageSize: number,
  ): Promise<{ items: DocumentRecord[]; total: number }> {
    const [rows, total] = await this.rows.findAndCount({
      where: { committee: actor.committee, ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'DESC', indexInSource: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toDocument), total };
  }

  async bySource(sourceId: string, tx?: Tx): Promise<DocumentRecord[]> {
    const rows = await this.repo(DocumentRow, tx).find({
      where: { sourceId },
      order: { indexInSource: 'ASC' },
    });
    return rows.map(toDocument);
  }

  async clauses(documentIds: string[], tx?: Tx): Promise<ClauseRecord[]> {
    if (!documentIds.length) return [];
    const rows = await this.repo(ClauseRow, tx).find({
      where: { documentId: In(documentIds) },
      order: { documentId: 'ASC', position: 'ASC' },
    });
    return rows.map(toClause);
  }

  async clause(documentId: string, clauseId: string, tx?: Tx): Promise<ClauseRecord | null> {
    const row = await this.repo(ClauseRow, tx).findOneBy({ id: clauseId, documentId });
    return row ? toClause(row) : null;
  }

  async targets(documentId: string): Promise<TargetRecord[]> {
    return (
      await this.repo(TargetRow).find({ where: { documentId }, order: { position: 'ASC' } })
    ).map(toTarget);
  }

  async markPublished(
    tx: Tx,
    id: string,
    by: string,
    number: string | null,
    issuedOn: string | null,
  ): Promise<boolean> {
    const result = await this.repo(DocumentRow, tx).update(
      { id, status: 'draft' },
      { status: 'published', publishedAt: new Date(), publishedBy: by, number, issuedOn },
    );
    return (result.affected ?? 0) === 1;
  }
}
