import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError, type FieldError } from '../common/errors/app-error.js';
import { isDatabaseUnavailable, mysqlErrno } from '../common/errors/database-errors.js';
import { validationException } from '../common/errors/validation-errors.js';
import type { Page } from '../common/http/pagination.dto.js';
import {
  FileStorageService,
  StoredFileMissingError,
} from '../common/storage/file-storage.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.repository.js';
import { TERMINAL_STATUSES, type TaskRelation } from '../tasks/task-status.js';
import {
  TasksRepository,
  type ObligationRecord,
  type TaskRecord,
} from '../tasks/tasks.repository.js';
import { TasksService } from '../tasks/tasks.service.js';
import { CreateReportDto, ReportDto, type ReviewReportDto } from './dto/report.dto.js';
import {
  decideOnTakenKey,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_TTL_MS,
  reportRequestHash,
  RETRY_AFTER_SECONDS,
} from './idempotency.js';
import {
  isLate,
  mayReview,
  obligationEffect,
  REVIEW_COMMENT_MIN,
  reviewCommentTooShort,
  VERDICT_LABEL_VI,
} from './report-rules.js';
import type { ReceivedEvidence, ReportUpload } from './report-upload.reader.js';
import {
  ReportsRepository,
  type EvidenceRecord,
  type IdempotencyRecord,
  type Indicator,
  type ReportRecord,
} from './reports.repository.js';

const REPORT_NOT_FOUND = { vi: 'báo cáo', en: 'Report' };
const EVIDENCE_NOT_FOUND = { vi: 'tệp minh chứng', en: 'Evidence file' };

/** A report's fields once validated against the task. */
export interface ReportInput {
  period: string | null;
  percent: number;
  narrative: string;
  indicators: Indicator[];
}

