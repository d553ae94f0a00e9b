import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { mysqlErrno } from '../common/errors/database-errors.js';
import type { Tx } from '../database/unit-of-work.repository.js';
import type { ReportStatus, Verdict } from './report-rules.js';
import {
  EvidenceFileRow,
  IdempotencyKeyRow,
  ProgressReportRow,
  ReviewRow,
} from './report.entity.js';

export interface Indicator {
  targetId: string;
  value: number;
}

export interface ReportRecord {
  id: string;
  taskId: string;
  obligationId: string | null;
  periodKey: string | null;
  percent: number;
  narrative: string;
  indicators: Indicator[];
  authorId: string;
  authorOrgId: string;
  authorRelation: 'lead' | 'coordinator';
  submittedAt: Date;
  late: boolean;
  status: ReportStatus;
}

export interface EvidenceRecord {
  id: string;
  reportId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

export interface ReviewRecord {
  id: string;
  reportId: string;
  verdict: Verdict;
  comment: string;
  reviewerId: string;
  reviewerRole: string;
  createdAt: Date;
}

export interface IdempotencyRecord {
  userId: string;
  key: string;
  requestHash: string;
  state: 'in_flight' | 'done';
  responseStatus: number | null;
  responseBody: string | null;
  createdAt: Date;
  expiresAt: Date;
}

function toReport(row: ProgressReportRow): ReportRecord {
  return {
    id: row.id,
    taskId: row.taskId,
    obligationId: row.obligationId,
    periodKey: row.periodKey,
    percent: row.percent,
    narrative: row.narrative,
    indicators: JSON.parse(row.indicatorsJson) as Indicator[],
    authorId: row.authorId,
    authorOrgId: row.authorOrgId,
    authorRelation: row.authorRelation as ReportRecord['authorRelation'],
    submittedAt: row.submittedAt,
    late: Boolean(row.late),
    status: row.status as ReportStatus,
  };
}

function toEvidence(row: EvidenceFileRow): EvidenceRecord {
  return {
    id: row.id,
    reportId: row.reportId,
    filename: row.filename,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    storageKey: row.storageKey,
  };
}

function toReview(row: ReviewRow): ReviewRecord {
  return {
    id: String(row.id),
    reportId: row.reportId,
    verdict: row.verdict as Verdict,
    comment: row.comment,
    reviewerId: row.reviewerId,
    reviewerRole: row.reviewerRole,
    createdAt: row.createdAt,
  };
}

/**
 * Progress reports, their evidence rows, reviews and idempotency keys; plus the two writes a
 * report makes on its obligation (met / reopened), which belong to the report's transaction.
 */
@Injectable()
export class ReportsRepository {
  constructor(
    @InjectRepository(ProgressReportRow) private readonly reports: Repository<ProgressReportRow>,
    @InjectRepository(EvidenceFileRow) private readonly files: Repository<EvidenceFileRow>,
    @InjectRepository(ReviewRow) private readonly reviews: Repository<ReviewRow>,
    @InjectRepository(IdempotencyKeyRow) private readonly keys: Repository<IdempotencyKeyRow>,
  ) {}

