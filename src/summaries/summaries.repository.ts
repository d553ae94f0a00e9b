import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What a summary counts: the caller's committee, and the filters of the request. */
export interface SummaryScope {
  committee: string;
  documentId?: string;
  organizationId?: string;
  /** false for the committee-wide overview: the parent task already stands for that work */
  includeDelegated: boolean;
  /** only tasks, obligations and reports whose due date (as then in force) falls in here */
  period?: { from: string; to: string };
}

/** The moment "as of D" and how to turn an instant into a calendar day of TZ_APP. */
export interface AsOf {
  date: string;
  /** end of D in TZ_APP as UTC 'YYYY-MM-DD HH:MM:SS.mmm' (exclusive) */
  cutoff: string;
  /** minutes TZ_APP is ahead of UTC */
  offsetMinutes: number;
}

export interface CategoryRow {
  /** null when not grouped by body, or for tasks whose lead is not in the directory */
  leadOrgId: string | null;
  category: string;
  n: number;
  extensions: number;
  returns: number;
  daysLate: number;
}

export interface ReportStatRow {
  leadOrgId: string | null;
  submitted: number;
  onTime: number;
  rework: number;
}

export interface TargetRowData {
  id: string;
  documentId: string;
  documentNumber: string | null;
  position: number;
  text: string;
  direction: string;
  value: number | null;
  valueTo: number | null;
  unit: string | null;
  annual: boolean;
  baselineJson: string | null;
  deadline: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  issuedOn: string | null;
}

export interface LatestValueRow {
  targetId: string;
  value: number;
  submittedAt: Date;
  authorOrgId: string;
  reportId: string;
  reports: number;
}

export interface DocumentHeading {
  id: string;
  kind: string;
  number: string | null;
  issuedOn: string | null;
  title: string | null;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const dateOnly = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);

/**
 * Summaries as SQL aggregates over history. Every query is scoped to the caller's committee
 * in its WHERE clause, groups in the database and returns one row per (body, category): the
 * size of the answer does not grow with the number of tasks.
 *
 * Portable between MySQL 8 (ONLY_FULL_GROUP_BY) and MariaDB 10.11: no `->>`, no ANY_VALUE;
 * every selected column is grouped or aggregated. Only the targets query uses JSON_TABLE and
 * a window function, both present in MySQL 8.0 and MariaDB 10.6+.
 */