/** The answer to a submission: the first one, or its replay. */
export interface SubmitResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly tasks: TasksService,
    private readonly taskRows: TasksRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly storage: FileStorageService,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Whether the caller may report on the task: 404 outside its scope, 403 when it sees the task
   * but neither leads nor coordinates it. Checked before the upload is read (so a refused
   * caller's files are never written), and again inside the submission.
   */
  async authorizeSubmission(actor: Actor, taskId: string, tx?: Tx) {
    const task = await this.tasks.getVisible(actor, taskId, tx);
    const relation = this.tasks.relation(actor, task);
    if (relation !== 'lead' && relation !== 'coordinator') {
      throw new AppError(
        403,
        'Chỉ cơ quan chủ trì hoặc cơ quan phối hợp của nhiệm vụ được gửi báo cáo tiến độ.',
        'Only the lead or a coordinating body of the task may report progress on it.',
      );
    }
    return { task, relation: relation as Extract<TaskRelation, 'lead' | 'coordinator'> };
  }

  /** A verified or cancelled task takes no new report (a replay of an earlier one still answers). */
  private assertOpen(task: TaskRecord): void {
    if (TERMINAL_STATUSES.includes(task.status)) {
      throw AppError.conflict(
        `Nhiệm vụ đang ở trạng thái "${this.tasks.statusLabel(task.status)}", không nhận thêm báo cáo.`,
        `The task is ${task.status}; it takes no more reports.`,
        { status: task.status },
      );
    }
  }

  /**
   * Validates fully, then records the report in one transaction that begins by taking the
   * Idempotency-Key with its answer. When the key is already taken the answer comes from it: a
   * replay of the first answer, 422 for another body, 409 while an older-style reservation is
   * in flight. The upload's files are already in storage: they stay only if the report is
   * recorded.
   */
  async submit(
    actor: Actor,
    taskId: string,
    key: string,
    upload: ReportUpload,
  ): Promise<SubmitResult> {
    let keepFiles = false;
    try {
      const { task, relation } = await this.authorizeSubmission(actor, taskId);
      const input = await this.validateFields(upload.fields);
      const hash = reportRequestHash({
        taskId,
        ...input,
        evidence: upload.files.map((f) => f.sha256),
      });
      let obligation: ObligationRecord | null;
      try {
        this.assertOpen(task);
        obligation = await this.validateAgainstTask(task, input);
      } catch (refusal) {
        // The same request made earlier is answered as then, whatever the task is now.
        const answer = await this.answerFromExistingKey(actor.userId, key, hash);
        if (answer) return answer;
        throw refusal;
      }
      for (let attempt = 0; attempt < MAX_SUBMIT_ATTEMPTS; attempt += 1) {
        const draft = this.draft(actor, task, relation, obligation, input, upload.files);
        const keyRow: IdempotencyRecord = {
          userId: actor.userId,
          key,
          requestHash: hash,
          state: 'done',
          responseStatus: 201,
          responseBody: JSON.stringify(draft.body),
          createdAt: draft.report.submittedAt,
          expiresAt: new Date(draft.report.submittedAt.getTime() + IDEMPOTENCY_TTL_MS),
        };
        let recorded: boolean;
        try {
          recorded = await this.uow.run((tx) => this.record(tx, actor, task, keyRow, draft));
        } catch (error) {
          // A deadlock between duplicates that all waited on a key released by a rollback:
          // the transaction changed nothing, so it is tried again.
          if (isRetryableConflict(error)) continue;
          // The connection went during the transaction: the COMMIT may have landed without
          // its answer. The files stay (a retry with the key replays a report that names
          // them); if it did not land they are orphans, which cost disk space, not data.
          if (isDatabaseUnavailable(error)) keepFiles = true;
          throw error;
        }
        if (recorded) {
          keepFiles = true;
          return { status: 201, body: draft.body, replayed: false };
        }
        const answer = await this.answerFromExistingKey(actor.userId, key, hash);
        if (answer) return answer;
        // The key was expired or abandoned, and is now removed: try again with it.
      }
      throw inFlight();
    } finally {
      if (!keepFiles) await this.storage.removeQuietly(upload.files.map((f) => f.storageKey));
    }
  }

  async list(
    actor: Actor,
    taskId: string,
    page: number,
    pageSize: number,
  ): Promise<Page<ReportDto>> {
    await this.tasks.getVisible(actor, taskId);
    const { items, total } = await this.reports.listForTask(taskId, page, pageSize);
    const ids = items.map((r) => r.id);
    const [files, reviews] = await Promise.all([
      this.reports.evidenceOf(ids),
      this.reports.reviewsOf(ids),
    ]);
    return {
      items: items.map((r) =>
        ReportDto.from(
          r,
          files.filter((f) => f.reportId === r.id),
          reviews.filter((v) => v.reportId === r.id),
        ),
      ),
      total,
      page,
      pageSize,
    };
  }

  /** The committee's reports, by status: the inspector's queue of reports to review. */
  async listForCommittee(
    actor: Actor,
    status: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<Page<ReportDto>> {
    const { items, total } = await this.reports.listForCommittee(
      actor.committee,
      status,
      page,
      pageSize,
    );
    const ids = items.map((r) => r.id);
    const [files, reviews] = await Promise.all([
      this.reports.evidenceOf(ids),
      this.reports.reviewsOf(ids),
    ]);
    return {
      items: items.map((r) =>
        ReportDto.from(
          r,
          files.filter((f) => f.reportId === r.id),
          reviews.filter((v) => v.reportId === r.id),
        ),
      ),
      total,
      page,
      pageSize,
    };
  }

  /** An evidence file the caller may see (through the report's task), opened for streaming. */
  async openEvidence(
    actor: Actor,
    reportId: string,
    fileId: string,
  ): Promise<{ file: EvidenceRecord; stream: Readable }> {
    const report = await this.reports.findReport(reportId);
    if (!report || !(await this.visible(actor, report.taskId))) {
      throw AppError.notFound(REPORT_NOT_FOUND);
    }
    const file = await this.reports.findEvidence(reportId, fileId);
    if (!file) throw AppError.notFound(EVIDENCE_NOT_FOUND);
    try {
      return { file, stream: await this.storage.openRead(file.storageKey) };
    } catch (error) {
      if (!(error instanceof StoredFileMissingError)) throw error;
      this.logger.error(`evidence ${file.id} of report ${reportId}: ${error.message}`);
      throw new AppError(
        500,
        'Tệp minh chứng có trong hồ sơ nhưng không còn trong kho lưu trữ; hãy báo quản trị viên.',
        'The evidence file is on record but missing from storage; tell an administrator.',
      );
    }
  }

  /**
   * An inspector's or the office's verdict. rework and rejected reopen the obligation the
   * report had met; a report already accepted or rejected takes no further verdict (409).
   */
  async review(actor: Actor, reportId: string, body: ReviewReportDto): Promise<ReportDto> {
    if (reviewCommentTooShort(body.verdict, body.comment)) {
      const vi = `Cần ghi lý do khi ${VERDICT_LABEL_VI[body.verdict]} báo cáo (ít nhất ${REVIEW_COMMENT_MIN} ký tự).`;
      throw AppError.badRequest(vi, `A comment of ${REVIEW_COMMENT_MIN}+ characters is required.`, [
        {
          field: 'comment',
          message: vi,
          messageEn: `comment must be ${REVIEW_COMMENT_MIN}+ characters`,
        },
      ]);
    }
    return this.uow.run(async (tx) => {
      const report = await this.reports.lockReport(tx, reportId);
      const task = report ? await this.visible(actor, report.taskId, tx) : null;
      if (!report || !task) throw AppError.notFound(REPORT_NOT_FOUND);
      if (this.tasks.relation(actor, task) !== 'committee') throw AppError.forbidden();
      if (!mayReview(report.status)) {
        throw AppError.conflict(
          `Báo cáo đã có kết luận "${VERDICT_LABEL_VI[report.status as keyof typeof VERDICT_LABEL_VI]}"; không thể thẩm định lại.`,
          `The report already has a final verdict (${report.status}).`,
          { status: report.status },
        );
      }
      await this.reports.setStatus(tx, report.id, body.verdict);
      await this.reports.insertReview(tx, {
        reportId: report.id,
        verdict: body.verdict,
        comment: body.comment,
        reviewerId: actor.userId,
        reviewerRole: actor.role,
      });
      let obligation: 'reopened' | 'met' | 'unchanged' = 'unchanged';
      if (obligationEffect(body.verdict) === 'unmark') {
        if (await this.reports.unmarkObligationMetBy(tx, report.id)) obligation = 'reopened';
      } else if (report.authorRelation === 'lead' && report.obligationId) {
        const met = await this.reports.markObligationMet(
          tx,
          report.obligationId,
          report.id,
          report.submittedAt,
        );
        if (met) obligation = 'met';
      }
      if (obligation === 'met' && report.obligationId) {
        await this.notifications.obligationsMet(tx, [report.obligationId]);
      }
      await this.audit.record(tx, actor, {
        action: 'report.review',
        entityType: 'progress_report',
        entityId: report.id,
        before: { status: report.status },
        after: { status: body.verdict, comment: body.comment, obligation },
      });
      const [files, reviews] = await Promise.all([
        this.reports.evidenceOf([report.id], tx),
        this.reports.reviewsOf([report.id], tx),
      ]);
      return ReportDto.from({ ...report, status: body.verdict }, files, reviews);
    });
  }

  /** The fields as the DTO allows them (types, ranges, lengths); refusals name the field. */
  private async validateFields(fields: Record<string, unknown>): Promise<ReportInput> {
    const dto = plainToInstance(CreateReportDto, fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationException(errors);
    return {
      period: dto.period ?? null,
      percent: dto.percent,
      narrative: dto.narrative,
      indicators: (dto.indicators ?? []).map((i) => ({ targetId: i.targetId, value: i.value })),
    };
  }

  /**
   * The period must be one of the task's obligations; indicators targets of its document.
   * Returns the obligation the period names (null without a period).
   */
  private async validateAgainstTask(
    task: TaskRecord,
    input: ReportInput,
  ): Promise<ObligationRecord | null> {
    const refusals: FieldError[] = [];
    const { period, indicators } = input;
    let obligation: ObligationRecord | null = null;
    if (period !== null) {
      const obligations = await this.taskRows.obligations(task.id);
      const keys = obligations.map((o) => o.periodKey);
      obligation = obligations.find((o) => o.periodKey === period) ?? null;
      if (!obligation) {
        const shown = keys.length ? keys.slice(0, 12).join(', ') : 'không có kỳ nào';
        refusals.push({
          field: 'period',
          message: `Kỳ báo cáo "${period}" không thuộc nhiệm vụ này (các kỳ: ${shown}).`,
          messageEn: `period "${period}" is not one of the task's obligations (${keys.join(', ') || 'none'})`,
        });
      }
    }
    if (indicators.length) {
      const targets = await this.reports.targetIdsOf(task.documentId);
      const seen = new Set<string>();
      indicators.forEach((indicator, i) => {
        const field = `indicators.${i}.targetId`;
        if (!targets.has(indicator.targetId)) {
          refusals.push({
            field,
            message: `Chỉ tiêu "${indicator.targetId}" không thuộc văn bản của nhiệm vụ.`,
            messageEn: `target ${indicator.targetId} is not a target of the task's document`,
          });
        } else if (seen.has(indicator.targetId)) {
          refusals.push({
            field,
            message: `Chỉ tiêu "${indicator.targetId}" được báo cáo hai lần.`,
            messageEn: `target ${indicator.targetId} appears twice`,
          });
        }
        seen.add(indicator.targetId);
      });
    }
    if (refusals.length) {
      const names = [...new Set(refusals.map((r) => r.field))].join(', ');
      throw AppError.badRequest(
        `Dữ liệu không hợp lệ ở trường: ${names}.`,
        `Invalid input in field(s): ${names}.`,
        refusals,
      );
    }
    return obligation;
  }

  /** The answer an existing key row gives (replay, 422, 409); null if there is none. */
  private async answerFromExistingKey(
    userId: string,
    key: string,
    hash: string,
  ): Promise<SubmitResult | null> {
    const row = await this.reports.findKey(userId, key);
    if (!row) return null;
    const answer = this.answerFromKey(row, hash, new Date());
    if (answer) return answer;
    await this.reports.dropKey(userId, key, row.createdAt, row.state);
    return null;
  }

  /**
   * What an existing key row answers: the replay of the first answer, 422 for another body,
   * 409 while the first is running; null when the row is expired or abandoned (reusable).
   */
  private answerFromKey(row: IdempotencyRecord, hash: string, now: Date): SubmitResult | null {
    switch (decideOnTakenKey(row, hash, now)) {
      case 'replay':
        return {
          status: row.responseStatus ?? 201,
          body: JSON.parse(row.responseBody ?? 'null') as unknown,
          replayed: true,
        };
      case 'mismatch':
        throw new AppError(
          422,
          `Khóa ${IDEMPOTENCY_HEADER} này đã được dùng cho một báo cáo có nội dung khác; hãy dùng khóa mới cho báo cáo mới.`,
          `This ${IDEMPOTENCY_HEADER} was already used with a different request body; use a new key for a new report.`,
        );
      case 'in_flight':
        throw inFlight();
      case 'reusable':
        return null;
    }
  }

  /** The report, its evidence rows and its answer, made before the transaction. */
  private draft(
    actor: Actor,
    task: TaskRecord,
    relation: 'lead' | 'coordinator',
    obligation: ObligationRecord | null,
    input: ReportInput,
    received: ReceivedEvidence[],
  ): ReportDraft {
    const submittedAt = new Date();
    const report: ReportRecord = {
      id: randomUUID(),
      taskId: task.id,
      obligationId: obligation?.id ?? null,
      periodKey: input.period,
      percent: input.percent,
      narrative: input.narrative,
      indicators: input.indicators,
      authorId: actor.userId,
      authorOrgId: actor.organizationId,
      authorRelation: relation,
      submittedAt,
      late: isLate(submittedAt, obligation?.dueOn ?? task.dueOn, this.config.TZ_APP),
      status: 'submitted',
    };
    const files: EvidenceRecord[] = received.map((f) => ({
      id: randomUUID(),
      reportId: report.id,
      filename: f.filename,
      mediaType: f.mediaType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      storageKey: f.storageKey,
    }));
    return { report, files, obligation, body: ReportDto.from(report, files, []) };
  }

  /**
   * The key with its answer, the report row, its files, the office's notification (outbox),
   * the task's percent and the obligation, and one audit event; false when the key is taken.
   * Statements that lock shared rows (the task, the audit chain head) come last, so they are
   * held for as short a time as possible.
   */
  private async record(
    tx: Tx,
    actor: Actor,
    task: TaskRecord,
    keyRow: IdempotencyRecord,
    { report, files, obligation }: ReportDraft,
  ): Promise<boolean> {
    if (!(await this.reports.takeKey(tx, keyRow))) return false;
    await this.reports.insertReport(tx, report);
    await this.reports.insertEvidence(tx, files);
    // The office hears of the report (delivered by the worker once this commits).
    await this.notifications.notifyTaskEvent(tx, {
      taskId: task.id,
      event: 'report',
      ref: report.id,
    });
    // A coordinator's report is a contribution: it neither meets the obligation nor moves
    // the task's percent, which stay the lead's.
    const lead = report.authorRelation === 'lead';
    const open = lead
      ? await this.taskRows.setPercentIfOpen(tx, task.id, report.percent)
      : await this.taskRows.holdIfOpen(tx, task.id);
    if (!open) {
      // Verified or cancelled since it was read: refuse as for a closed task.
      const now = await this.tasks.getVisible(actor, task.id, tx);
      this.assertOpen(now);
      throw AppError.conflict(
        'Nhiệm vụ vừa thay đổi; vui lòng thử lại.',
        'The task changed meanwhile; try again.',
      );
    }
    let obligationMet = false;
    if (lead) {
      if (obligation && !obligation.metAt) {
        obligationMet = await this.reports.markObligationMet(
          tx,
          obligation.id,
          report.id,
          report.submittedAt,
        );
      }
      if (task.parentId) await this.tasks.rollUp(tx, task.parentId);
    }
    // A met obligation stops its pending reminders.
    if (obligationMet && obligation) await this.notifications.obligationsMet(tx, [obligation.id]);
    // Last statement: the event and the commit in one round trip (the chain head is shared).
    await this.audit.recordAndCommit(tx, actor, {
      action: 'report.submit',
      entityType: 'progress_report',
      entityId: report.id,
      before: lead ? { taskPercent: task.percent } : undefined,
      after: {
        taskId: task.id,
        period: report.periodKey,
        percent: report.percent,
        late: report.late,
        authorRelation: report.authorRelation,
        obligationMet,
        evidence: files.map((f) => ({
          id: f.id,
          filename: f.filename,
          sha256: f.sha256,
          sizeBytes: f.sizeBytes,
        })),
      },
    });
    return true;
  }

  private async visible(actor: Actor, taskId: string, tx?: Tx): Promise<TaskRecord | null> {
    try {
      return await this.tasks.getVisible(actor, taskId, tx);
    } catch (error) {
      if (error instanceof AppError && error.getStatus() === 404) return null;
      throw error;
    }
  }
}

/** Tries of one submission before answering 409 (deadlock victims, a reusable key taken over). */
const MAX_SUBMIT_ATTEMPTS = 3;

interface ReportDraft {
  report: ReportRecord;
  files: EvidenceRecord[];
  obligation: ObligationRecord | null;
  body: ReportDto;
}

/** Deadlock (1213) or lock wait timeout (1205): the transaction was rolled back whole. */
function isRetryableConflict(error: unknown): boolean {
  const errno = mysqlErrno(error);
  return errno === 1213 || errno === 1205;
}

function inFlight(): AppError {
  return new AppError(
    409,
    `Một yêu cầu với cùng ${IDEMPOTENCY_HEADER} đang được xử lý; hãy thử lại sau ${RETRY_AFTER_SECONDS} giây.`,
    `A request with the same ${IDEMPOTENCY_HEADER} is still being processed; retry in ${RETRY_AFTER_SECONDS} s.`,
    undefined,
    { retryAfter: RETRY_AFTER_SECONDS },
  );
}
