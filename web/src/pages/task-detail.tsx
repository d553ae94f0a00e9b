import { useEffect, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  download,
  newIdempotencyKey,
  query,
  request,
  type Page,
  type User,
} from '../api';
import {
  asApiError,
  DateField,
  DueDate,
  ErrorBox,
  FileField,
  Loading,
  Notice,
  OrgPicker,
  StatusBadge,
  useAsync,
  type Organization,
} from '../components';
import {
  ACTION_LABEL,
  AUDIT_ACTION_LABEL,
  CADENCE_LABEL,
  formatBytes,
  formatDate,
  formatInstant,
  formatPeriod,
  HISTORY_ACTION_LABEL,
  label,
  MILESTONE_LABEL,
  ORIGIN_LABEL,
  REPORT_STATUS_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  VERDICT_LABEL,
} from '../format';
import { useOrgNames } from '../org-names';
import type { AuditEvent, Party, Report, TaskDetail } from '../types';

const TERMINAL = ['verified', 'cancelled'];
const NEEDS_REASON = ['return', 'cancel'];

function names(parties: Party[]): string {
  return parties.length ? parties.map((p) => p.name).join('; ') : 'không có';
}

function ActionsPanel(props: {
  task: TaskDetail;
  onDone: (message: string) => void;
  onStale: () => void;
}) {
  const { task, onDone } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const actions = task.allowedActions;
  if (actions.length === 0) return null;
  const needsReason = actions.some((a) => NEEDS_REASON.includes(a));

  async function act(action: string) {
    setBusy(action);
    setError(null);
    try {
      const body: Record<string, unknown> = { version: task.version };
      if (reason.trim()) body.reason = reason.trim();
      await api(`/tasks/${task.id}/${action}`, { body });
      setReason('');
      onDone(`Đã ${label(ACTION_LABEL, action).toLowerCase()}.`);
    } catch (e) {
      const refused = asApiError(e);
      setError(refused);
      // Someone else moved the task: read it again so the buttons match its status.
      if (refused.status === 409) props.onStale();
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Thao tác</h2>
      <ErrorBox error={error} shown={['reason']} />
      {needsReason && (
        <div class="field">
          <label for="action-reason">Lý do (bắt buộc khi trả lại hoặc hủy, ít nhất 5 ký tự)</label>
          <textarea
            id="action-reason"
            rows={2}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          />
          {error?.field('reason') && <p class="field-error">{error.field('reason')}</p>}
        </div>
      )}
      <div class="actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            class={NEEDS_REASON.includes(action) ? 'danger' : 'primary'}
            disabled={busy !== null}
            onClick={() => act(action)}
          >
            {busy === action ? 'Đang xử lý…' : label(ACTION_LABEL, action)}
          </button>
        ))}
      </div>
    </section>
  );
}

