import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { FileStorageService } from '../common/storage/file-storage.service.js';
import { AppConfig } from '../config/app-config.js';
import { todayIn } from '../common/dates.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import { OrganizationDirectoryService } from '../organizations/organization-directory.service.js';
import {
  extractText,
  normalize,
  parseText,
  UnreadableFileError,
  UnsupportedFileTypeError,
  type ParseResult,
  type ParsedDocument,
  type Party,
} from '../parsing/index.js';
import { loadReportingCalendar, type ReportingCalendar } from '../tasks/obligation-periods.js';
import { TasksRepository, type TaskRecord } from '../tasks/tasks.repository.js';
import type { ClauseRecord, DocumentRecord, TargetRecord } from './documents.repository.js';
import { DocumentsRepository } from './documents.repository.js';
import { planPublication, type GroupMembers, type PublishPlan } from './publish-plan.js';

export interface DocumentInput {
  buffer: Buffer;
  filename: string | null;
  mediaType: string;
}

export interface DocumentDetail extends DocumentRecord {
  clauses: ClauseRecord[];
  targets: TargetRecord[];
  source: {
    id: string;
    filename: string | null;
    sha256: string;
    mediaType: string;
    sizeBytes: number;
  };
}

export interface ClauseCorrection {
  leads?: string[];
  coordinators?: string[];
  reportTo?: string[];
  cadence?: string;
  milestones?: string[];
  dueOn?: string | null;
}

const DOC_NOT_FOUND = { vi: 'văn bản', en: 'Document' };
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

@Injectable()
export class DocumentsService {
  private calendar: ReportingCalendar | null = null;

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly tasks: TasksRepository,
    private readonly directory: OrganizationDirectoryService,
    private readonly storage: FileStorageService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /** Reads the text of an upload; refusals as HTTP answers (415 type, 422 unreadable, 400 empty). */
  async readText(
    input: DocumentInput,
  ): Promise<{ text: string; warnings: ParseResult['warnings'] }> {
    let extracted;
    try {
      extracted = await extractText(input.buffer, input.filename ?? undefined);
    } catch (error) {
      if (error instanceof UnsupportedFileTypeError) {
        throw new AppError(
          415,
          error.message,
          'Unsupported file type: send .txt, .md, .docx or .pdf (checked by content).',
          [
            {
              field: 'file',
              message: error.message,
              messageEn: `unsupported type (${error.detected})`,
            },
          ],
        );
      }
      if (error instanceof UnreadableFileError) {
        throw new AppError(422, error.message, `The ${error.format} file cannot be read.`, [
          { field: 'file', message: error.message, messageEn: 'unreadable file' },
        ]);
      }
      throw error;
    }
    if (!extracted.text.trim() && extracted.warnings.length === 0) {
      throw AppError.badRequest(
        'Văn bản trống: không có nội dung để đọc.',
        'The document is empty.',
        [
          {
            field: 'text',
            message: 'Trường "text" không được để trống.',
            messageEn: 'text must not be empty',
          },
        ],
      );
    }
    return { text: extracted.text, warnings: extracted.warnings };
  }

  /**
   * Parses with the directory. Undated documents (a draft carried by a dated letter) resolve
   * bodies as of the file's latest date, not today: a 2021 draft names 2021's bodies.
   */
  async parse(text: string, warnings: ParseResult['warnings'] = []): Promise<ParseResult> {
    const firstPass = parseText(text);
    const dates = firstPass.documents
      .map((d) => d.issuedOn)
      .filter((d): d is string => !!d)
      .sort();
    const directory = await this.directory.partyDirectory(dates.at(-1) ?? null);
    const result = parseText(text, { directory });
    if (warnings?.length) {
      for (const doc of result.documents) doc.warnings.unshift(...warnings);
      result.warnings = [...warnings, ...(result.warnings ?? [])];
    }
    return result;
  }

  async preview(input: DocumentInput): Promise<ParseResult> {
    const { text, warnings } = await this.readText(input);
    return this.parse(text, warnings);
  }

