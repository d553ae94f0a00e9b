import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, query } from '../api';
import {
  asApiError,
  DateField,
  ErrorBox,
  Loading,
  Notice,
  OrgPicker,
  useAsync,
} from '../components';
import { CADENCE_LABEL, formatDate, formatInstant, MILESTONE_LABEL } from '../format';
import { locateClauses } from '../source-marks';
import type { Clause, DocumentDetail, Party, PublishPlan } from '../types';
import { documentName } from './documents';

type PartyField = 'leads' | 'coordinators' | 'reportTo';

const PARTY_FIELDS: { key: PartyField; label: string; picker: string }[] = [
  { key: 'leads', label: 'Cơ quan chủ trì', picker: 'Thêm cơ quan chủ trì' },
  { key: 'coordinators', label: 'Cơ quan phối hợp', picker: 'Thêm cơ quan phối hợp' },
  { key: 'reportTo', label: 'Báo cáo / tham mưu cho', picker: 'Thêm nơi nhận báo cáo' },
];

function clauseLabel(c: Pick<Clause, 'section' | 'ordinal'>): string {
  return c.section ? `${c.section}.${c.ordinal}` : c.ordinal;
}

/** A party as the PATCH wants it: an organization id, or group:<tag> for a group. */
async function partyId(party: Party, asOf: string | null): Promise<string | null> {
  if (party.orgId) return party.orgId;
  if (!party.group) return null;
  const resolved = await api<{ group: { tag: string } | null }>(
    `/organizations/resolve${query({ mention: party.name, asOf: asOf ?? undefined })}`,
  );
  return resolved.group ? `group:${resolved.group.tag}` : null;
}

/** Scrolls the source panel (not the page) so the clause's mark is near its top. */
function scrollToMark(clauseId: string, focus: boolean): void {
  const mark = document.getElementById(`src-${clauseId}`);
  const panel = mark?.closest('.source') as HTMLElement | null;
  if (!mark || !panel) return;
  panel.scrollTop = Math.max(0, mark.offsetTop - 64);
  if (focus) {
    const box = panel.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) panel.scrollIntoView({ block: 'start' });
    mark.focus({ preventScroll: true });
  }
}

