import { useState } from 'preact/hooks';
import { api, query, type Page } from '../api';
import { ErrorBox, Loading, Notice, useAsync } from '../components';
import { useOrgNames } from '../org-names';
import type { Report, Task } from '../types';
import { ReportCard } from './task-detail';
import { TaskRows } from './tasks';

const OPEN = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'];

async function allTasks(): Promise<Task[]> {
  const out: Task[] = [];
  for (let page = 1; page <= 10; page++) {
    const chunk = await api<Page<Task>>(`/tasks${query({ page, pageSize: 200 })}`);
    out.push(...chunk.items);
    if (out.length >= chunk.total || chunk.items.length === 0) break;
  }
  return out;
}

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T, R>(
  items: T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return out;
}

// No list of reports across tasks exists in the API yet: read the reports of each open task.
async function pendingReports(): Promise<{ task: Task; report: Report }[]> {
  const tasks = (await allTasks()).filter((t) => OPEN.includes(t.status));
  const lists = await inBatches(tasks, 6, async (task) => {
    const page = await api<Page<Report>>(`/tasks/${task.id}/reports${query({ pageSize: 100 })}`);
    return page.items.filter((r) => r.status === 'submitted').map((report) => ({ task, report }));
  });
  return lists.flat().sort((a, b) => a.report.submittedAt.localeCompare(b.report.submittedAt));
}

export function ReviewQueuePage() {
  const pending = useAsync(pendingReports, []);
  const submitted = useAsync(
    () => api<Page<Task>>(`/tasks${query({ status: 'submitted', pageSize: 50 })}`),
    [],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const orgNames = useOrgNames(pending.data?.map((p) => p.report.authorOrgId) ?? []);
  return (
    <>
      <h1>Chờ thẩm định</h1>
      {notice && <Notice>{notice}</Notice>}
      <section class="card" aria-labelledby="pending-title">
        <h2 id="pending-title">
          Báo cáo tiến độ chờ thẩm định{pending.data ? ` (${pending.data.length})` : ''}
        </h2>
        <ErrorBox error={pending.error} />
        {pending.data ? (
          pending.data.length === 0 ? (
            <p class="muted">Không có báo cáo nào chờ thẩm định.</p>
          ) : (
            pending.data.map(({ task, report }) => (
              <div key={report.id} class="pending">
                <p class="pending-task">
                  <a href={`/nhiem-vu/${task.id}`}>{task.leadName}</a>
                  <span class="muted">
                    {' '}
                    — {task.title.slice(0, 140)}
                    {task.title.length > 140 ? '…' : ''}
                  </span>
                </p>
                <ReportCard
                  report={report}
                  canReview
                  orgNames={orgNames}
                  onDone={(m) => {
                    setNotice(m);
                    pending.reload();
                  }}
                />
              </div>
            ))
          )
        ) : (
          !pending.error && <Loading lines={4} />
        )}
      </section>
      <section class="card" aria-labelledby="submitted-title">
        <h2 id="submitted-title">Nhiệm vụ báo cáo hoàn thành, chờ xác nhận</h2>
        <ErrorBox error={submitted.error} />
        {submitted.data ? (
          <TaskRows tasks={submitted.data.items} empty="Không có nhiệm vụ nào chờ xác nhận." />
        ) : (
          !submitted.error && <Loading lines={2} />
        )}
      </section>
    </>
  );
}