  async upload(actor: Actor, input: DocumentInput): Promise<DocumentDetail[]> {
    const sha256 = createHash('sha256').update(input.buffer).digest('hex');
    await this.refuseDuplicate(actor, sha256);
    const { text, warnings } = await this.readText(input);
    const parsed = await this.parse(text, warnings);
    const stored = await this.storage.write(input.buffer);
    const sourceId = randomUUID();
    try {
      const ids = await this.uow.run(async (tx) => {
        if (await this.documents.sourceBySha(sha256, tx)) throw await this.duplicate(actor, sha256);
        await this.documents.insertSource(tx, {
          id: sourceId,
          sha256,
          filename: input.filename?.slice(0, 255) ?? null,
          mediaType: input.mediaType.slice(0, 100),
          sizeBytes: input.buffer.length,
          storageKey: stored.key,
          uploadedBy: actor.userId,
          createdAt: new Date(),
          // The parser's offsets point into its normalized text: keep that, so the office's
          // preview highlights each clause where it stands.
          text: normalize(text),
        });
        const docIds = parsed.documents.map(() => randomUUID());
        for (const [index, doc] of parsed.documents.entries()) {
          await this.documents.insertDocument(tx, {
            id: docIds[index],
            sourceId,
            indexInSource: index,
            // The committee whose office follows it: the uploader's (a letter from another
            // province is still this office's work to follow).
            committee: actor.committee,
            kind: doc.kind,
            number: doc.number?.slice(0, 60) ?? null,
            issuerOrgId: doc.issuer?.orgId ?? null,
            issuerName: doc.issuer?.name?.slice(0, 255) ?? null,
            issuedOn: doc.issuedOn,
            place: doc.place?.slice(0, 120) ?? null,
            title: doc.title,
            isDraft: doc.isDraft,
            period: doc.period ? { from: doc.period.from, to: doc.period.to } : null,
            carriedById: null,
            status: 'draft',
            start: doc.start,
            end: doc.end,
            recipients: doc.recipients,
            warnings: doc.warnings,
            createdBy: actor.userId,
          });
          await this.documents.insertClauses(tx, this.clauseRecords(docIds[index], doc));
          await this.documents.insertTargets(
            tx,
            doc.targets.map((t, position) => ({
              ...t,
              id: randomUUID(),
              documentId: docIds[index],
              position,
            })),
          );
        }
        for (const [index, doc] of parsed.documents.entries()) {
          if (doc.carriedBy !== null && docIds[doc.carriedBy]) {
            await this.documents.setCarriedBy(tx, docIds[index], docIds[doc.carriedBy]);
          }
        }
        await this.audit.record(tx, actor, {
          action: 'document.upload',
          entityType: 'source_file',
          entityId: sourceId,
          after: {
            sha256,
            filename: input.filename,
            documents: docIds,
            kinds: parsed.documents.map((d) => d.kind),
          },
        });
        return docIds;
      });
      return Promise.all(ids.map((id) => this.get(actor, id)));
    } catch (error) {
      await this.storage.remove(stored.key).catch(() => undefined);
      throw error;
    }
  }

  private clauseRecords(documentId: string, doc: ParsedDocument): ClauseRecord[] {
    return doc.clauses.map((c, position) => ({
      id: randomUUID(),
      documentId,
      position,
      section: c.section?.slice(0, 40) ?? null,
      ordinal: c.ordinal,
      text: c.text,
      start: c.start,
      end: c.end,
      leads: c.leads,
      coordinators: c.coordinators,
      reportTo: c.reportTo,
      actions: c.actions,
      cadence: c.cadence,
      milestones: c.milestones,
      deadlines: c.deadlines,
      dueOn: null,
      corrected: false,
    }));
  }

  private async refuseDuplicate(actor: Actor, sha256: string): Promise<void> {
    if (await this.documents.sourceBySha(sha256)) throw await this.duplicate(actor, sha256);
  }

  private async duplicate(actor: Actor, sha256: string): Promise<AppError> {
    const source = await this.documents.sourceBySha(sha256);
    const docs = source ? await this.documents.bySource(source.id) : [];
    const visible = docs.filter((d) => d.committee === actor.committee);
    const names = visible.map((d) => `${d.kind}${d.number ? ` ${d.number}` : ''}`).join(', ');
    return AppError.conflict(
      `Tệp này đã được tải lên trước đây${names ? ` (${names})` : ''}; không tạo văn bản mới.`,
      'This file was uploaded before; no new document was created.',
      { existingDocumentIds: visible.map((d) => d.id), sha256 },
    );
  }

  async list(actor: Actor, status: string | undefined, page: number, pageSize: number) {
    return this.documents.list(actor, { status }, page, pageSize);
  }

  async get(actor: Actor, id: string): Promise<DocumentDetail> {
    const doc = await this.documents.findVisible(actor, id);
    if (!doc) throw AppError.notFound(DOC_NOT_FOUND);
    const [clauses, targets, source] = await Promise.all([
      this.documents.clauses([id]),
      this.documents.targets(id),
      this.documents.source(doc.sourceId),
    ]);
    return {
      ...doc,
      clauses,
      targets,
      source: {
        id: doc.sourceId,
        filename: source?.filename ?? null,
        sha256: source?.sha256 ?? '',
        mediaType: source?.mediaType ?? '',
        sizeBytes: source?.sizeBytes ?? 0,
      },
    };
  }

