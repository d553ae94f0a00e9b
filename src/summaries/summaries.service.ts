import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { addDays, isIsoDate, todayIn, type IsoDate } from '../common/dates.js';
import { AppConfig } from '../config/app-config.js';
import { OrganizationDirectoryService } from '../organizations/organization-directory.service.js';
import {
  SummariesRepository,
  type AsOf,
  type CategoryRow,
  type DocumentHeading,
  type SummaryScope,
} from './summaries.repository.js';
import {
  average,
  emptyCounts,
  endOfDayUtc,
  judgeTarget,
  onTimeRate,
  percent,
  periodWindow,
  sqlUtc,
  tally,
  TARGET_STATUS_LABEL_VI,
  zoneOffsetMinutes,
  type CategoryCounts,
  type PeriodWindow,
  type TargetStatus,
} from './summary-rules.js';

export interface SummaryFilter {
  asOf?: string;
  documentId?: string;
  organizationId?: string;
  period?: string;
}

export interface Overview extends CategoryCounts {
  asOf: IsoDate;
  documentId: string | null;
  organizationId: string | null;
  period: string | null;
  /** extensions granted by the end of D to the tasks counted */
  extensions: number;
  /** the same categories for reporting obligations (kỳ báo cáo) */
  obligations: CategoryCounts;
}

export interface Scorecard extends CategoryCounts {
  organizationId: string | null;
  name: string;
  /** tasks assigned to the body as of D (= total, cancelled included) */
  assigned: number;
  /** done on time among tasks already judged (done, or open past due) */
  onTimePercent: number | null;
  /** mean days late over tasks done late or open past due */
  averageDaysLate: number | null;
  extensions: number;
  reportsSubmitted: number;
  reportsOnTime: number;
  reportsOnTimePercent: number | null;
  /** report verdicts of rework plus task returns */
  returnedForRework: number;
  obligationsOverdue: number;
}

export interface OrganizationsSummary {
  asOf: IsoDate;
  documentId: string | null;
  period: string | null;
  items: Scorecard[];
  totals: Omit<Scorecard, 'organizationId' | 'name'>;
}

export interface TargetSummaryItem {
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
  baseline: {
    text?: string;
    year: number | null;
    value: number | null;
    unit: string | null;
  } | null;
  deadline: string | null;
  latest: {
    value: number;
    submittedAt: string;
    organizationId: string;
    organizationName: string;
    reportId: string;
    reports: number;
  } | null;
  status: TargetStatus;
  statusLabel: string;
  onTrack: boolean | null;
  expected: number | null;
}

const UNKNOWN_BODY = 'Cơ quan chưa có trong danh bạ';

/**
 * Summaries of the caller's committee: office and inspectors see every body of it and
 * nothing of another committee (the repository puts `committee = ?` in every query).
 */
@Injectable()
export class SummariesService {
  constructor(
    private readonly repo: SummariesRepository,
    private readonly directory: OrganizationDirectoryService,
    private readonly config: AppConfig,
  ) {}

  today(): IsoDate {
    return todayIn(this.config.TZ_APP, new Date());
  }

  /** The moment "as of D" for SQL; a date that does not exist names the field. */
  asOf(date: string | undefined): AsOf {
    const d = date ?? this.today();
    if (!isIsoDate(d)) {
      throw AppError.badRequest(
        `Ngày "asOf" không hợp lệ: cần một ngày có thật dạng YYYY-MM-DD.`,
        'asOf must be a real date YYYY-MM-DD.',
        [
          {
            field: 'asOf',
            message: 'Trường "asOf" phải là một ngày có thật dạng YYYY-MM-DD.',
            messageEn: 'asOf must be a real date YYYY-MM-DD',
          },
        ],
      );
    }
    const cutoff = endOfDayUtc(d, this.config.TZ_APP);
    return {
      date: d,
      cutoff: sqlUtc(cutoff),
      offsetMinutes: zoneOffsetMinutes(this.config.TZ_APP, new Date(cutoff.getTime() - 1)),
    };
  }

  private period(key: string | undefined): PeriodWindow | undefined {
    if (!key) return undefined;
    const w = periodWindow(key);
    if (!w) {
      throw AppError.badRequest('Kỳ "period" không hợp lệ.', 'period is not a valid period.', [
        {
          field: 'period',
          message: 'Trường "period" phải có dạng 2026, 2026-H1, 2026-Q3 hoặc 2026-M07.',
          messageEn: 'period must be YYYY, YYYY-H1, YYYY-Q3 or YYYY-M07',
        },
      ]);
    }
    return w;
  }