function SourceText(props: { text: string; clauses: Clause[]; active: string | null }) {
  const marks = useMemo(
    () => locateClauses(props.text, props.clauses),
    [props.text, props.clauses],
  );
  const first = marks[0]?.id;
  const shown = useRef(false);
  useEffect(() => {
    // The clauses are near the end of a resolution: start the panel at the first one.
    if (first && !shown.current) {
      shown.current = true;
      scrollToMark(first, false);
    }
  }, [first]);
  const byId = new Map(props.clauses.map((c) => [c.id, c]));
  const parts = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) parts.push(props.text.slice(at, mark.start));
    const clause = byId.get(mark.id);
    parts.push(
      <mark
        key={mark.id}
        id={`src-${mark.id}`}
        tabIndex={-1}
        class={props.active === mark.id ? 'clause-mark active' : 'clause-mark'}
      >
        <span class="mark-label">Điều {clause ? clauseLabel(clause) : ''}</span>
        {props.text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  parts.push(props.text.slice(at));
  return (
    <div
      class="source"
      tabIndex={0}
      aria-label="Nội dung văn bản, các điều khoản giao việc được tô sáng"
    >
      {parts}
    </div>
  );
}

function PartyList(props: {
  title: string;
  parties: Party[];
  onRemove: (index: number) => void;
  editable: boolean;
}) {
  return (
    <div class="party-list">
      <span class="party-title">{props.title}</span>
      {props.parties.length === 0 ? (
        <span class="muted"> chưa có</span>
      ) : (
        <ul class="chips">
          {props.parties.map((p, i) => (
            <li
              key={`${p.orgId ?? p.name}-${i}`}
              class={p.orgId || p.group ? 'chip' : 'chip chip-warn'}
            >
              <span>
                {p.name}
                {p.group ? ' (nhóm)' : ''}
                {!p.orgId && !p.group ? ' — chưa có trong danh mục' : ''}
              </span>
              {props.editable && (
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={`Bỏ ${p.name} khỏi ${props.title.toLowerCase()}`}
                  onClick={() => props.onRemove(i)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ClauseEditor(props: {
  clause: Clause;
  documentId: string;
  asOf: string | null;
  editable: boolean;
  active: boolean;
  onShow: () => void;
  onSaved: () => void;
}) {
  const c = props.clause;
  const [parties, setParties] = useState<Record<PartyField, Party[]>>({
    leads: c.leads,
    coordinators: c.coordinators,
    reportTo: c.reportTo,
  });
  const [cadence, setCadence] = useState(c.cadence);
  const [milestones, setMilestones] = useState<string[]>(c.milestones);
  const [dueOn, setDueOn] = useState<string | null>(c.dueOn ?? '');
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<PartyField | null>(null);
  const id = `clause-${c.id}`;

  const touch = (field: string) => {
    setDirty((d) => new Set(d).add(field));
    setSaved(false);
  };

  async function save() {
    if (dueOn === null) {
      setError(
        new ApiError(400, 'Hạn hoàn thành chưa đúng dạng dd/mm/yyyy.', [
          { field: 'dueOn', message: 'Ngày phải theo dạng dd/mm/yyyy.' },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = {};
      for (const { key } of PARTY_FIELDS) {
        if (!dirty.has(key)) continue;
        const ids: string[] = [];
        for (const party of parties[key]) {
          const partyKey = await partyId(party, props.asOf);
          if (partyKey) ids.push(partyKey);
        }
        body[key] = ids;
      }
      if (dirty.has('cadence')) body.cadence = cadence;
      if (dirty.has('milestones')) body.milestones = milestones;
      if (dirty.has('dueOn')) body.dueOn = dueOn || null;
      await api(`/documents/${props.documentId}/clauses/${c.id}`, { method: 'PATCH', body });
      setDirty(new Set());
      setSaved(true);
      props.onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      class={props.active ? 'card clause active' : 'card clause'}
      id={id}
      aria-labelledby={`${id}-title`}
    >
      <header class="clause-head">
        <h3 id={`${id}-title`}>Điều {clauseLabel(c)}</h3>
        {c.corrected && <span class="badge status-acknowledged">Đã sửa</span>}
        <button type="button" class="link-button" onClick={props.onShow}>
          Xem trong văn bản
        </button>
      </header>
      <p class="clause-text">{c.text}</p>
      {c.deadlines.length > 0 && (
        <p class="muted">
          Mốc thời gian trong văn bản: {c.deadlines.map((d) => formatDate(d)).join(', ')}
        </p>
      )}
      <ErrorBox
        error={error}
        shown={['leads', 'coordinators', 'reportTo', 'cadence', 'milestones', 'dueOn']}
      />
      {PARTY_FIELDS.map((f) => (
        <div key={f.key} class="party-field">
          <PartyList
            title={f.label}
            parties={parties[f.key]}
            editable={props.editable}
            onRemove={(i) => {
              setParties((p) => ({ ...p, [f.key]: p[f.key].filter((_, j) => j !== i) }));
              touch(f.key);
            }}
          />
          {error?.field(f.key) && <p class="field-error">{error.field(f.key)}</p>}
          {props.editable &&
            (adding === f.key ? (
              <div class="picker-box">
                <OrgPicker
                  label={f.picker}
                  asOf={props.asOf}
                  exclude={parties[f.key].map((p) => p.orgId ?? '')}
                  onPick={(org) => {
                    setParties((p) => ({
                      ...p,
                      [f.key]: [...p[f.key], { name: org.name, orgId: org.id, group: false }],
                    }));
                    touch(f.key);
                  }}
                />
                <button type="button" class="link-button" onClick={() => setAdding(null)}>
                  Xong
                </button>
              </div>
            ) : (
              <button type="button" class="small" onClick={() => setAdding(f.key)}>
                + {f.picker}
              </button>
            ))}
        </div>
      ))}
      <div class="grid-2">
        <div class="field">
          <label for={`${id}-cadence`}>Chế độ báo cáo</label>
          <select
            id={`${id}-cadence`}
            value={cadence}
            disabled={!props.editable}
            onChange={(e) => {
              setCadence((e.target as HTMLSelectElement).value);
              touch('cadence');
            }}
          >
            {Object.entries(CADENCE_LABEL).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          {error?.field('cadence') && <p class="field-error">{error.field('cadence')}</p>}
        </div>
        {props.editable ? (
          <DateField
            label="Hạn hoàn thành"
            value={dueOn}
            hint="Để trống nếu văn bản không ghi hạn."
            error={error?.field('dueOn')}
            onChange={(iso) => {
              setDueOn(iso);
              touch('dueOn');
            }}
          />
        ) : (
          <div class="field">
            <span class="label">Hạn hoàn thành</span>
            <span>{c.dueOn ? formatDate(c.dueOn) : 'Không ghi hạn'}</span>
          </div>
        )}
      </div>
      <fieldset class="milestones" disabled={!props.editable}>
        <legend>Sơ kết, tổng kết</legend>
        {Object.entries(MILESTONE_LABEL).map(([value, text]) => (
          <label key={value} class="check">
            <input
              type="checkbox"
              checked={milestones.includes(value)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                setMilestones((m) => (on ? [...m, value] : m.filter((x) => x !== value)));
                touch('milestones');
              }}
            />
            {text}
          </label>
        ))}
      </fieldset>
      {props.editable && (
        <div class="actions">
          <button type="button" class="primary" disabled={busy || dirty.size === 0} onClick={save}>
            {busy ? 'Đang lưu…' : `Lưu điều ${clauseLabel(c)}`}
          </button>
          {saved && (
            <span class="ok-text" role="status">
              Đã lưu.
            </span>
          )}
          {dirty.size > 0 && !busy && <span class="muted">Có thay đổi chưa lưu.</span>}
        </div>
      )}
    </article>
  );
}

function PublishPanel(props: { doc: DocumentDetail; plan?: PublishPlan; onPublished: () => void }) {
  const { doc, plan } = props;
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState<string | null>('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tasks: unknown[]; obligations: number } | null>(null);

  async function publish(event: Event) {
    event.preventDefault();
    if (issuedOn === null) {
      setError(
        new ApiError(400, 'Ngày ban hành chưa đúng dạng dd/mm/yyyy.', [
          { field: 'issuedOn', message: 'Ngày phải theo dạng dd/mm/yyyy.' },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, string> = {};
      if (!doc.number && number.trim()) body.number = number.trim();
      if (!doc.issuedOn && issuedOn) body.issuedOn = issuedOn;
      const published = await api<{ tasks: unknown[]; obligations: number }>(
        `/documents/${doc.id}/publish`,
        { body },
      );
      setResult(published);
      props.onPublished();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  if (doc.status === 'published') {
    return (
      <section class="card publish" aria-labelledby="publish-title">
        <h2 id="publish-title">Đã ban hành</h2>
        {result && (
          <Notice>
            Đã giao {result.tasks.length} nhiệm vụ, {result.obligations} kỳ báo cáo.
          </Notice>
        )}
        <p>
          Ban hành lúc {formatInstant(doc.publishedAt)}.{' '}
          <a href={`/nhiem-vu?documentId=${doc.id}`}>Xem các nhiệm vụ của văn bản</a>
        </p>
      </section>
    );
  }
  return (
    <form class="card publish" onSubmit={publish} noValidate aria-labelledby="publish-title">
      <h2 id="publish-title">Ban hành nhiệm vụ</h2>
      {plan ? (
        <div class="plan">
          <p>
            Sẽ giao <strong>{plan.tasks.length}</strong> nhiệm vụ
            {doc.issuedOn ? '.' : ' (tính theo ngày hôm nay).'}
          </p>
          {!doc.issuedOn && (
            <p class="hint">
              Văn bản chưa ghi ngày: các nhóm cơ quan (“các huyện ủy”, “các sở, ban, ngành”…) được
              xác định theo ngày ban hành bạn nhập dưới đây, nên số nhiệm vụ thực tế có thể khác.
            </p>
          )}
          {plan.problems.length > 0 && (
            <div class="alert alert-error">
              <p>Cần sửa trước khi ban hành:</p>
              <ul>
                {plan.problems.map((p) => (
                  <li key={p.clauseId + p.mention}>
                    Điều {p.clause} — “{p.mention}”:{' '}
                    {p.reason === 'unresolved_lead'
                      ? 'chưa xác định được cơ quan chủ trì'
                      : 'nhóm “liên quan” cần chọn cụ thể cơ quan'}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {plan.skipped.length > 0 && (
            <details>
              <summary>{plan.skipped.length} đề xuất không giao việc (xem lý do)</summary>
              <ul>
                {plan.skipped.map((s, i) => (
                  <li key={i}>
                    Điều {s.clause}
                    {s.mention ? ` — “${s.mention}”` : ''}:{' '}
                    {s.reason === 'no_lead'
                      ? 'không nêu cơ quan chủ trì'
                      : 'lời kêu gọi chung, không có cơ quan cụ thể'}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ) : (
        <Loading lines={1} />
      )}
      <ErrorBox error={error} shown={['number', 'issuedOn']} />
      <div class="grid-2">
        {!doc.number && (
          <div class="field">
            <label for="publish-number">Số, ký hiệu văn bản</label>
            <input
              id="publish-number"
              value={number}
              placeholder="vd: 15-NQ/TU"
              onInput={(e) => setNumber((e.target as HTMLInputElement).value)}
            />
            {error?.field('number') && <p class="field-error">{error.field('number')}</p>}
          </div>
        )}
        {!doc.issuedOn && (
          <DateField
            label="Ngày ban hành"
            value={issuedOn}
            hint="Văn bản chưa ghi ngày; để trống thì lấy ngày hôm nay."
            error={error?.field('issuedOn')}
            onChange={setIssuedOn}
          />
        )}
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Đang ban hành…' : 'Ban hành nhiệm vụ'}
      </button>
    </form>
  );
}

export function DocumentDetailPage({ id }: { id: string }) {
  const doc = useAsync(() => api<DocumentDetail>(`/documents/${id}`), [id]);
  const source = useAsync(
    () => api<{ text: string; start: number; end: number }>(`/documents/${id}/source`),
    [id],
  );
  const plan = useAsync(() => api<PublishPlan>(`/documents/${id}/plan`), [id]);
  const [active, setActive] = useState<string | null>(null);

  function show(clauseId: string) {
    setActive(clauseId);
    scrollToMark(clauseId, true);
  }

  if (doc.error && !doc.data) return <ErrorBox error={doc.error} />;
  if (!doc.data) return <Loading lines={6} />;
  const d = doc.data;
  const editable = d.status === 'draft';
  return (
    <>
      <p class="crumbs">
        <a href="/van-ban">← Văn bản</a>
      </p>
      <h1>{documentName(d)}</h1>
      <p class="muted">
        {d.issuerName ?? 'Chưa rõ cơ quan ban hành'}
        {d.issuedOn ? ` · ngày ${formatDate(d.issuedOn)}` : ' · chưa ghi ngày'}
        {d.period ? ` · giai đoạn ${d.period.from ?? ''}–${d.period.to}` : ''} ·{' '}
        {d.status === 'published' ? 'đã ban hành' : 'dự thảo giao việc'}
      </p>
      {d.warnings.length > 0 && (
        <div class="alert alert-info">
          <p>Lưu ý khi đọc văn bản:</p>
          <ul>
            {d.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="split">
        <section class="split-source" aria-labelledby="source-title">
          <h2 id="source-title">Nội dung văn bản</h2>
          <ErrorBox error={source.error} />
          {source.data ? (
            <SourceText text={source.data.text} clauses={d.clauses} active={active} />
          ) : (
            <div class="source">
              <Loading lines={8} />
            </div>
          )}
        </section>
        <section class="split-clauses" aria-labelledby="clauses-title">
          <h2 id="clauses-title">Điều khoản giao việc ({d.clauses.length})</h2>
          {editable && (
            <p class="muted">
              Kiểm tra cơ quan chủ trì, phối hợp, nơi nhận báo cáo, chế độ báo cáo và hạn của từng
              điều; sửa nếu cần rồi bấm “Lưu”.
            </p>
          )}
          {d.clauses.map((c) => (
            <ClauseEditor
              key={`${c.id}-${c.corrected}`}
              clause={c}
              documentId={d.id}
              asOf={d.issuedOn}
              editable={editable}
              active={active === c.id}
              onShow={() => show(c.id)}
              onSaved={() => plan.reload()}
            />
          ))}
        </section>
      </div>
      <PublishPanel
        doc={d}
        plan={plan.data}
        onPublished={() => {
          doc.reload();
        }}
      />
      <ErrorBox error={plan.error} />
      <p class="muted small-print">
        Tệp gốc: {d.source.filename ?? 'không tên'} · SHA-256 {d.source.sha256.slice(0, 16)}…
      </p>
    </>
  );
}
