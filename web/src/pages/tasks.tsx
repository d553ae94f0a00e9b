import { useState } from 'preact/hooks';
import { api, getStoredUser, query, type Page } from '../api';
import { DueDate, ErrorBox, Loading, Pager, StatusBadge, useAsync } from '../components';
import { STATUS_LABEL, todayIso } from '../format';
import { navigate, useLocation } from '../router';
import type { Task } from '../types';

const OPEN = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'];

/** The list has no overdue flag: open and past its due date is what a person sees first. */
function looksOverdue(t: Task, today: string): boolean {
  return t.overdue ?? (OPEN.includes(t.status) && !!t.dueOn && t.dueOn < today);
}

export function TaskRows({ tasks, empty }: { tasks: Task[]; empty: string }) {
  if (tasks.length === 0) return <p class="muted">{empty}</p>;
  const today = todayIso();
  const me = getStoredUser();
  const coordinating = (t: Task) =>
    me?.role === 'agency' && !!t.leadOrgId && t.leadOrgId !== me.organizationId;
  return (
    <ul class="rows">
      {tasks.map((t) => (
        <li key={t.id} class="row">
          <a href={`/nhiem-vu/${t.id}`} class="row-title">
            {t.title}
          </a>
          <span class="row-meta">
            <StatusBadge status={t.status} overdue={looksOverdue(t, today)} />
            {coordinating(t) && <span class="badge">Phối hợp</span>}
            <span>{t.leadName}</span> ·{' '}
            {t.dueOn ? (
              <span>
                Hạn <DueDate iso={t.dueOn} />
              </span>
            ) : (
              'Không ghi hạn'
            )}{' '}
            · {t.percent}%
          </span>
        </li>
      ))}
    </ul>
  );
}

export function TasksPage({ title }: { title: string }) {
  const { params } = useLocation();
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === 'true';
  const documentId = params.get('documentId') ?? '';
  const [page, setPage] = useState(1);
  const tasks = useAsync(
    () =>
      api<Page<Task>>(
        `/tasks${query({ status, overdue: overdue ? 'true' : undefined, documentId, page, pageSize: 50 })}`,
      ),
    [status, overdue, documentId, page],
  );
  const setFilter = (next: Record<string, string>) => {
    const merged = { status, overdue: overdue ? 'true' : '', documentId, ...next };
    setPage(1);
    navigate(`/nhiem-vu${query(merged)}`, true);
  };
  return (
    <>
      <h1>{title}</h1>
      <form class="filters card" onSubmit={(e) => e.preventDefault()} aria-label="Lọc nhiệm vụ">
        <div class="field">
          <label for="filter-status">Trạng thái</label>
          <select
            id="filter-status"
            value={status}
            onChange={(e) => setFilter({ status: (e.target as HTMLSelectElement).value })}
          >
            <option value="">Tất cả</option>
            {Object.entries(STATUS_LABEL).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) =>
              setFilter({ overdue: (e.target as HTMLInputElement).checked ? 'true' : '' })
            }
          />
          Chỉ việc quá hạn
        </label>
        {documentId && (
          <button type="button" class="small" onClick={() => setFilter({ documentId: '' })}>
            Bỏ lọc theo văn bản
          </button>
        )}
      </form>
      <section class="card" aria-live="polite" aria-label="Danh sách nhiệm vụ">
        <ErrorBox error={tasks.error} />
        {tasks.data ? (
          <>
            <p class="muted">{tasks.data.total} nhiệm vụ</p>
            <TaskRows tasks={tasks.data.items} empty="Không có nhiệm vụ nào phù hợp." />
            <Pager page={page} pageSize={50} total={tasks.data.total} onPage={setPage} />
          </>
        ) : (
          !tasks.error && <Loading lines={6} />
        )}
      </section>
    </>
  );
}