  /** The document named by the filter, if the caller's committee has it; otherwise 404. */
  async document(actor: Actor, documentId: string | undefined): Promise<DocumentHeading | null> {
    if (!documentId) return null;
    const doc = await this.repo.documentHeading(actor.committee, documentId);
    if (!doc) throw AppError.notFound({ vi: 'văn bản', en: 'Document' });
    return doc;
  }

  private scope(actor: Actor, f: SummaryFilter, includeDelegated: boolean): SummaryScope {
    const w = this.period(f.period);
    return {
      committee: actor.committee,
      documentId: f.documentId,
      organizationId: f.organizationId,
      includeDelegated,
      period: w ? { from: w.from, to: w.to } : undefined,
    };
  }

  async overview(actor: Actor, f: SummaryFilter): Promise<Overview> {
    const asOf = this.asOf(f.asOf);
    await this.document(actor, f.documentId);
    // Delegated children count only when one body is asked for: see summary-rules.ts.
    const scope = this.scope(actor, f, Boolean(f.organizationId));
    const [tasks, obligations] = await Promise.all([
      this.repo.taskCategories(scope, asOf, false),
      this.repo.obligationCategories(scope, asOf, false),
    ]);
    return {
      asOf: asOf.date,
      documentId: f.documentId ?? null,
      organizationId: f.organizationId ?? null,
      period: f.period ?? null,
      ...tally(tasks),
      extensions: tasks.reduce((s, r) => s + r.extensions, 0),
      obligations: tally(obligations),
    };
  }

  async organizations(actor: Actor, f: SummaryFilter): Promise<OrganizationsSummary> {
    const asOf = this.asOf(f.asOf);
    await this.document(actor, f.documentId);
    const scope = this.scope(actor, { ...f, organizationId: undefined }, true);
    const w = scope.period;
    const [tasks, obligations, reports, resolver] = await Promise.all([
      this.repo.taskCategories(scope, asOf, true),
      this.repo.obligationCategories(scope, asOf, true),
      this.repo.reportStats(
        scope,
        asOf,
        w
          ? {
              from: sqlUtc(endOfDayUtc(addDays(w.from, -1), this.config.TZ_APP)),
              to: sqlUtc(endOfDayUtc(w.to, this.config.TZ_APP)),
            }
          : undefined,
      ),
      this.directory.resolver(),
    ]);
    const byOrg = new Map<string, { tasks: CategoryRow[]; obligations: CategoryRow[] }>();
    const slot = (org: string | null) => {
      const k = org ?? '';
      let s = byOrg.get(k);
      if (!s) byOrg.set(k, (s = { tasks: [], obligations: [] }));
      return s;
    };
    for (const r of tasks) slot(r.leadOrgId).tasks.push(r);
    for (const r of obligations) slot(r.leadOrgId).obligations.push(r);
    for (const r of reports) slot(r.leadOrgId);

    const items: Scorecard[] = [...byOrg.entries()].map(([org, rows]) => {
      const counts = tally(rows.tasks);
      const mine = reports.filter((r) => (r.leadOrgId ?? '') === org);
      return this.scorecard(
        org || null,
        org ? (resolver.findByCode(org)?.name ?? org) : UNKNOWN_BODY,
        counts,
        rows.tasks,
        tally(rows.obligations).overdueOpen,
        mine.reduce((s, r) => s + r.submitted, 0),
        mine.reduce((s, r) => s + r.onTime, 0),
        mine.reduce((s, r) => s + r.rework, 0),
      );
    });
    items.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const sum = (pick: (s: Scorecard) => number) => items.reduce((s, i) => s + pick(i), 0);
    const totalCounts = emptyCounts();
    for (const k of Object.keys(totalCounts) as (keyof CategoryCounts)[])
      totalCounts[k] = sum((i) => i[k]);
    const lateTasks = totalCounts.lateDone + totalCounts.overdueOpen;
    const totals = {
      ...totalCounts,
      assigned: totalCounts.total,
      onTimePercent: onTimeRate(totalCounts),
      averageDaysLate: average(
        tasks.reduce((s, r) => s + r.daysLate, 0),
        lateTasks,
      ),
      extensions: sum((i) => i.extensions),
      reportsSubmitted: sum((i) => i.reportsSubmitted),
      reportsOnTime: sum((i) => i.reportsOnTime),
      reportsOnTimePercent: percent(
        sum((i) => i.reportsOnTime),
        sum((i) => i.reportsSubmitted),
      ),
      returnedForRework: sum((i) => i.returnedForRework),
      obligationsOverdue: sum((i) => i.obligationsOverdue),
    };
    return {
      asOf: asOf.date,
      documentId: f.documentId ?? null,
      period: f.period ?? null,
      items,
      totals,
    };
  }

