import { useState } from 'preact/hooks';
import { api, ApiError, query, type Page } from '../api';
import { asApiError, ErrorBox, FileField, Loading, Pager, useAsync } from '../components';
import { formatDate, formatInstant } from '../format';
import { navigate } from '../router';
import type { DocumentDetail, DocumentSummary } from '../types';

const ACCEPT =
  '.txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function documentName(doc: Pick<DocumentSummary, 'kind' | 'number' | 'title'>): string {
  const head = [doc.kind, doc.number].filter(Boolean).join(' ');
  return doc.title ? `${head} ${doc.title}` : head;
}

function UploadForm() {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<DocumentDetail[] | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!file) {
      setError(
        new ApiError(400, 'Hãy chọn tệp văn bản cần tải lên.', [
          { field: 'file', message: 'Chưa chọn tệp.' },
        ]),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const result = await api<{ items: DocumentDetail[] }>('/documents', { form });
      if (result.items.length === 1) navigate(`/van-ban/${result.items[0].id}`);
      else setCreated(result.items);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="upload-title">
      <h2 id="upload-title">Tải văn bản lên</h2>
      <p class="muted">
        Nghị quyết, chỉ thị, kết luận, kế hoạch hoặc công văn kèm theo (.txt, .md, .docx, .pdf; tối
        đa 10 MB). Hệ thống đọc các điều khoản “Tổ chức thực hiện” và đề xuất giao việc; văn bản chỉ
        được giao khi bạn bấm “Ban hành”.
      </p>
      <ErrorBox error={error} shown={['file']} />
      <FileField
        id="upload-file"
        name="file"
        label="Tệp văn bản"
        accept={ACCEPT}
        files={file ? [file] : []}
        onChange={(files) => setFile(files[0] ?? null)}
        error={error?.field('file')}
      />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Đang đọc văn bản…' : 'Tải lên và đọc thử'}
      </button>
      {created && (
        <div class="alert alert-ok" role="status">
          <p>Tệp có {created.length} văn bản:</p>
          <ul>
            {created.map((d) => (
              <li key={d.id}>
                <a href={`/van-ban/${d.id}`}>{documentName(d)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

export function DocumentsPage() {
  const [page, setPage] = useState(1);
  const docs = useAsync(
    () => api<Page<DocumentSummary>>(`/documents${query({ page, pageSize: 20 })}`),
    [page],
  );
  return (
    <>
      <h1>Văn bản</h1>
      <UploadForm />
      <section class="card" aria-labelledby="docs-title">
        <h2 id="docs-title">Văn bản đã tải lên</h2>
        <ErrorBox error={docs.error} />
        {docs.loading && !docs.data ? (
          <Loading lines={4} />
        ) : docs.data && docs.data.items.length === 0 ? (
          <p class="muted">Chưa có văn bản nào.</p>
        ) : (
          <ul class="rows">
            {docs.data?.items.map((d) => (
              <li key={d.id} class="row">
                <a href={`/van-ban/${d.id}`} class="row-title">
                  {documentName(d)}
                </a>
                <span class="row-meta">
                  <span
                    class={`badge ${d.status === 'published' ? 'status-verified' : 'status-assigned'}`}
                  >
                    {d.status === 'published' ? 'Đã ban hành' : 'Dự thảo giao việc'}
                  </span>
                  {d.issuedOn ? ` Ngày ${formatDate(d.issuedOn)}` : ''} · tải lên{' '}
                  {formatInstant(d.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {docs.data && <Pager page={page} pageSize={20} total={docs.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
