import { useState } from 'preact/hooks';
import { api, ApiError, download, query, type Page } from '../api';
import { asApiError, DateField, ErrorBox, Loading, useAsync } from '../components';
import { formatDate, formatNumber, todayIso } from '../format';
import type { DocumentSummary, Task } from '../types';
import { documentName } from './documents';
import { TaskRows } from './tasks';

interface Counts {
  total: number;
  onTimeDone: number;
  lateDone: number;
  openInTerm: number;
  overdueOpen: number;
  cancelled: number;
}

interface Overview extends Counts {
  asOf: string;
  extensions: number;
  obligations: Counts;
}

interface Scorecard extends Counts {
  organizationId: string | null;
  name: string;
  assigned: number;
  onTimePercent: number | null;
  averageDaysLate: number | null;
  extensions: number;
  reportsSubmitted: number;
  reportsOnTime: number;
  reportsOnTimePercent: number | null;
  returnedForRework: number;
  obligationsOverdue: number;
}

interface TargetItem {
  id: string;
  text: string;
  latest: { value: number; submittedAt: string; organizationName: string } | null;
  unit: string | null;
  statusLabel: string;
  status: string;
}

const CATEGORIES: { key: keyof Counts; label: string; tone: string }[] = [
  { key: 'onTimeDone', label: 'Hoàn thành đúng hạn', tone: 'good' },
  { key: 'lateDone', label: 'Hoàn thành quá hạn', tone: 'warn' },
  { key: 'openInTerm', label: 'Đang thực hiện trong hạn', tone: 'info' },
  { key: 'overdueOpen', label: 'Quá hạn chưa hoàn thành', tone: 'bad' },
  { key: 'cancelled', label: 'Đã hủy', tone: 'muted' },
];

export interface SummaryFilter {
  asOf: string;
  documentId: string;
  period: string;
}

