// Rows with known histories, written straight to the tables: the summaries read history, so
// the tests state every event with its moment instead of driving the API through time.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

const SYSTEM_USER = '00000000-0000-4000-8000-000000000000';

/** 'YYYY-MM-DD HH:MM' on the Hanoi clock (UTC+7, no daylight saving) as a UTC DATETIME. */
export function hanoi(local: string): string {
  const d = new Date(`${local.replace(' ', 'T')}:00+07:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad local time ${local}`);
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

export class HistoryFactory {
  constructor(
    private readonly db: DataSource,
    readonly committee = 'Hà Giang',
  ) {}

  async document(
    o: { number?: string; issuedOn?: string; periodFrom?: number; periodTo?: number } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO document (id, source_id, index_in_source, committee, kind, number, issuer_name,
         issued_on, title, is_draft, period_from, period_to, status, text_start, text_end,
         recipients_json, warnings_json, created_by, published_at)
       VALUES (?, ?, 0, ?, 'NQ', ?, 'Tỉnh ủy', ?, 'về giảm nghèo bền vững giai đoạn 2026 - 2030', 0,
         ?, ?, 'published', 0, 100, '[]', '[]', ?, NOW(3))`,
      [
        id,
        randomUUID(),
        this.committee,
        o.number ?? `${Math.floor(Math.random() * 900) + 100}-NQ/TU`,
        o.issuedOn ?? '2026-01-10',
        o.periodFrom ?? null,
        o.periodTo ?? null,
        SYSTEM_USER,
      ],
    );
    return id;
  }

  async target(
    documentId: string,
    t: {
      position: number;
      text: string;
      direction: string;
      value: number | null;
      unit?: string | null;
      annual?: boolean;
      baseline?: { text: string; year: number | null; value: number | null; unit: string | null };
    },
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO document_target (id, document_id, position, text, direction, value, unit, annual,
         baseline_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        documentId,
        t.position,
        t.text,
        t.direction,
        t.value,
        t.unit ?? null,
        t.annual ? 1 : 0,
        t.baseline ? JSON.stringify(t.baseline) : null,
      ],
    );
    return id;
  }

  /** A task row; its history comes from event() (the 'create' event makes it exist). */
  async task(t: {
    documentId: string;
    lead: string | null;
    origin?: 'clause' | 'group' | 'member' | 'delegated';
    parentId?: string;
    dueOn: string | null;
    status: string;
  }): Promise<string> {
    const id = randomUUID();
    const clauseId = randomUUID();
    await this.db.query(
      `INSERT INTO clause (id, document_id, position, section, ordinal, text, text_start, text_end,
         leads_json, coordinators_json, report_to_json, actions_json, cadence, milestones_json,
         deadlines_json)
       VALUES (?, ?, 1, 'IV', '1', 'Điều khoản thử nghiệm', 0, 10, '[]', '[]', '[]', '[]',
         'quarterly', '[]', '[]')`,
      [clauseId, t.documentId],
    );
    await this.db.query(
      `INSERT INTO task (id, document_id, clause_id, parent_id, origin, committee, lead_org_id,
         lead_name, delegated_by_org_id, title, report_to_json, coordinators_json, cadence,
         milestones_json, due_on, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'Nhiệm vụ thử nghiệm', '[]', '[]', 'quarterly', '[]',
         ?, ?)`,
      [
        id,
        t.documentId,
        clauseId,
        t.parentId ?? null,
        t.origin ?? 'clause',
        this.committee,
        t.lead,
        t.lead ?? 'Các cơ quan',
        t.dueOn,
        t.status,
      ],
    );
    return id;
  }

  /** One history row at a Hanoi-clock moment. */
  async event(
    taskId: string,
    at: string,
    action: string,
    from: string | null,
    to: string | null,
    due: { old?: string | null; new?: string | null } = {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO task_event (task_id, occurred_at, action, from_status, to_status, reason,
         old_due_on, new_due_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        taskId,
        hanoi(at),
        action,
        from,
        to,
        action === 'return' || action === 'cancel' || action === 'extend'
          ? 'Lý do thử nghiệm'
          : null,
        due.old ?? null,
        due.new ?? null,
      ],
    );
  }

  /** Events in order: [moment, action, to] with from = the previous to. */
  async history(taskId: string, steps: [string, string, string][], dueOn: string | null) {
    let from: string | null = null;
    for (const [at, action, to] of steps) {
      await this.event(taskId, at, action, from, to, action === 'create' ? { new: dueOn } : {});
      from = to;
    }
  }

  async obligation(
    taskId: string,
    o: { periodKey: string; kind: string; dueOn: string; periodStart: string | null },
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO obligation (id, task_id, period_key, kind, period_start, period_end, due_on,
         label_vi)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, taskId, o.periodKey, o.kind, o.periodStart, o.dueOn, o.dueOn, `Kỳ ${o.periodKey}`],
    );
    return id;
  }

  async report(r: {
    taskId: string;
    obligationId?: string | null;
    authorOrgId: string;
    relation?: 'lead' | 'coordinator';
    at: string;
    late: boolean;
    status: 'submitted' | 'accepted' | 'rework' | 'rejected';
    indicators?: { targetId: string; value: number }[];
  }): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO progress_report (id, task_id, obligation_id, period_key, percent, narrative,
         indicators_json, author_id, author_org_id, author_relation, submitted_at, late, status)
       VALUES (?, ?, ?, NULL, 50, 'Báo cáo thử nghiệm', ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        r.taskId,
        r.obligationId ?? null,
        JSON.stringify(r.indicators ?? []),
        SYSTEM_USER,
        r.authorOrgId,
        r.relation ?? 'lead',
        hanoi(r.at),
        r.late ? 1 : 0,
        r.status,
      ],
    );
    return id;
  }

  async review(reportId: string, verdict: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO review (report_id, verdict, comment, reviewer_id, reviewer_role, created_at)
       VALUES (?, ?, 'Nhận xét thử nghiệm', ?, 'inspector', ?)`,
      [reportId, verdict, SYSTEM_USER, hanoi(at)],
    );
  }
}
