import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface ObligationSpec {
  periodKey: string;
  dueOn: string;
  /** already met (by no report): a report must not overwrite it */
  metAt?: Date;
}

export interface TaskSpec {
  leadOrgId: string;
  committee?: string;
  coordinatorOrgIds?: string[];
  obligations?: ObligationSpec[];
  dueOn?: string | null;
  status?: string;
  parentId?: string | null;
  /** how many document targets (chỉ tiêu) to create */
  targets?: number;
  /** reuse a document (and its targets) instead of creating one */
  documentId?: string;
}

export interface CreatedTask {
  taskId: string;
  documentId: string;
  clauseId: string;
  /** period key → obligation id */
  obligations: Record<string, string>;
  targetIds: string[];
}

const SYSTEM_USER = '00000000-0000-4000-8000-000000000000';

/**
 * A published document with one clause and one task, written straight to the tables: report
 * tests need a task in a known shape, not a run of the parser.
 */
export async function createTask(db: DataSource, spec: TaskSpec): Promise<CreatedTask> {
  const committee = spec.committee ?? 'Hà Giang';
  const documentId = spec.documentId ?? randomUUID();
  const clauseId = randomUUID();
  const taskId = randomUUID();
  if (!spec.documentId) {
    await db.query(
      `INSERT INTO document (id, source_id, index_in_source, committee, kind, number, title, is_draft,
         status, text_start, text_end, recipients_json, warnings_json, created_by, published_at)
       VALUES (?, ?, 0, ?, 'NQ', ?, 'Nghị quyết thử nghiệm', 0, 'published', 0, 100, '[]', '[]', ?, NOW(3))`,
      [
        documentId,
        randomUUID(),
        committee,
        `${Math.floor(Math.random() * 9000) + 1000}-NQ/TU`,
        SYSTEM_USER,
      ],
    );
  }
  await db.query(
    `INSERT INTO clause (id, document_id, position, section, ordinal, text, text_start, text_end,
       leads_json, coordinators_json, report_to_json, actions_json, cadence, milestones_json, deadlines_json)
     VALUES (?, ?, 1, 'IV', '1', 'Ban Tuyên giáo chủ trì tổ chức quán triệt nghị quyết.', 0, 50,
       '[]', '[]', '[]', '[]', 'half_yearly', '[]', '[]')`,
    [clauseId, documentId],
  );
  await db.query(
    `INSERT INTO task (id, document_id, clause_id, parent_id, origin, committee, lead_org_id, lead_name,
       title, report_to_json, coordinators_json, cadence, milestones_json, due_on, status)
     VALUES (?, ?, ?, ?, 'clause', ?, ?, ?, 'Tổ chức quán triệt, triển khai nghị quyết', '[]', '[]',
       'half_yearly', '[]', ?, ?)`,
    [
      taskId,
      documentId,
      clauseId,
      spec.parentId ?? null,
      committee,
      spec.leadOrgId,
      spec.leadOrgId,
      spec.dueOn ?? null,
      spec.status ?? 'in_progress',
    ],
  );
  for (const org of spec.coordinatorOrgIds ?? []) {
    await db.query(
      "INSERT INTO task_party (task_id, organization_id, role) VALUES (?, ?, 'coordinator')",
      [taskId, org],
    );
  }
  const obligations: Record<string, string> = {};
  for (const o of spec.obligations ?? []) {
    const id = randomUUID();
    obligations[o.periodKey] = id;
    await db.query(
      `INSERT INTO obligation (id, task_id, period_key, kind, due_on, label_vi, met_at)
       VALUES (?, ?, ?, 'periodic', ?, ?, ?)`,
      [id, taskId, o.periodKey, o.dueOn, `Báo cáo kỳ ${o.periodKey}`, o.metAt ?? null],
    );
  }
  const targetIds: string[] = [];
  for (let i = 0; i < (spec.targets ?? 0); i += 1) {
    const id = randomUUID();
    targetIds.push(id);
    await db.query(
      `INSERT INTO document_target (id, document_id, position, text, direction, value, unit, annual)
       VALUES (?, ?, ?, ?, 'increase', 90, '%', 0)`,
      [id, documentId, i + 1, `Chỉ tiêu thử nghiệm ${i + 1}`],
    );
  }
  return { taskId, documentId, clauseId, obligations, targetIds };
}

/** Rows of a table matching a condition, counted by SQL (for "nothing was written" checks). */
export async function countRows(
  db: DataSource,
  table: 'progress_report' | 'evidence_file' | 'idempotency_key' | 'review' | 'audit_event',
  where = '1 = 1',
  params: unknown[] = [],
): Promise<number> {
  const rows = (await db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params)) as {
    n: string | number;
  }[];
  return Number(rows[0].n);
}
