import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError, type FieldError } from '../common/errors/app-error.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import type { MentionResolution } from './catalog/mention-resolver.js';
import { readCatalog } from './catalog/load-catalog.js';
import type {
  CatalogOrganization,
  OrganizationLevel,
} from './catalog/organization-catalog.types.js';
import {
  parseCatalogFile,
  validateCatalog,
  type CatalogIssue,
} from './catalog/validate-catalog.js';
import { OrganizationDirectoryService } from './organization-directory.service.js';
import { CSV_COLUMNS, CsvFormatError, readOrganizationCsv } from './organization-csv.js';
import { OrganizationsRepository } from './organizations.repository.js';

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

const NOT_FOUND = { vi: 'cơ quan, đơn vị', en: 'Organization' };

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly directory: OrganizationDirectoryService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async search(
    q: string,
    filter: { group?: string; level?: OrganizationLevel; asOf?: string; province?: string },
  ) {
    const resolver = await this.directory.resolver();
    return resolver.search(q, filter);
  }

  async get(id: string): Promise<CatalogOrganization> {
    const org = await this.organizations.findById(id);
    if (!org) throw AppError.notFound(NOT_FOUND);
    return org;
  }

  async resolve(
    mention: string,
    context: { asOf?: string; province?: string; district?: string },
  ): Promise<MentionResolution> {
    return (await this.directory.resolver()).resolveMention(mention, context);
  }

  async create(actor: Actor, raw: Record<string, unknown>): Promise<CatalogOrganization> {
    const org = this.parseOne(raw);
    const all = await this.organizations.all();
    if (all.some((o) => o.code === org.code)) {
      throw AppError.conflict(
        `Mã "${org.code}" đã được dùng cho một cơ quan khác.`,
        `Code "${org.code}" is already used.`,
      );
    }
    this.assertConsistent([...all, org], org.code);
    await this.uow.run(async (tx) => {
      await this.organizations.insert(tx, org);
      await this.audit.record(tx, actor, {
        action: 'organization.create',
        entityType: 'organization',
        entityId: org.code,
        after: org,
      });
    });
    this.directory.invalidate();
    return org;
  }

  async update(
    actor: Actor,
    id: string,
    patch: Record<string, unknown>,
  ): Promise<CatalogOrganization> {
    const all = await this.organizations.all();
    const before = all.find((o) => o.code === id);
    if (!before) throw AppError.notFound(NOT_FOUND);
    const merged = this.parseOne({ ...before, ...patch, code: id });
    this.assertConsistent(
      all.map((o) => (o.code === id ? merged : o)),
      id,
    );
    await this.uow.run(async (tx) => {
      await this.organizations.update(tx, merged);
      await this.audit.record(tx, actor, {
        action: 'organization.update',
        entityType: 'organization',
        entityId: id,
        before,
        after: merged,
      });
    });
    this.directory.invalidate();
    return merged;
  }

  /** CSV import: every row checked first; one bad row and nothing is imported. */
  async importCsv(actor: Actor | null, text: string): Promise<ImportSummary> {
    let rows;
    try {
      rows = readOrganizationCsv(text);
    } catch (error) {
      if (error instanceof CsvFormatError) {
        throw AppError.badRequest(error.messageVi, error.message, [
          { field: 'file', message: error.messageVi, messageEn: error.message },
        ]);
      }
      throw error;
    }
    if (rows.length === 0) {
      throw AppError.badRequest(
        'Tệp CSV không có dòng dữ liệu nào.',
        'The CSV file has no data rows.',
        [
          {
            field: 'file',
            message: 'Tệp CSV không có dòng dữ liệu nào.',
            messageEn: 'No data rows.',
          },
        ],
      );
    }
    const parsed = parseCatalogFile('csv', { organizations: rows.map((r) => r.raw) });
    const lineOf = (issue: CatalogIssue): number | null => {
      const index = /^organizations\[(\d+)\]/.exec(issue.path)?.[1];
      if (index !== undefined) return rows[Number(index)].line;
      const row = rows.find((r) => r.raw.code === issue.code);
      return row ? row.line : null;
    };
    const issues = [...parsed.issues];
    if (issues.length === 0) {
      const seen = new Set<string>();
      for (const [i, org] of parsed.catalog.organizations.entries()) {
        if (seen.has(org.code)) {
          issues.push({
            source: 'csv',
            path: `organizations[${i}]`,
            code: org.code,
            message: 'code appears twice in the file',
          });
        }
        seen.add(org.code);
      }
      const imported = new Map(parsed.catalog.organizations.map((o) => [o.code, o]));
      const existing = await this.organizations.all();
      const merged = [
        ...existing.map((o) => imported.get(o.code) ?? o),
        ...parsed.catalog.organizations.filter((o) => !existing.some((e) => e.code === o.code)),
      ];
      issues.push(
        ...validateCatalog({ organizations: merged, groups: this.directory.groupRules() }).filter(
          (i) => i.code === null || imported.has(i.code),
        ),
      );
    }
    if (issues.length > 0) {
      const fields: FieldError[] = issues.map((issue) => {
        const line = lineOf(issue);
        const where = line ? `dòng ${line}` : 'tệp';
        return {
          field: line ? `line ${line}` : 'file',
          message: `Lỗi ở ${where}${issue.code ? ` (mã ${issue.code})` : ''}: ${issue.message}.`,
          messageEn: `${line ? `line ${line}` : 'file'}${issue.code ? ` (${issue.code})` : ''}: ${issue.message}`,
        };
      });
      const lines = [...new Set(fields.map((f) => f.field))].join(', ');
      throw AppError.badRequest(
        `Không nhập dữ liệu nào: có lỗi ở ${lines}. Sửa các dòng này rồi nhập lại toàn bộ tệp.`,
        `Nothing imported: errors at ${lines}. Fix them and import the whole file again.`,
        fields,
      );
    }
    return this.upsertAll(actor, parsed.catalog.organizations, 'organization.import');
  }

  /** Loads config/organizations/*.json (the demo and `cli import-organizations`). */
  async importCatalog(actor: Actor | null): Promise<ImportSummary> {
    const { catalog, issues } = readCatalog();
    if (issues.length > 0) {
      throw new Error(
        `config/organizations has problems:\n${issues.map((i) => `${i.source} ${i.path} ${i.code ?? ''}: ${i.message}`).join('\n')}`,
      );
    }
    return this.upsertAll(actor, catalog.organizations, 'organization.import-catalog');
  }

  private async upsertAll(
    actor: Actor | null,
    orgs: CatalogOrganization[],
    action: string,
  ): Promise<ImportSummary> {
    const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
    await this.uow.run(async (tx) => {
      for (const org of orgs) {
        const existing = await this.organizations.findById(org.code, tx);
        if (!existing) {
          await this.organizations.insert(tx, org);
          summary.created.push(org.code);
        } else if (JSON.stringify(existing) !== JSON.stringify(org)) {
          await this.organizations.update(tx, org);
          summary.updated.push(org.code);
        } else {
          summary.unchanged.push(org.code);
        }
      }
      await this.audit.record(tx, actor, {
        action,
        entityType: 'organization',
        entityId: '*',
        after: { created: summary.created, updated: summary.updated },
      });
    });
    this.directory.invalidate();
    return summary;
  }

  private parseOne(raw: Record<string, unknown>): CatalogOrganization {
    const parsed = parseCatalogFile('request', { organizations: [raw] });
    if (parsed.issues.length > 0 || parsed.catalog.organizations.length !== 1) {
      throw this.invalid(parsed.issues);
    }
    return parsed.catalog.organizations[0];
  }

  private assertConsistent(all: CatalogOrganization[], code: string): void {
    const issues = validateCatalog({
      organizations: all,
      groups: this.directory.groupRules(),
    }).filter((i) => i.code === code || i.code === null);
    if (issues.length > 0) throw this.invalid(issues);
  }

  private invalid(issues: CatalogIssue[]): AppError {
    const fields: FieldError[] = issues.map((issue) => {
      const field =
        CSV_COLUMNS.find((c) => issue.message.startsWith(`${c} `)) ??
        /unknown field "(\w+)"/.exec(issue.message)?.[1] ??
        'organization';
      return {
        field,
        message: `Trường "${field}" không hợp lệ: ${issue.message}.`,
        messageEn: issue.message,
      };
    });
    return AppError.badRequest(
      `Thông tin cơ quan, đơn vị không hợp lệ: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
      `Invalid organization: ${issues.map((i) => i.message).join('; ')}`,
      fields,
    );
  }
}