function Filters(props: { value: SummaryFilter; onChange: (f: SummaryFilter) => void }) {
  const docs = useAsync(
    () => api<Page<DocumentSummary>>(`/documents${query({ status: 'published', pageSize: 200 })}`),
    [],
  );
  const [asOf, setAsOf] = useState<string | null>(props.value.asOf);
  const [documentId, setDocumentId] = useState(props.value.documentId);
  const [period, setPeriod] = useState(props.value.period);
  return (
    <form
      class="filters card"
      aria-label="Lọc số liệu tổng hợp"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (asOf === null) return;
        props.onChange({ asOf: asOf || todayIso(), documentId, period: period.trim() });
      }}
    >
      <DateField label="Tính đến ngày" value={asOf} onChange={setAsOf} />
      <div class="field">
        <label for="filter-document">Văn bản</label>
        <select
          id="filter-document"
          value={documentId}
          onChange={(e) => setDocumentId((e.target as HTMLSelectElement).value)}
        >
          <option value="">Tất cả văn bản đã ban hành</option>
          {docs.data?.items.map((d) => (
            <option key={d.id} value={d.id}>
              {documentName(d).slice(0, 90)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-period">Kỳ (tùy chọn)</label>
        <input
          id="filter-period"
          value={period}
          placeholder="vd: 2026, 2026-H1, 2026-Q3"
          onInput={(e) => setPeriod((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="primary">
        Xem
      </button>
    </form>
  );
}

function summaryQuery(f: SummaryFilter) {
  return query({ asOf: f.asOf, documentId: f.documentId, period: f.period });
}

function OverviewCards({ filter }: { filter: SummaryFilter }) {
  const overview = useAsync(
    () => api<Overview>(`/summaries/overview${summaryQuery(filter)}`),
    [filter],
  );
  const o = overview.data;
  return (
    <section class="card" aria-labelledby="overview-title">
      <h2 id="overview-title">Kết quả thực hiện tính đến {formatDate(filter.asOf)}</h2>
      <ErrorBox error={overview.error} />
      <div class="stats" aria-busy={overview.loading ? 'true' : undefined}>
        <div class="stat stat-total">
          <span class="stat-value">{o ? formatNumber(o.total) : '…'}</span>
          <span class="stat-label">Tổng số nhiệm vụ</span>
        </div>
        {CATEGORIES.map((c) => (
          <div key={c.key} class={`stat stat-${c.tone}`}>
            <span class="stat-value">{o ? formatNumber(o[c.key]) : '…'}</span>
            <span class="stat-label">{c.label}</span>
          </div>
        ))}
      </div>
      {o && (
        <p class="muted">
          Kỳ báo cáo: {formatNumber(o.obligations.total)} kỳ,{' '}
          {formatNumber(o.obligations.onTimeDone)} nộp đúng hạn,{' '}
          {formatNumber(o.obligations.lateDone)} nộp muộn, {formatNumber(o.obligations.overdueOpen)}{' '}
          quá hạn chưa nộp. Gia hạn: {formatNumber(o.extensions)} lần.
        </p>
      )}
    </section>
  );
}

function TaskList(props: { title: string; path: string; empty: string; more: string }) {
  const tasks = useAsync(() => api<Page<Task>>(props.path), [props.path]);
  return (
    <section class="card" aria-labelledby={`${props.more}-title`}>
      <h2 id={`${props.more}-title`}>
        {props.title}
        {tasks.data ? ` (${tasks.data.total})` : ''}
      </h2>
      <ErrorBox error={tasks.error} />
      {tasks.data ? (
        <TaskRows tasks={tasks.data.items} empty={props.empty} />
      ) : (
        !tasks.error && <Loading lines={3} />
      )}
      {tasks.data && tasks.data.total > tasks.data.items.length && (
        <p>
          <a href={`/nhiem-vu${props.more}`}>Xem tất cả</a>
        </p>
      )}
    </section>
  );
}

export function DashboardPage() {
  const [filter, setFilter] = useState<SummaryFilter>({
    asOf: todayIso(),
    documentId: '',
    period: '',
  });
  return (
    <>
      <h1>Tổng quan</h1>
      <Filters value={filter} onChange={setFilter} />
      <OverviewCards filter={filter} />
      <div class="grid-2 wide">
        <TaskList
          title="Nhiệm vụ quá hạn"
          path={`/tasks${query({ overdue: 'true', documentId: filter.documentId, pageSize: 10 })}`}
          empty="Không có nhiệm vụ quá hạn."
          more={query({ overdue: 'true', documentId: filter.documentId })}
        />
        <TaskList
          title="Nhiệm vụ bị trả lại"
          path={`/tasks${query({ status: 'returned', documentId: filter.documentId, pageSize: 10 })}`}
          empty="Không có nhiệm vụ bị trả lại."
          more={query({ status: 'returned', documentId: filter.documentId })}
        />
      </div>
    </>
  );
}

const EXPORTS: { format: string; label: string }[] = [
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'csv', label: 'CSV' },
];

function ExportButtons({ filter }: { filter: SummaryFilter }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function get(format: string) {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      const name = await download(
        `/exports/summary.${format}${summaryQuery(filter)}`,
        `tong-hop-${filter.asOf}.${format}`,
      );
      setDone(`Đã tải ${name}.`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <section class="card" aria-labelledby="exports-title">
      <h2 id="exports-title">Xuất báo cáo tổng hợp</h2>
      <p class="muted">Theo bộ lọc đang chọn, tính đến {formatDate(filter.asOf)}.</p>
      <ErrorBox error={error} />
      <div class="actions">
        {EXPORTS.map((e) => (
          <button
            key={e.format}
            type="button"
            disabled={busy !== null}
            onClick={() => get(e.format)}
          >
            {busy === e.format ? 'Đang tạo tệp…' : `Tải ${e.label}`}
          </button>
        ))}
      </div>
      {done && (
        <p class="ok-text" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

function percent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value, 1)}%`;
}

function Scorecards({ filter }: { filter: SummaryFilter }) {
  const rows = useAsync(
    () =>
      api<{ items: Scorecard[]; totals: Omit<Scorecard, 'name' | 'organizationId'> }>(
        `/summaries/organizations${summaryQuery(filter)}`,
      ),
    [filter],
  );
  return (
    <section class="card" aria-labelledby="scorecards-title">
      <h2 id="scorecards-title">Bảng kết quả theo cơ quan</h2>
      <ErrorBox error={rows.error} />
      {rows.data ? (
        rows.data.items.length === 0 ? (
          <p class="muted">Chưa có nhiệm vụ nào trong phạm vi lọc.</p>
        ) : (
          <div class="table-wrap">
            <table class="scorecards">
              <thead>
                <tr>
                  <th scope="col">Cơ quan</th>
                  <th scope="col">Được giao</th>
                  <th scope="col">Đúng hạn</th>
                  <th scope="col">Quá hạn (xong)</th>
                  <th scope="col">Trong hạn</th>
                  <th scope="col">Quá hạn (chưa xong)</th>
                  <th scope="col">Tỷ lệ đúng hạn</th>
                  <th scope="col">Báo cáo đúng hạn</th>
                  <th scope="col">Bị trả lại</th>
                  <th scope="col">Gia hạn</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((r) => (
                  <tr key={r.organizationId ?? r.name}>
                    <th scope="row">{r.name}</th>
                    <td>{r.assigned}</td>
                    <td>{r.onTimeDone}</td>
                    <td>{r.lateDone}</td>
                    <td>{r.openInTerm}</td>
                    <td class={r.overdueOpen ? 'bad' : ''}>{r.overdueOpen}</td>
                    <td>{percent(r.onTimePercent)}</td>
                    <td>
                      {r.reportsOnTime}/{r.reportsSubmitted}
                    </td>
                    <td>{r.returnedForRework}</td>
                    <td>{r.extensions}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Tổng cộng</th>
                  <td>{rows.data.totals.assigned}</td>
                  <td>{rows.data.totals.onTimeDone}</td>
                  <td>{rows.data.totals.lateDone}</td>
                  <td>{rows.data.totals.openInTerm}</td>
                  <td>{rows.data.totals.overdueOpen}</td>
                  <td>{percent(rows.data.totals.onTimePercent)}</td>
                  <td>
                    {rows.data.totals.reportsOnTime}/{rows.data.totals.reportsSubmitted}
                  </td>
                  <td>{rows.data.totals.returnedForRework}</td>
                  <td>{rows.data.totals.extensions}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )
      ) : (
        !rows.error && <Loading lines={5} />
      )}
    </section>
  );
}

function Targets({ filter }: { filter: SummaryFilter }) {
  const targets = useAsync(
    () =>
      api<{ items: TargetItem[] }>(
        `/summaries/targets${query({ asOf: filter.asOf, documentId: filter.documentId })}`,
      ),
    [filter.asOf, filter.documentId],
  );
  return (
    <details class="card">
      <summary>
        Chỉ tiêu và số liệu báo cáo mới nhất{targets.data ? ` (${targets.data.items.length})` : ''}
      </summary>
      <ErrorBox error={targets.error} />
      {targets.data && (
        <ul class="rows">
          {targets.data.items.map((t) => (
            <li key={t.id} class="row">
              <span class="row-title">{t.text}</span>
              <span class="row-meta">
                <span class={`badge target-${t.status}`}>{t.statusLabel}</span>
                {t.latest
                  ? ` Mới nhất: ${formatNumber(t.latest.value, 2)}${t.unit ? ` ${t.unit}` : ''} — ${t.latest.organizationName}, ${formatDate(t.latest.submittedAt)}`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function ScorecardsPage() {
  const [filter, setFilter] = useState<SummaryFilter>({
    asOf: todayIso(),
    documentId: '',
    period: '',
  });
  return (
    <>
      <h1>Bảng kết quả và xuất báo cáo</h1>
      <Filters value={filter} onChange={setFilter} />
      <OverviewCards filter={filter} />
      <ExportButtons filter={filter} />
      <Scorecards filter={filter} />
      <Targets filter={filter} />
    </>
  );
}