  async sourceText(
    actor: Actor,
    id: string,
  ): Promise<{ text: string; start: number; end: number }> {
    const doc = await this.documents.findVisible(actor, id);
    if (!doc) throw AppError.notFound(DOC_NOT_FOUND);
    return {
      text: (await this.documents.sourceText(doc.sourceId)) ?? '',
      start: doc.start,
      end: doc.end,
    };
  }

  /** The office corrects what the parser proposed, before publishing. */
  async correctClause(
    actor: Actor,
    documentId: string,
    clauseId: string,
    patch: ClauseCorrection,
  ): Promise<ClauseRecord> {
    const resolver = await this.directory.resolver();
    const toParties = (field: string, ids: string[]): Party[] =>
      ids.map((id) => {
        if (id.startsWith('group:')) {
          const group = resolver.groups.find((g) => g.tag === id.slice(6));
          if (group) return { mention: group.name, name: group.name, orgId: null, group: true };
        } else {
          const org = resolver.findByCode(id);
          if (org) return { mention: org.name, name: org.name, orgId: org.code, group: false };
        }
        throw AppError.badRequest(
          `Không có cơ quan hoặc nhóm "${id}" trong danh mục.`,
          `"${id}" is not an organization or group of the directory.`,
          [
            {
              field,
              message: `Trường "${field}" có mã không có trong danh mục: ${id}.`,
              messageEn: `${field}: unknown ${id}`,
            },
          ],
        );
      });
    const leads = patch.leads ? toParties('leads', patch.leads) : undefined;
    const coordinators = patch.coordinators
      ? toParties('coordinators', patch.coordinators)
      : undefined;
    const reportTo = patch.reportTo ? toParties('reportTo', patch.reportTo) : undefined;
    return this.uow.run(async (tx) => {
      const doc = await this.documents.findVisible(actor, documentId, tx, true);
      if (!doc) throw AppError.notFound(DOC_NOT_FOUND);
      if (doc.status !== 'draft') {
        throw AppError.conflict(
          'Văn bản đã ban hành nhiệm vụ; không sửa được điều khoản nữa (hãy gia hạn hoặc giao lại từng nhiệm vụ).',
          'The document is published; clauses can no longer be corrected.',
        );
      }
      const before = await this.documents.clause(documentId, clauseId, tx);
      if (!before) throw AppError.notFound({ vi: 'điều khoản', en: 'Clause' });
      const after: ClauseRecord = {
        ...before,
        ...(leads ? { leads } : {}),
        ...(coordinators ? { coordinators } : {}),
        ...(reportTo ? { reportTo } : {}),
        ...(patch.cadence ? { cadence: patch.cadence } : {}),
        ...(patch.milestones ? { milestones: patch.milestones } : {}),
        ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
        corrected: true,
      };
      await this.documents.updateClause(tx, after);
      await this.audit.record(tx, actor, {
        action: 'clause.correct',
        entityType: 'clause',
        entityId: clauseId,
        before,
        after,
      });
      return after;
    });
  }

  /** What publishing would create, without creating it (the UI's confirmation step). */
  async plan(actor: Actor, id: string, issuedOn?: string): Promise<PublishPlan> {
    const doc = await this.documents.findVisible(actor, id);
    if (!doc) throw AppError.notFound(DOC_NOT_FOUND);
    // The date the office is about to give an undated draft changes who the groups name.
    return this.planFor(
      { ...doc, issuedOn: doc.issuedOn ?? issuedOn ?? null },
      await this.documents.clauses([id]),
    );
  }

  private async planFor(doc: DocumentRecord, clauses: ClauseRecord[]): Promise<PublishPlan> {
    const resolver = await this.directory.resolver();
    const issuedOn = doc.issuedOn ?? todayIn(this.config.TZ_APP, new Date());
    const issuer = doc.issuerOrgId ? resolver.findByCode(doc.issuerOrgId) : null;
    this.calendar ??= loadReportingCalendar();
    return planPublication(clauses, {
      issuedOn,
      period: doc.period,
      calendar: this.calendar,
      groupOf: (party): GroupMembers | null => {
        const resolution = resolver.resolveMention(party.name, {
          asOf: issuedOn,
          province: issuer?.province ?? doc.committee,
          district: issuer?.district ?? null,
          plural: true,
        });
        if (!resolution.group) return null;
        return {
          tag: resolution.group.tag,
          name: resolution.group.name,
          selective: resolution.group.selective,
          // The issuing committee does not assign work to itself ("các cấp ủy" includes it).
          members: resolution.group.members
            .filter((m) => m.code !== doc.issuerOrgId)
            .map((m) => ({ id: m.code, name: m.name })),
        };
      },
    });
  }