function ExtendPanel({ task, onDone }: { task: TaskDetail; onDone: (m: string) => void }) {
  const [dueOn, setDueOn] = useState<string | null>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    if (!dueOn) {
      setError(
        new ApiError(400, 'Hãy nhập hạn mới theo dạng dd/mm/yyyy.', [
          { field: 'dueOn', message: 'Hạn mới chưa hợp lệ.' },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/tasks/${task.id}`, {
        method: 'PATCH',
        body: { version: task.version, dueOn, reason },
      });
      onDone(`Đã gia hạn đến ${formatDate(dueOn)}.`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <details class="card">
      <summary>Gia hạn nhiệm vụ</summary>
      <form onSubmit={submit} noValidate>
        <ErrorBox error={error} shown={['dueOn', 'reason']} />
        <DateField
          label="Hạn mới"
          value={dueOn}
          onChange={setDueOn}
          error={error?.field('dueOn')}
        />
        <div class="field">
          <label for="extend-reason">Lý do gia hạn</label>
          <textarea
            id="extend-reason"
            rows={2}
            value={reason}
            onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
          />
          {error?.field('reason') && <p class="field-error">{error.field('reason')}</p>}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Đang gia hạn…' : 'Gia hạn'}
        </button>
      </form>
    </details>
  );
}

const PERCENT_HINT = 'Từ 0 đến 100.';

function ReportForm({ task, onDone }: { task: TaskDetail; onDone: (m: string) => void }) {
  const open = task.obligations.filter((o) => !o.metAt);
  const [period, setPeriod] = useState(open[0]?.periodKey ?? '');
  const [percent, setPercent] = useState(String(task.percent ?? 0));
  const [narrative, setNarrative] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [formId, setFormId] = useState(0);
  const [sent, setSent] = useState(false);
  const openKeys = open.map((o) => o.periodKey).join(',');
  useEffect(() => {
    // Once a period is reported, offer the next one still owed.
    if (period && !openKeys.split(',').includes(period)) setPeriod(openKeys.split(',')[0] ?? '');
  }, [openKeys]);

  async function submit(event: Event) {
    event.preventDefault();
    setSent(false);
    const value = Number(percent);
    if (!/^\d{1,3}$/.test(percent.trim()) || value > 100) {
      setError(
        new ApiError(400, 'Tiến độ phải là số nguyên từ 0 đến 100.', [
          { field: 'percent', message: 'Tiến độ phải là số nguyên từ 0 đến 100.' },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('percent', String(value));
      form.append('narrative', narrative);
      if (period) form.append('period', period);
      for (const file of files) form.append('evidence', file, file.name);
      await request(`/tasks/${task.id}/reports`, { form, headers: { 'Idempotency-Key': key } });
      setNarrative('');
      setFiles([]);
      setKey(newIdempotencyKey());
      setFormId((n) => n + 1);
      setSent(true);
      onDone('Đã gửi báo cáo tiến độ.');
    } catch (e) {
      const refused = asApiError(e);
      setError(refused);
      // The key went with different content (the first try did arrive): a new try, a new key.
      if (refused.status === 422) setKey(newIdempotencyKey());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">Gửi báo cáo tiến độ</h2>
      <form onSubmit={submit} noValidate key={formId}>
        <ErrorBox error={error} shown={['percent', 'narrative', 'period', 'evidence']} />
        <div class="grid-2">
          {task.obligations.length > 0 && (
            <div class="field">
              <label for="report-period">Kỳ báo cáo</label>
              <select
                id="report-period"
                value={period}
                onChange={(e) => setPeriod((e.target as HTMLSelectElement).value)}
              >
                <option value="">Không gắn kỳ</option>
                {task.obligations.map((o) => (
                  <option key={o.id} value={o.periodKey}>
                    {o.labelVi} (hạn {formatDate(o.dueOn)}){o.metAt ? ' — đã nộp' : ''}
                  </option>
                ))}
              </select>
              {error?.field('period') && <p class="field-error">{error.field('period')}</p>}
            </div>
          )}
          <div class="field">
            <label for="report-percent">Tiến độ (%)</label>
            <input
              id="report-percent"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={percent}
              aria-describedby="report-percent-hint"
              onInput={(e) => setPercent((e.target as HTMLInputElement).value)}
            />
            <p class="hint" id="report-percent-hint">
              {PERCENT_HINT}
            </p>
            {error?.field('percent') && <p class="field-error">{error.field('percent')}</p>}
          </div>
        </div>
        <div class="field">
          <label for="report-narrative">Nội dung báo cáo</label>
          <textarea
            id="report-narrative"
            rows={5}
            value={narrative}
            onInput={(e) => setNarrative((e.target as HTMLTextAreaElement).value)}
          />
          {error?.field('narrative') && <p class="field-error">{error.field('narrative')}</p>}
        </div>
        <FileField
          id="report-evidence"
          name="evidence"
          label="Tệp minh chứng (PDF, Word, Excel, ảnh JPG/PNG; tối đa 10 MB mỗi tệp)"
          accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
          multiple
          files={files}
          onChange={setFiles}
          error={error?.field('evidence')}
        />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Đang gửi…' : 'Gửi báo cáo'}
        </button>
        {sent && (
          <p class="ok-text" role="status">
            Đã gửi báo cáo; báo cáo chờ thẩm định ở mục “Báo cáo tiến độ” bên dưới.
          </p>
        )}
      </form>
    </section>
  );
}

const BELOW: Record<string, string> = { tinh: 'huyen', huyen: 'xa' };

function DelegatePanel({ task, onDone }: { task: TaskDetail; onDone: (m: string) => void }) {
  const lead = useAsync(
    () =>
      task.leadOrgId
        ? api<Organization>(`/organizations/${task.leadOrgId}`)
        : Promise.resolve(null),
    [task.leadOrgId],
  );
  const [chosen, setChosen] = useState<Organization[]>([]);
  const [dueOn, setDueOn] = useState<string | null>('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const below = lead.data ? BELOW[lead.data.level] : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    if (dueOn === null) {
      setError(
        new ApiError(400, 'Hạn chưa đúng dạng dd/mm/yyyy.', [
          { field: 'dueOn', message: 'Ngày phải theo dạng dd/mm/yyyy.' },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { organizationIds: chosen.map((o) => o.id) };
      if (dueOn) body.dueOn = dueOn;
      const result = await api<{ items: unknown[] }>(`/tasks/${task.id}/delegate`, { body });
      setChosen([]);
      onDone(
        `Đã giao tiếp cho ${chosen.length} cơ quan (${result.items.length} nhiệm vụ cấp dưới).`,
      );
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="card">
      <summary>Giao tiếp xuống cấp dưới</summary>
      {lead.data && !below ? (
        <p class="muted">Cơ quan cấp xã không giao tiếp xuống được nữa.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorBox error={error} shown={['organizationIds', 'dueOn']} />
          <OrgPicker
            label={`Tìm cơ quan cấp ${below === 'xa' ? 'xã' : 'huyện'} nhận việc`}
            level={below}
            exclude={chosen.map((o) => o.id)}
            onPick={(org) => setChosen((c) => [...c, org])}
          />
          {chosen.length > 0 && (
            <ul class="chips" aria-label="Cơ quan đã chọn">
              {chosen.map((o) => (
                <li key={o.id} class="chip">
                  <span>{o.name}</span>
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={`Bỏ ${o.name}`}
                    onClick={() => setChosen((c) => c.filter((x) => x.id !== o.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {error?.field('organizationIds') && (
            <p class="field-error">{error.field('organizationIds')}</p>
          )}
          <DateField
            label="Hạn cho cấp dưới (không muộn hơn hạn nhiệm vụ)"
            value={dueOn}
            onChange={setDueOn}
            hint="Để trống thì dùng hạn của nhiệm vụ."
            error={error?.field('dueOn')}
          />
          <button type="submit" class="primary" disabled={busy || chosen.length === 0}>
            {busy ? 'Đang giao…' : 'Giao tiếp'}
          </button>
        </form>
      )}
    </details>
  );
}

function ReviewForm({ report, onDone }: { report: Report; onDone: (m: string) => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const id = `review-${report.id}`;
  async function review(verdict: string) {
    setBusy(verdict);
    setError(null);
    try {
      await api(`/reports/${report.id}/review`, { body: { verdict, comment } });
      setComment('');
      onDone(`Đã thẩm định: ${label(VERDICT_LABEL, verdict).toLowerCase()}.`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div class="review-form">
      <ErrorBox error={error} shown={['comment', 'verdict']} />
      <div class="field">
        <label for={`${id}-comment`}>
          Nhận xét thẩm định (bắt buộc khi yêu cầu làm lại hoặc bác bỏ)
        </label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          value={comment}
          onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
        />
        {error?.field('comment') && <p class="field-error">{error.field('comment')}</p>}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy !== null}
          onClick={() => review('accepted')}
        >
          {busy === 'accepted' ? 'Đang lưu…' : 'Chấp nhận'}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => review('rework')}>
          {busy === 'rework' ? 'Đang lưu…' : 'Yêu cầu làm lại'}
        </button>
        <button
          type="button"
          class="danger"
          disabled={busy !== null}
          onClick={() => review('rejected')}
        >
          {busy === 'rejected' ? 'Đang lưu…' : 'Bác bỏ'}
        </button>
      </div>
    </div>
  );
}

export function ReportCard(props: {
  report: Report;
  canReview: boolean;
  orgNames: Record<string, string>;
  onDone: (m: string) => void;
}) {
  const r = props.report;
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <article class="report" aria-label={`Báo cáo ngày ${formatInstant(r.submittedAt)}`}>
      <header class="report-head">
        <strong>{formatInstant(r.submittedAt)}</strong>
        <span class={`badge report-${r.status}`}>{label(REPORT_STATUS_LABEL, r.status)}</span>
        {r.late && <span class="badge badge-overdue">Nộp muộn</span>}
      </header>
      <p class="muted">
        {props.orgNames[r.authorOrgId] ?? r.authorOrgId}
        {r.authorRelation === 'coordinator' ? ' (phối hợp)' : ''} · tiến độ {r.percent}%
        {r.period ? ` · kỳ ${formatPeriod(r.period)}` : ''}
      </p>
      <p class="narrative">{r.narrative}</p>
      <ErrorBox error={error} />
      {r.evidence.length > 0 && (
        <ul class="file-list" aria-label="Tệp minh chứng">
          {r.evidence.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                class="link-button"
                onClick={() =>
                  download(`/reports/${r.id}/evidence/${f.id}`, f.filename).then(
                    () => setError(null),
                    (e: unknown) => setError(asApiError(e)),
                  )
                }
              >
                Tải {f.filename}
              </button>{' '}
              <span class="muted">({formatBytes(f.sizeBytes)})</span>
            </li>
          ))}
        </ul>
      )}
      {r.reviews.length > 0 && (
        <ul class="reviews">
          {r.reviews.map((v) => (
            <li key={v.id}>
              {formatInstant(v.createdAt)} — {label(ROLE_LABEL, v.reviewerRole)}:{' '}
              <strong>{label(VERDICT_LABEL, v.verdict)}</strong>. {v.comment}
            </li>
          ))}
        </ul>
      )}
      {props.canReview && (r.status === 'submitted' || r.status === 'rework') && (
        <ReviewForm report={r} onDone={props.onDone} />
      )}
    </article>
  );
}

function AuditTrail(props: { task: TaskDetail; reportIds: string[] }) {
  const { id: taskId, documentId, clauseId } = props.task;
  const reportIds = props.reportIds;
  const audit = useAsync(async () => {
    const of = (entityType: string, entityId: string) =>
      api<Page<AuditEvent>>(`/audit${query({ entityType, entityId, pageSize: 200 })}`);
    const lists = await Promise.all([
      // How the task came to be: the document's publication and corrections of its clause.
      of('document', documentId),
      of('clause', clauseId),
      api<Page<AuditEvent>>(
        `/audit${query({ entityType: 'task', entityId: taskId, pageSize: 200 })}`,
      ),
      ...reportIds.map((id) =>
        api<Page<AuditEvent>>(
          `/audit${query({ entityType: 'progress_report', entityId: id, pageSize: 200 })}`,
        ),
      ),
    ]);
    return lists
      .flatMap((l) => l.items)
      .sort((a, b) => String(a.occurredAt).localeCompare(String(b.occurredAt)));
  }, [taskId, documentId, clauseId, reportIds.join(',')]);
  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Nhật ký kiểm tra (audit)</h2>
      <ErrorBox error={audit.error} />
      {audit.data ? (
        audit.data.length === 0 ? (
          <p class="muted">Chưa có sự kiện nào.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Thời điểm</th>
                  <th scope="col">Vai trò</th>
                  <th scope="col">Hành động</th>
                  <th scope="col">Mã băm</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.map((e) => (
                  <tr key={String(e.id)}>
                    <td>{formatInstant(e.occurredAt)}</td>
                    <td>{e.actorRole ? label(ROLE_LABEL, e.actorRole) : 'Hệ thống'}</td>
                    <td>{label(AUDIT_ACTION_LABEL, e.action)}</td>
                    <td>
                      <code>{e.hash?.slice(0, 12)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        !audit.error && <Loading lines={3} />
      )}
    </section>
  );
}

export function TaskDetailPage({ id, user }: { id: string; user: User }) {
  const task = useAsync(() => api<TaskDetail>(`/tasks/${id}`), [id]);
  const reports = useAsync(
    () => api<Page<Report>>(`/tasks/${id}/reports${query({ pageSize: 100 })}`),
    [id],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const t = task.data;
  const orgNames = useOrgNames([
    ...(t?.history.map((h) => h.actorOrgId) ?? []),
    ...(reports.data?.items.map((r) => r.authorOrgId) ?? []),
  ]);

  if (task.error && !t) return <ErrorBox error={task.error} />;
  if (!t) return <Loading lines={8} />;

  const done = (message: string) => {
    setNotice(message);
    task.reload();
    reports.reload();
  };
  const open = !TERMINAL.includes(t.status);
  const canReport =
    user.role === 'agency' && (t.relation === 'lead' || t.relation === 'coordinator') && open;
  const canDelegate =
    open &&
    !!t.leadOrgId &&
    ((user.role === 'agency' && t.relation === 'lead') ||
      (user.role === 'office' && t.relation === 'committee'));
  const canReview =
    (user.role === 'inspector' || user.role === 'office') && t.relation === 'committee';
  const seesAudit = user.role === 'inspector' || user.role === 'admin';

  return (
    <>
      <p class="crumbs">
        <a href="/nhiem-vu">← Nhiệm vụ</a>
      </p>
      <h1 class="task-title">
        {t.clause
          ? `Điều ${t.clause.section ? `${t.clause.section}.` : ''}${t.clause.ordinal} — `
          : ''}
        {t.leadOrgName}
      </h1>
      <div class="task-summary card">
        <StatusBadge status={t.status} overdue={t.overdue} />
        <dl class="facts">
          <div>
            <dt>Hạn hoàn thành</dt>
            <dd>
              <DueDate iso={t.dueOn} />
            </dd>
          </div>
          <div>
            <dt>Tiến độ</dt>
            <dd>
              <span class="progress" role="img" aria-label={`${t.percent}%`}>
                <span style={{ width: `${Math.max(0, Math.min(100, t.percent))}%` }} />
              </span>{' '}
              {t.percent}%
            </dd>
          </div>
          <div>
            <dt>Chủ trì</dt>
            <dd>{t.leadOrgName}</dd>
          </div>
          <div>
            <dt>Phối hợp</dt>
            <dd>{names(t.coordinators)}</dd>
          </div>
          <div>
            <dt>Báo cáo / tham mưu cho</dt>
            <dd>{names(t.reportTo)}</dd>
          </div>
          <div>
            <dt>Chế độ báo cáo</dt>
            <dd>
              {label(CADENCE_LABEL, t.cadence)}
              {t.milestones.length
                ? ` · ${t.milestones.map((m) => label(MILESTONE_LABEL, m)).join(', ')}`
                : ''}
            </dd>
          </div>
          <div>
            <dt>Nguồn</dt>
            <dd>{label(ORIGIN_LABEL, t.origin)}</dd>
          </div>
        </dl>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <section class="card" aria-labelledby="clause-title">
        <h2 id="clause-title">Nội dung điều khoản</h2>
        <blockquote class="clause-text">{t.clause?.text ?? t.title}</blockquote>
      </section>
      <ActionsPanel task={t} onDone={done} onStale={task.reload} />
      {canReport && <ReportForm task={t} onDone={done} />}
      {canDelegate && <DelegatePanel task={t} onDone={done} />}
      {user.role === 'office' && open && <ExtendPanel task={t} onDone={done} />}
      {t.children.length > 0 && (
        <section class="card" aria-labelledby="children-title">
          <h2 id="children-title">Đã giao tiếp cho cấp dưới</h2>
          <ul class="rows">
            {t.children.map((c) => (
              <li key={c.id} class="row">
                <a href={`/nhiem-vu/${c.id}`} class="row-title">
                  {c.leadName}
                </a>
                <span class="row-meta">
                  <StatusBadge status={c.status} /> Hạn <DueDate iso={c.dueOn} /> · {c.percent}%
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {t.obligations.length > 0 && (
        <section class="card" aria-labelledby="obligations-title">
          <h2 id="obligations-title">Các kỳ báo cáo</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Kỳ</th>
                  <th scope="col">Hạn nộp</th>
                  <th scope="col">Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {t.obligations.map((o) => (
                  <tr key={o.id}>
                    <td>{o.labelVi}</td>
                    <td>{formatDate(o.dueOn)}</td>
                    <td>
                      {o.metAt ? (
                        `Đã nộp ${formatInstant(o.metAt)}`
                      ) : o.overdue ? (
                        <span class="badge badge-overdue">Quá hạn</span>
                      ) : (
                        'Chưa đến hạn / chưa nộp'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section class="card" aria-labelledby="reports-title">
        <h2 id="reports-title">Báo cáo tiến độ</h2>
        <ErrorBox error={reports.error} />
        {reports.data ? (
          reports.data.items.length === 0 ? (
            <p class="muted">Chưa có báo cáo nào.</p>
          ) : (
            reports.data.items.map((r) => (
              <ReportCard
                key={r.id}
                report={r}
                canReview={canReview}
                orgNames={orgNames}
                onDone={done}
              />
            ))
          )
        ) : (
          !reports.error && <Loading lines={2} />
        )}
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">Lịch sử nhiệm vụ</h2>
        <ol class="timeline">
          {t.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.occurredAt}>{formatInstant(h.occurredAt)}</time>{' '}
              <strong>{label(HISTORY_ACTION_LABEL, h.action)}</strong>
              {h.actorOrgId ? ` — ${orgNames[h.actorOrgId] ?? h.actorOrgId}` : ''}
              {h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus
                ? ` (${label(STATUS_LABEL, h.fromStatus)} → ${label(STATUS_LABEL, h.toStatus)})`
                : ''}
              {h.newDueOn && h.action === 'extend'
                ? ` · hạn ${formatDate(h.oldDueOn)} → ${formatDate(h.newDueOn)}`
                : ''}
              {h.reason ? <span class="reason"> Lý do: {h.reason}</span> : null}
            </li>
          ))}
        </ol>
      </section>
      {seesAudit && <AuditTrail task={t} reportIds={reports.data?.items.map((r) => r.id) ?? []} />}
    </>
  );
}
