import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { asApiError, ErrorBox, Loading, useAsync } from '../components';
import { formatDate, formatInstant } from '../format';

interface Notification {
  id: string;
  title: string;
  message: string;
  shiftNote: string | null;
  taskId: string | null;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
}

export function NotificationsPage() {
  const list = useAsync(
    () =>
      api<{ items: Notification[]; total: number; unread: number }>('/notifications?pageSize=50'),
    [],
  );
  const [error, setError] = useState<ApiError | null>(null);
  async function markRead(id: string) {
    try {
      await api(`/notifications/${id}/read`, { method: 'POST' });
      list.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <>
      <h1>Thông báo</h1>
      <section class="card" aria-label="Danh sách thông báo">
        <ErrorBox error={list.error ?? error} />
        {list.data ? (
          list.data.items.length === 0 ? (
            <p class="muted">Chưa có thông báo nào.</p>
          ) : (
            <ul class="rows">
              {list.data.items.map((n) => (
                <li key={n.id} class={n.readAt ? 'row' : 'row unread'}>
                  <span class="row-title">
                    {n.taskId ? <a href={`/nhiem-vu/${n.taskId}`}>{n.title}</a> : n.title}
                  </span>
                  <span>{n.message}</span>
                  {n.shiftNote && <span class="muted">{n.shiftNote}</span>}
                  <span class="row-meta">
                    {formatInstant(n.createdAt)}
                    {n.dueOn ? ` · hạn ${formatDate(n.dueOn)}` : ''}
                    {!n.readAt && (
                      <button type="button" class="small" onClick={() => markRead(n.id)}>
                        Đánh dấu đã đọc
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )
        ) : (
          !list.error && <Loading lines={3} />
        )}
      </section>
    </>
  );
}