  /**
   * Publishing creates the tasks and obligations. A draft's number and date are often written
   * only when it is signed: the office gives them here when the text has none.
   */
  async publish(
    actor: Actor,
    id: string,
    signed: { number?: string; issuedOn?: string } = {},
  ): Promise<{ tasks: TaskRecord[]; obligations: number; skipped: PublishPlan['skipped'] }> {
    return this.uow.run(async (tx) => {
      // Locked: two publishes of one document queue here, and the second finds it published.
      const found = await this.documents.findVisible(actor, id, tx, true);
      if (!found) throw AppError.notFound(DOC_NOT_FOUND);
      const doc = {
        ...found,
        number: found.number ?? signed.number ?? null,
        issuedOn: found.issuedOn ?? signed.issuedOn ?? null,
      };
      if (doc.status !== 'draft') {
        throw AppError.conflict(
          'Văn bản này đã được ban hành nhiệm vụ.',
          'The document is already published.',
          {
            publishedAt: doc.publishedAt,
          },
        );
      }
      const plan = await this.planFor(doc, await this.documents.clauses([id], tx));
      if (plan.problems.length > 0) {
        const reasons = {
          unresolved_lead: 'chưa xác định được cơ quan chủ trì',
          selective_group_lead: 'nhóm "liên quan" cần chọn cụ thể cơ quan',
        };
        throw AppError.conflict(
          `Chưa ban hành được: ${plan.problems.map((p) => `điều ${p.clause} — "${p.mention}": ${reasons[p.reason]}`).join('; ')}. Hãy sửa các điều khoản này trước.`,
          `Cannot publish: ${plan.problems.length} clause(s) need a lead body chosen first.`,
          { problems: plan.problems },
        );
      }
      if (plan.tasks.length === 0) {
        throw AppError.conflict(
          'Văn bản không có nhiệm vụ nào để giao.',
          'The document has no task to assign.',
        );
      }
      const taskIds = new Map(plan.tasks.map((t) => [t.key, randomUUID()]));
      let obligations = 0;
      const now = new Date();
      for (const planned of plan.tasks) {
        const taskId = taskIds.get(planned.key) as string;
        await this.tasks.insert(tx, {
          id: taskId,
          documentId: doc.id,
          clauseId: planned.clauseId,
          parentId: planned.parentKey ? (taskIds.get(planned.parentKey) ?? null) : null,
          origin: planned.origin,
          committee: doc.committee,
          leadOrgId: planned.leadOrgId,
          leadName: planned.leadName,
          groupTag: planned.groupTag,
          delegatedByOrgId: null,
          title: planned.title,
          reportTo: planned.reportTo,
          coordinators: planned.coordinators,
          coordinatorOrgIds: planned.coordinatorOrgIds,
          cadence: planned.cadence,
          milestones: planned.milestones,
          dueOn: planned.dueOn,
          status: 'assigned',
        });
        await this.tasks.addEvent(tx, {
          taskId,
          occurredAt: now,
          actorId: actor.userId,
          actorOrgId: actor.organizationId,
          action: 'create',
          fromStatus: null,
          toStatus: 'assigned',
          reason: null,
          oldDueOn: null,
          newDueOn: planned.dueOn,
        });
        await this.tasks.insertObligations(
          tx,
          planned.obligations.map((o) => ({
            id: randomUUID(),
            taskId,
            periodKey: o.periodKey,
            kind: o.kind,
            periodStart: o.periodStart,
            periodEnd: o.periodEnd,
            dueOn: o.dueOn,
            labelVi: o.labelVi.slice(0, 120),
            metAt: null,
            metReportId: null,
          })),
        );
        obligations += planned.obligations.length;
        // The lead body hears of its new task (rows in this transaction; sent by the sweep).
        await this.notifications.notifyTaskEvent(tx, { taskId, event: 'assigned', ref: 'publish' });
      }
      if (
        !(await this.documents.markPublished(tx, doc.id, actor.userId, doc.number, doc.issuedOn))
      ) {
        throw AppError.conflict(
          'Văn bản này đã được ban hành nhiệm vụ.',
          'The document is already published.',
        );
      }
      await this.audit.record(tx, actor, {
        action: 'document.publish',
        entityType: 'document',
        entityId: doc.id,
        before: { status: 'draft' },
        after: {
          status: 'published',
          number: doc.number,
          issuedOn: doc.issuedOn,
          tasks: plan.tasks.length,
          obligations,
          skipped: plan.skipped,
        },
      });
      return { tasks: await this.tasks.byDocument(doc.id, tx), obligations, skipped: plan.skipped };
    });
  }
}
