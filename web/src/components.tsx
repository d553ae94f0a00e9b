import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, ApiError, query, type Page } from './api';
import { formatBytes, formatDate, label, LEVEL_LABEL, parseVnDate, STATUS_LABEL } from './format';

export interface Organization {
  id: string;
  name: string;
  shortName: string;
  level: string;
  province: string;
  groups: string[];
  validTo: string | null;
}

/** Data loaded for a page; `reload` fetches again (after a write). */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          loading: false,
          error:
            error instanceof ApiError
              ? error
              : new ApiError(0, 'Có lỗi khi hiển thị dữ liệu; vui lòng tải lại trang.'),
        }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'Có lỗi ngoài dự kiến; vui lòng tải lại trang và thử lại.');
}

/** The API's refusal: its message, and the field messages no input shows by itself. */
export function ErrorBox({ error, shown = [] }: { error?: ApiError | null; shown?: string[] }) {
  if (!error) return null;
  const rest = error.fields.filter(
    (f) => !shown.some((s) => f.field === s || f.field.startsWith(`${s}.`)),
  );
  return (
    <div class="alert alert-error" role="alert">
      <p>{error.message}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((f) => (
            <li key={f.field + f.message}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="alert alert-ok" role="status">
      {children}
    </div>
  );
}

export function FieldError({
  error,
  field,
  id,
}: {
  error?: ApiError | null;
  field: string;
  id?: string;
}) {
  const message = error?.field(field);
  if (!message) return null;
  return (
    <p class="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

export function Loading({ lines = 3 }: { lines?: number }) {
  return (
    <div class="loading" aria-busy="true" aria-live="polite">
      <span class="sr-only">Đang tải…</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} class="skeleton" />
      ))}
    </div>
  );
}

export function StatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  return (
    <span class="badges">
      <span class={`badge status-${status}`}>{label(STATUS_LABEL, status)}</span>
      {overdue && <span class="badge badge-overdue">Quá hạn</span>}
    </span>
  );
}

export function DueDate({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span class="muted">Không ghi hạn</span>;
  return <time dateTime={iso}>{formatDate(iso)}</time>;
}

/** A date typed as dd/mm/yyyy; `onChange` gets YYYY-MM-DD, '' when empty, or null when invalid. */
export function DateField(props: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string;
  hint?: string;
  name?: string;
}) {
  const id = useId();
  const [text, setText] = useState(formatDate(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    const shown = parseVnDate(text);
    if ((props.value ?? '') !== (shown ?? '') && !(props.value === null && invalid)) {
      setText(formatDate(props.value));
    }
  }, [props.value]);
  const message = invalid ? 'Ngày phải theo dạng dd/mm/yyyy, ví dụ 31/12/2025.' : props.error;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={text}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={message ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
        onInput={(e) => {
          const value = (e.target as HTMLInputElement).value;
          setText(value);
          if (!value.trim()) {
            setInvalid(false);
            props.onChange('');
            return;
          }
          const iso = parseVnDate(value);
          setInvalid(iso === null && value.trim().length >= 8);
          props.onChange(iso);
        }}
      />
      {props.hint && !message && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {message && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}

/**
 * Directory search (the API matches with or without diacritics): type a few letters, then
 * choose with the buttons below (keyboard: Tab, Enter).
 */
export function OrgPicker(props: {
  label: string;
  onPick: (org: Organization) => void;
  level?: string;
  exclude?: string[];
  asOf?: string | null;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Organization[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [searching, setSearching] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    window.clearTimeout(timer.current);
    if (q.trim().length < 2) {
      setResults([]);
      return;
    }
    timer.current = window.setTimeout(() => {
      setSearching(true);
      api<Page<Organization>>(
        `/organizations${query({ q: q.trim(), level: props.level, asOf: props.asOf ?? undefined, pageSize: 8 })}`,
      ).then(
        (page) => {
          setResults(page.items);
          setError(null);
          setSearching(false);
        },
        (e: unknown) => {
          setError(asApiError(e));
          setSearching(false);
        },
      );
    }, 250);
    return () => window.clearTimeout(timer.current);
  }, [q, props.level, props.asOf]);
  const shown = results.filter((o) => !props.exclude?.includes(o.id));
  return (
    <div class="picker">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        placeholder="Gõ tên, có dấu hoặc không dấu (vd: ban tuyen giao)"
        onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        aria-describedby={`${id}-status`}
      />
      <p class="hint" id={`${id}-status`} aria-live="polite">
        {q.trim().length < 2
          ? 'Nhập ít nhất 2 ký tự để tìm.'
          : searching
            ? 'Đang tìm…'
            : shown.length
              ? `${shown.length} kết quả: chọn một cơ quan bên dưới.`
              : 'Không tìm thấy cơ quan phù hợp.'}
      </p>
      <ErrorBox error={error} />
      {shown.length > 0 && (
        <ul class="picker-results">
          {shown.map((org) => (
            <li key={org.id}>
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  props.onPick(org);
                  setQ('');
                }}
              >
                {org.name}
                <span class="muted">
                  {' '}
                  — cấp {label(LEVEL_LABEL, org.level)}
                  {org.validTo ? `, đến ${formatDate(org.validTo)}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Phân trang">
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        ‹ Trang trước
      </button>
      <span>
        Trang {props.page}/{pages}
      </span>
      <button
        type="button"
        disabled={props.page >= pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        Trang sau ›
      </button>
    </nav>
  );
}

/**
 * A file input whose words are Vietnamese whatever the browser's language: the real input
 * stays focusable (keyboard, screen readers) and the label is what shows.
 */
export function FileField(props: {
  id: string;
  label: string;
  accept: string;
  multiple?: boolean;
  files: File[];
  onChange: (files: File[]) => void;
  error?: string;
  name?: string;
}) {
  return (
    <div class="field">
      <span class="label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <div class="file-field">
        <input
          id={props.id}
          name={props.name}
          type="file"
          class="file-input"
          accept={props.accept}
          multiple={props.multiple}
          aria-labelledby={`${props.id}-label ${props.id}-button`}
          aria-invalid={props.error ? 'true' : undefined}
          onChange={(e) => props.onChange([...((e.target as HTMLInputElement).files ?? [])])}
        />
        <label for={props.id} id={`${props.id}-button`} class="file-button">
          Chọn tệp…
        </label>
        <span class="file-names" aria-live="polite">
          {props.files.length === 0
            ? 'Chưa chọn tệp nào.'
            : props.files.map((f) => `${f.name} (${formatBytes(f.size)})`).join('; ')}
        </span>
      </div>
      {props.error && <p class="field-error">{props.error}</p>}
    </div>
  );
}
