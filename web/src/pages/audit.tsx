import { useState } from 'preact/hooks';
import { api, query, type Page } from '../api';
import { ErrorBox, Loading, Pager, useAsync } from '../components';
import { AUDIT_ACTION_LABEL, formatInstant, label, ROLE_LABEL } from '../format';
import type { AuditEvent } from '../types';

const PAGE_SIZE = 50;

const ENTITY_LABEL: Record<string, string> = {
  task: 'Nhiệm vụ',
  document: 'Văn bản',
  source_file: 'Tệp văn bản',
  clause: 'Điều khoản',
  progress_report: 'Báo cáo tiến độ',
  user: 'Người dùng',
  organization: 'Cơ quan',
};

export function AuditPage() {
  const [page, setPage] = useState(1);
  const verify = useAsync(
    () => api<{ ok: boolean; events: number; firstBrokenId: string | null }>('/audit/verify'),
    [],
  );
  // Newest first: the log is kept oldest first, so read it from its last page backwards.
  const events = useAsync(async () => {
    const head = await api<Page<AuditEvent>>(`/audit${query({ page: 1, pageSize: 1 })}`);
    const last = Math.max(1, Math.ceil(head.total / PAGE_SIZE));
    const apiPage = Math.max(1, last - (page - 1));
    const found = await api<Page<AuditEvent>>(
      `/audit${query({ page: apiPage, pageSize: PAGE_SIZE })}`,
    );
    return { ...found, items: [...found.items].reverse(), page };
  }, [page]);
  return (
    <>
      <h1>Nhật ký kiểm tra</h1>
      <section class="card" aria-labelledby="verify-title">
        <h2 id="verify-title">Kiểm tra tính toàn vẹn</h2>
        <ErrorBox error={verify.error} />
        {verify.data ? (
          verify.data.ok ? (
            <p class="ok-text">
              Chuỗi băm nguyên vẹn: {verify.data.events} sự kiện, không có sự kiện nào bị sửa hoặc
              xóa.
            </p>
          ) : (
            <p class="alert alert-error">
              Chuỗi băm bị phá vỡ từ sự kiện {verify.data.firstBrokenId}: nhật ký đã bị thay đổi
              ngoài hệ thống.
            </p>
          )
        ) : (
          !verify.error && <Loading lines={1} />
        )}
      </section>
      <section class="card" aria-labelledby="events-title">
        <h2 id="events-title">Sự kiện gần đây</h2>
        <ErrorBox error={events.error} />
        {events.data ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Thời điểm</th>
                  <th scope="col">Vai trò</th>
                  <th scope="col">Hành động</th>
                  <th scope="col">Đối tượng</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={String(e.id)}>
                    <td>{formatInstant(e.occurredAt)}</td>
                    <td>{e.actorRole ? label(ROLE_LABEL, e.actorRole) : 'Hệ thống'}</td>
                    <td>{label(AUDIT_ACTION_LABEL, e.action)}</td>
                    <td>
                      {e.entityType === 'task' ? (
                        <a href={`/nhiem-vu/${e.entityId}`}>{label(ENTITY_LABEL, e.entityType)}</a>
                      ) : (
                        label(ENTITY_LABEL, e.entityType)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          !events.error && <Loading lines={6} />
        )}
        {events.data && (
          <Pager page={page} pageSize={PAGE_SIZE} total={events.data.total} onPage={setPage} />
        )}
      </section>
    </>
  );
}