  private scorecard(
    organizationId: string | null,
    name: string,
    counts: CategoryCounts,
    rows: CategoryRow[],
    obligationsOverdue: number,
    reportsSubmitted: number,
    reportsOnTime: number,
    reportRework: number,
  ): Scorecard {
    const daysLate = rows.reduce((s, r) => s + r.daysLate, 0);
    const taskReturns = rows.reduce((s, r) => s + r.returns, 0);
    return {
      organizationId,
      name,
      ...counts,
      assigned: counts.total,
      onTimePercent: onTimeRate(counts),
      averageDaysLate: average(daysLate, counts.lateDone + counts.overdueOpen),
      extensions: rows.reduce((s, r) => s + r.extensions, 0),
      reportsSubmitted,
      reportsOnTime,
      reportsOnTimePercent: percent(reportsOnTime, reportsSubmitted),
      returnedForRework: reportRework + taskReturns,
      obligationsOverdue,
    };
  }

  async targets(
    actor: Actor,
    f: { documentId?: string; asOf?: string },
  ): Promise<{ asOf: IsoDate; documentId: string | null; items: TargetSummaryItem[] }> {
    const asOf = this.asOf(f.asOf);
    await this.document(actor, f.documentId);
    const [targets, latest, resolver] = await Promise.all([
      this.repo.targets(actor.committee, f.documentId),
      this.repo.latestValues(actor.committee, asOf, f.documentId),
      this.directory.resolver(),
    ]);
    const latestBy = new Map(latest.map((l) => [l.targetId, l]));
    const items = targets.map((t): TargetSummaryItem => {
      const baseline = parseBaseline(t.baselineJson);
      const l = latestBy.get(t.id) ?? null;
      const startOn =
        baseline?.year != null
          ? `${baseline.year}-12-31`
          : t.periodFrom
            ? `${t.periodFrom}-01-01`
            : t.issuedOn;
      const endOn = t.deadline ?? (t.periodTo ? `${t.periodTo}-12-31` : null);
      const verdict = judgeTarget(
        {
          direction: t.direction,
          value: t.value,
          valueTo: t.valueTo,
          unit: t.unit,
          annual: t.annual,
          baseline,
          startOn,
          endOn,
        },
        l?.value ?? null,
        asOf.date,
      );
      return {
        id: t.id,
        documentId: t.documentId,
        documentNumber: t.documentNumber,
        position: t.position,
        text: t.text,
        direction: t.direction,
        value: t.value,
        valueTo: t.valueTo,
        unit: t.unit,
        annual: t.annual,
        baseline,
        deadline: t.deadline,
        latest: l
          ? {
              value: l.value,
              submittedAt: l.submittedAt.toISOString(),
              organizationId: l.authorOrgId,
              organizationName: resolver.findByCode(l.authorOrgId)?.name ?? l.authorOrgId,
              reportId: l.reportId,
              reports: l.reports,
            }
          : null,
        status: verdict.status,
        statusLabel: TARGET_STATUS_LABEL_VI[verdict.status],
        onTrack: verdict.onTrack,
        expected: verdict.expected,
      };
    });
    return { asOf: asOf.date, documentId: f.documentId ?? null, items };
  }
}

function parseBaseline(json: string | null): TargetSummaryItem['baseline'] {
  if (!json) return null;
  try {
    const b = JSON.parse(json) as Partial<NonNullable<TargetSummaryItem['baseline']>> | null;
    if (!b || typeof b !== 'object') return null;
    return {
      text: typeof b.text === 'string' ? b.text : undefined,
      year: typeof b.year === 'number' ? b.year : null,
      value: typeof b.value === 'number' ? b.value : null,
      unit: typeof b.unit === 'string' ? b.unit : null,
    };
  } catch {
    return null;
  }
}