  /** Ids of the targets (chỉ tiêu) of a document, for checking a report's indicators. */
  async targetIdsOf(documentId: string): Promise<Set<string>> {
    const rows = (await this.reports.manager.query(
      'SELECT id FROM document_target WHERE document_id = ?',
      [documentId],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  async insertReport(tx: Tx, report: ReportRecord): Promise<void> {
    await tx.manager.query(
      `INSERT INTO progress_report (id, task_id, obligation_id, period_key, percent, narrative,
         indicators_json, author_id, author_org_id, author_relation, submitted_at, late, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        report.id,
        report.taskId,
        report.obligationId,
        report.periodKey,
        report.percent,
        report.narrative,
        JSON.stringify(report.indicators),
        report.authorId,
        report.authorOrgId,
        report.authorRelation,
        report.submittedAt,
        report.late ? 1 : 0,
        report.status,
      ],
    );
  }

  async insertEvidence(tx: Tx, files: EvidenceRecord[]): Promise<void> {
    if (files.length) await tx.manager.getRepository(EvidenceFileRow).insert(files);
  }

  /** Marks the obligation met by this report unless something already met it. */
  async markObligationMet(
    tx: Tx,
    obligationId: string,
    reportId: string,
    at: Date,
  ): Promise<boolean> {
    const result = (await tx.manager.query(
      'UPDATE obligation SET met_at = ?, met_report_id = ? WHERE id = ? AND met_at IS NULL',
      [at, reportId, obligationId],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Reopens whatever obligation this report had met, so reminders resume. */
  async unmarkObligationMetBy(tx: Tx, reportId: string): Promise<boolean> {
    const result = (await tx.manager.query(
      'UPDATE obligation SET met_at = NULL, met_report_id = NULL WHERE met_report_id = ?',
      [reportId],
    )) as { affectedRows: number };
    return result.affectedRows > 0;
  }

  async findReport(id: string): Promise<ReportRecord | null> {
    const row = await this.reports.findOneBy({ id });
    return row ? toReport(row) : null;
  }

  /** The report, locked until `tx` ends: two reviewers cannot both give a final verdict. */
  async lockReport(tx: Tx, id: string): Promise<ReportRecord | null> {
    const row = await tx.manager
      .getRepository(ProgressReportRow)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    return row ? toReport(row) : null;
  }

  async setStatus(tx: Tx, id: string, status: ReportStatus): Promise<void> {
    await tx.manager.getRepository(ProgressReportRow).update({ id }, { status });
  }

  async insertReview(tx: Tx, review: Omit<ReviewRecord, 'id' | 'createdAt'>): Promise<void> {
    await tx.manager.getRepository(ReviewRow).insert(review);
  }

  async listForTask(
    taskId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: ReportRecord[]; total: number }> {
    const [rows, total] = await this.reports.findAndCount({
      where: { taskId },
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toReport), total };
  }

  /** Reports of a committee's tasks (office and inspectors), newest first; e.g. those to review. */
  async listForCommittee(
    committee: string,
    status: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: ReportRecord[]; total: number }> {
    const qb = this.reports
      .createQueryBuilder('r')
      .innerJoin('task', 't', 't.id = r.task_id')
      .where('t.committee = :committee', { committee });
    if (status) qb.andWhere('r.status = :status', { status });
    const [rows, total] = await qb
      .orderBy('r.submitted_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toReport), total };
  }

  async evidenceOf(reportIds: string[], tx?: Tx): Promise<EvidenceRecord[]> {
    if (reportIds.length === 0) return [];
    const repo = tx ? tx.manager.getRepository(EvidenceFileRow) : this.files;
    const rows = await repo.find({
      where: { reportId: In(reportIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toEvidence);
  }

  async reviewsOf(reportIds: string[], tx?: Tx): Promise<ReviewRecord[]> {
    if (reportIds.length === 0) return [];
    const repo = tx ? tx.manager.getRepository(ReviewRow) : this.reviews;
    const rows = await repo.find({ where: { reportId: In(reportIds) }, order: { id: 'ASC' } });
    return rows.map(toReview);
  }

  async findEvidence(reportId: string, fileId: string): Promise<EvidenceRecord | null> {
    const row = await this.files.findOneBy({ id: fileId, reportId });
    return row ? toEvidence(row) : null;
  }

  // Idempotency keys. A submission takes its key with the answer, as the first statement of
  // its own transaction: a concurrent duplicate waits on the primary key until that commits
  // (then finds the answer) or rolls back (then takes the key itself). Rows 'in_flight' come
  // from earlier versions, which reserved the key in a transaction of its own, and from tests.

  /**
   * Takes the key with its final answer inside `tx`; false when a committed row already holds
   * it (the caller then answers from that row).
   */
  async takeKey(tx: Tx, row: IdempotencyRecord): Promise<boolean> {
    try {
      await tx.manager.query(
        `INSERT INTO idempotency_key (user_id, idem_key, request_hash, state, response_status,
           response_body, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          row.userId,
          row.key,
          row.requestHash,
          row.state,
          row.responseStatus,
          row.responseBody,
          row.createdAt,
          row.expiresAt,
        ],
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async findKey(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.keys.findOneBy({ userId, key });
    return row ? { ...row, state: row.state as IdempotencyRecord['state'] } : null;
  }

  /** Drops an expired or abandoned row, only if it is still the row that was judged so. */
  async dropKey(userId: string, key: string, createdAt: Date, state: string): Promise<void> {
    await this.keys.delete({ userId, key, createdAt, state });
  }
}

/** MySQL's "duplicate entry" (1062), as TypeORM passes it on. */
function isDuplicateKey(error: unknown): boolean {
  return mysqlErrno(error) === 1062;
}