@Injectable()
export class SummariesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** WHERE on `task t` for a scope, with its parameters. */
  private taskWhere(scope: SummaryScope): { sql: string; params: unknown[] } {
    const parts = ['t.committee = ?', "t.origin <> 'group'"];
    const params: unknown[] = [scope.committee];
    if (!scope.includeDelegated) parts.push("t.origin <> 'delegated'");
    if (scope.documentId) {
      parts.push('t.document_id = ?');
      params.push(scope.documentId);
    }
    if (scope.organizationId) {
      parts.push('t.lead_org_id = ?');
      params.push(scope.organizationId);
    }
    return { sql: parts.join(' AND '), params };
  }

  /**
   * Per task (GROUP BY t.id), from its events by the cutoff: the last event carries the
   * status as of D and, through the day it happened in TZ_APP, when that status began; the
   * last create/extend event carries the due date then in force. Events are ordered by id,
   * as the history is. The last event's values ride inside MAX() of "id zero-padded to 20
   * digits + value", which orders like the id: one pass, no second lookup of the winner.
   * The task's own columns are constant within the group; MAX() of them keeps
   * ONLY_FULL_GROUP_BY satisfied on MariaDB, which does not see functional dependence on a
   * primary key.
   */
  private perTask(scope: SummaryScope, asOf: AsOf, byOrganization: boolean) {
    const where = this.taskWhere(scope);
    // Each aggregate is written once and parsed by the query around it: the server would
    // otherwise evaluate a repeated MAX(CONCAT(…)) once per mention.
    const sql = `
      SELECT CONVERT(t.id USING ascii) AS task_id,
             ${byOrganization ? 'MAX(t.lead_org_id)' : 'NULL'} AS lead_org_id,
             MAX(CASE WHEN e.to_status IS NOT NULL THEN CONCAT(LPAD(e.id, 20, '0'),
                 DATE_FORMAT(DATE_ADD(e.occurred_at, INTERVAL ? MINUTE), '%Y-%m-%d'),
                 e.to_status) END) AS last_status,
             MAX(CASE WHEN e.action IN ('create', 'extend') THEN CONCAT(LPAD(e.id, 20, '0'),
                 COALESCE(DATE_FORMAT(e.new_due_on, '%Y-%m-%d'), '')) END) AS last_due,
             SUM(CASE WHEN e.action = 'extend' THEN 1 ELSE 0 END) AS extensions,
             SUM(CASE WHEN e.action = 'return' THEN 1 ELSE 0 END) AS returns
      FROM task t
      JOIN task_event e ON e.task_id = t.id AND e.occurred_at < ?
      WHERE ${where.sql}
      GROUP BY t.id`;
    return { sql, params: [asOf.offsetMinutes, asOf.cutoff, ...where.params] };
  }

  /**
   * The state of each task as of D, parsed out of perTask(): status, the day it began, and
   * the due date in force. Tasks with no status event by then did not exist yet.
   */
  private taskStates(scope: SummaryScope, asOf: AsOf, byOrganization: boolean) {
    const p = this.perTask(scope, asOf, byOrganization);
    const sql = `
      SELECT q.task_id, q.lead_org_id, q.extensions, q.returns,
             SUBSTRING(q.last_status, 31) AS status,
             CAST(SUBSTRING(q.last_status, 21, 10) AS DATE) AS status_day,
             CAST(NULLIF(SUBSTRING(q.last_due, 21), '') AS DATE) AS due_on
      FROM (${p.sql}) q
      WHERE q.last_status IS NOT NULL`;
    return { sql, params: p.params };
  }

  /**
   * Tasks by category as of D (and by body when asked), with extensions, returns and days
   * late. The category is decided inside the per-task GROUP BY, so the intermediate rows the
   * server keeps are a few bytes wide, not the task's columns.
   */
  async taskCategories(
    scope: SummaryScope,
    asOf: AsOf,
    byOrganization: boolean,
  ): Promise<CategoryRow[]> {
    const st = this.taskStates(scope, asOf, byOrganization);
    const rows = (await this.db.query(
      `SELECT x.lead_org_id AS leadOrgId, x.category, COUNT(*) AS n,
              SUM(x.extensions) AS extensions, SUM(x.returns) AS returns,
              SUM(x.days_late) AS daysLate
       FROM (
         SELECT s.lead_org_id, s.extensions, s.returns,
           CASE
             WHEN s.status = 'cancelled' THEN 'cancelled'
             WHEN s.status = 'verified' THEN
               CASE WHEN s.due_on IS NULL OR s.status_day <= s.due_on
                    THEN 'onTimeDone' ELSE 'lateDone' END
             WHEN s.due_on < ? THEN 'overdueOpen'
             ELSE 'openInTerm'
           END AS category,
           CASE
             WHEN s.status = 'verified' AND s.status_day > s.due_on
               THEN DATEDIFF(s.status_day, s.due_on)
             WHEN s.status NOT IN ('verified', 'cancelled') AND s.due_on < ?
               THEN DATEDIFF(?, s.due_on)
             ELSE 0
           END AS days_late
         FROM (${st.sql}) s
         ${scope.period ? 'WHERE s.due_on BETWEEN ? AND ?' : ''}
       ) x
       GROUP BY x.lead_org_id, x.category`,
      [
        asOf.date,
        asOf.date,
        asOf.date,
        ...st.params,
        ...(scope.period ? [scope.period.from, scope.period.to] : []),
      ],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      leadOrgId: (r.leadOrgId as string | null) ?? null,
      category: String(r.category),
      n: num(r.n),
      extensions: num(r.extensions),
      returns: num(r.returns),
      daysLate: num(r.daysLate),
    }));
  }

  /**
   * Obligations by category as of D (and by body when asked). An obligation is done when a
   * lead report for it was accepted, or its task verified, by the cutoff, whichever came
   * first. Its due date as of D: periodic ones never move; a 'deadline' one moves with the
   * task's extensions (TasksService.extend), so it is the task's due date as of D, kept
   * between the obligation's original date (in its period key) and its current one.
   * Obligations whose period has not begun by D are not owed yet and are left out.
   */
  async obligationCategories(
    scope: SummaryScope,
    asOf: AsOf,
    byOrganization: boolean,
  ): Promise<CategoryRow[]> {
    const st = this.taskStates(scope, asOf, byOrganization);
    const dueAsOf = `CASE
        WHEN o.kind = 'deadline' AND o.period_key LIKE 'deadline-____-__-__' THEN
          LEAST(o.due_on, GREATEST(CAST(SUBSTRING(o.period_key, 10, 10) AS DATE),
                                   COALESCE(st.due_on, o.due_on)))
        ELSE o.due_on END`;
    const rows = (await this.db.query(
      `SELECT y.lead_org_id AS leadOrgId, y.category, COUNT(*) AS n
       FROM (
         SELECT z.lead_org_id,
           CASE
             WHEN z.status = 'cancelled' THEN 'cancelled'
             WHEN z.done_day IS NOT NULL THEN
               CASE WHEN z.done_day <= z.due_asof THEN 'onTimeDone' ELSE 'lateDone' END
             WHEN z.due_asof < ? THEN 'overdueOpen'
             ELSE 'openInTerm'
           END AS category
         FROM (
           SELECT st.lead_org_id, st.status, ${dueAsOf} AS due_asof,
             CASE
               WHEN st.status = 'verified' AND a.accepted_day IS NOT NULL
                 THEN LEAST(st.status_day, a.accepted_day)
               WHEN st.status = 'verified' THEN st.status_day
               ELSE a.accepted_day
             END AS done_day
           FROM (${st.sql}) st
           JOIN obligation o ON o.task_id = st.task_id
           LEFT JOIN (
             SELECT r.obligation_id,
                    DATE(DATE_ADD(MIN(v.created_at), INTERVAL ? MINUTE)) AS accepted_day
             FROM progress_report r
             JOIN review v ON v.report_id = r.id
             WHERE r.obligation_id IS NOT NULL AND r.author_relation = 'lead'
               AND v.verdict = 'accepted' AND v.created_at < ?
             GROUP BY r.obligation_id
           ) a ON a.obligation_id = o.id
           WHERE o.period_start IS NULL OR o.period_start <= ?
         ) z
         ${scope.period ? 'WHERE z.due_asof BETWEEN ? AND ?' : ''}
       ) y
       GROUP BY y.lead_org_id, y.category`,
      [
        asOf.date,
        ...st.params,
        asOf.offsetMinutes,
        asOf.cutoff,
        asOf.date,
        ...(scope.period ? [scope.period.from, scope.period.to] : []),
      ],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      leadOrgId: (r.leadOrgId as string | null) ?? null,
      category: String(r.category),
      n: num(r.n),
      extensions: 0,
      returns: 0,
      daysLate: 0,
    }));
  }

  /**
   * The lead's own reports by body: how many were submitted by the cutoff, how many
   * on time (the `late` flag fixed at submission against the due date then in force), and how
   * many verdicts of rework they drew by the cutoff. Coordinators' contributions owe nothing.
   */
  async reportStats(
    scope: SummaryScope,
    asOf: AsOf,
    periodUtc?: { from: string; to: string },
  ): Promise<ReportStatRow[]> {
    const where = this.taskWhere(scope);
    const window = periodUtc
      ? {
          sql: 'AND r.submitted_at >= ? AND r.submitted_at < ?',
          params: [periodUtc.from, periodUtc.to],
        }
      : { sql: '', params: [] };
    const submitted = (await this.db.query(
      `SELECT t.lead_org_id AS leadOrgId, COUNT(*) AS submitted,
              SUM(CASE WHEN r.late THEN 0 ELSE 1 END) AS onTime
       FROM task t
       JOIN progress_report r ON r.task_id = t.id
       WHERE ${where.sql} AND r.author_relation = 'lead' AND r.submitted_at < ? ${window.sql}
       GROUP BY t.lead_org_id`,
      [...where.params, asOf.cutoff, ...window.params],
    )) as Record<string, unknown>[];
    const reworks = (await this.db.query(
      `SELECT t.lead_org_id AS leadOrgId, COUNT(*) AS rework
       FROM task t
       JOIN progress_report r ON r.task_id = t.id
       JOIN review v ON v.report_id = r.id
       WHERE ${where.sql} AND r.author_relation = 'lead' AND v.verdict = 'rework'
         AND v.created_at < ? ${window.sql}
       GROUP BY t.lead_org_id`,
      [...where.params, asOf.cutoff, ...window.params],
    )) as Record<string, unknown>[];
    const key = (r: Record<string, unknown>) => String(r.leadOrgId ?? '');
    const out = new Map<string, ReportStatRow>();
    for (const r of submitted) {
      out.set(key(r), {
        leadOrgId: (r.leadOrgId as string | null) ?? null,
        submitted: num(r.submitted),
        onTime: num(r.onTime),
        rework: 0,
      });
    }
    for (const r of reworks) {
      const row = out.get(key(r)) ?? {
        leadOrgId: (r.leadOrgId as string | null) ?? null,
        submitted: 0,
        onTime: 0,
        rework: 0,
      };
      row.rework += num(r.rework);
      out.set(key(r), row);
    }
    return [...out.values()];
  }

  async documentHeading(committee: string, documentId: string): Promise<DocumentHeading | null> {
    const rows = (await this.db.query(
      `SELECT id, kind, number, issued_on AS issuedOn, title FROM document
       WHERE id = ? AND committee = ?`,
      [documentId, committee],
    )) as Record<string, unknown>[];
    const r = rows[0];
    if (!r) return null;
    return {
      id: String(r.id),
      kind: String(r.kind),
      number: (r.number as string | null) ?? null,
      issuedOn: dateOnly(r.issuedOn),
      title: (r.title as string | null) ?? null,
    };
  }

  /** The targets of the committee's documents (or of one), in document order. */
  async targets(committee: string, documentId?: string): Promise<TargetRowData[]> {
    const rows = (await this.db.query(
      `SELECT tg.id, tg.document_id AS documentId, d.number AS documentNumber, tg.position,
              tg.text, tg.direction, tg.value, tg.value_to AS valueTo, tg.unit, tg.annual,
              tg.baseline_json AS baselineJson, tg.deadline, d.period_from AS periodFrom,
              d.period_to AS periodTo, d.issued_on AS issuedOn
       FROM document_target tg
       JOIN document d ON d.id = tg.document_id
       WHERE d.committee = ? ${documentId ? 'AND d.id = ?' : ''}
       ORDER BY d.issued_on, d.id, tg.position`,
      documentId ? [committee, documentId] : [committee],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      documentId: String(r.documentId),
      documentNumber: (r.documentNumber as string | null) ?? null,
      position: num(r.position),
      text: String(r.text),
      direction: String(r.direction),
      value: numOrNull(r.value),
      valueTo: numOrNull(r.valueTo),
      unit: (r.unit as string | null) ?? null,
      annual: Boolean(Number(r.annual)),
      baselineJson: (r.baselineJson as string | null) ?? null,
      deadline: dateOnly(r.deadline),
      periodFrom: numOrNull(r.periodFrom),
      periodTo: numOrNull(r.periodTo),
      issuedOn: dateOnly(r.issuedOn),
    }));
  }

  /**
   * The latest value reported for each target by the cutoff, from the indicators of reports
   * not rejected, with how many reports carried the target. JSON_TABLE unpacks the JSON text
   * in SQL, so no report is loaded into the process.
   */
  async latestValues(
    committee: string,
    asOf: AsOf,
    documentId?: string,
  ): Promise<LatestValueRow[]> {
    const rows = (await this.db.query(
      `SELECT x.target_id AS targetId, x.value, x.submitted_at AS submittedAt,
              x.author_org_id AS authorOrgId, x.report_id AS reportId, x.reports
       FROM (
         SELECT j.target_id, j.value, r.submitted_at, r.author_org_id, r.id AS report_id,
                ROW_NUMBER() OVER (PARTITION BY j.target_id
                                   ORDER BY r.submitted_at DESC, r.id DESC) AS rn,
                COUNT(*) OVER (PARTITION BY j.target_id) AS reports
         FROM task t
         JOIN progress_report r ON r.task_id = t.id
         JOIN JSON_TABLE(r.indicators_json, '$[*]' COLUMNS (
                target_id VARCHAR(36) PATH '$.targetId',
                value DECIMAL(18,4) PATH '$.value')) j
         WHERE t.committee = ? ${documentId ? 'AND t.document_id = ?' : ''}
           AND r.status <> 'rejected' AND r.submitted_at < ?
           AND r.indicators_json <> '[]' AND j.value IS NOT NULL
       ) x
       WHERE x.rn = 1`,
      documentId ? [committee, documentId, asOf.cutoff] : [committee, asOf.cutoff],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      targetId: String(r.targetId),
      value: Number(r.value),
      submittedAt:
        r.submittedAt instanceof Date
          ? r.submittedAt
          : new Date(`${String(r.submittedAt).replace(' ', 'T')}Z`),
      authorOrgId: String(r.authorOrgId),
      reportId: String(r.reportId),
      reports: num(r.reports),
    }));
  }
}
