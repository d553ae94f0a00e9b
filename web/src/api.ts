// The API client: bearer token from sessionStorage, errors as ApiError with the Vietnamese
// message and per-field messages, and a 401 anywhere sends the person back to the login page.

export interface FieldMessage {
  field: string;
  message: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'office' | 'agency' | 'inspector';
  organizationId: string;
  organization: { id: string; name: string; shortName: string; province: string } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldMessage[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The message of one field, if the API named it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field.startsWith(`${name}.`))?.message;
  }
}

const TOKEN_KEY = 'dondoc.token';
const USER_KEY = 'dondoc.user';
export const API_BASE = '/api/v1';

let onUnauthorized: (() => void) | null = null;

export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function getStoredUser(): User | null {
  const raw = sessionStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: User): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Dữ liệu gửi lên chưa hợp lệ.',
  401: 'Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu yêu cầu.',
  409: 'Thao tác không thực hiện được ở trạng thái hiện tại.',
  413: 'Tệp quá lớn.',
  415: 'Loại tệp không được chấp nhận.',
  422: 'Yêu cầu không xử lý được.',
  429: 'Bạn thao tác quá nhanh; vui lòng thử lại sau ít phút.',
};

/** The API names fields as the code does; people read them by the labels of the form. */
const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  file: 'Tệp văn bản',
  text: 'Nội dung văn bản',
  leads: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  reportTo: 'Báo cáo / tham mưu cho',
  cadence: 'Chế độ báo cáo',
  milestones: 'Sơ kết, tổng kết',
  dueOn: 'Hạn',
  number: 'Số, ký hiệu văn bản',
  issuedOn: 'Ngày ban hành',
  version: 'Phiên bản',
  reason: 'Lý do',
  organizationIds: 'Cơ quan nhận việc',
  percent: 'Tiến độ (%)',
  narrative: 'Nội dung báo cáo',
  period: 'Kỳ báo cáo',
  evidence: 'Tệp minh chứng',
  indicators: 'Chỉ tiêu',
  verdict: 'Kết luận thẩm định',
  comment: 'Nhận xét thẩm định',
  asOf: 'Tính đến ngày',
  documentId: 'Văn bản',
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.')[0]] ?? field;
}

/** `Trường "narrative" phải…` → `“Nội dung báo cáo” phải…`; the list after "ở trường:" too. */
function humanize(message: string): string {
  return message
    .replace(/Trường "([^"]+)"/g, (_, field: string) => `“${fieldLabel(field)}”`)
    .replace(/(ở trường: )([^.]+)\./, (_, head: string, list: string) => {
      const names = list.split(/,\s*/).map((f) => fieldLabel(f.trim()));
      return `${head}${names.join(', ')}.`;
    });
}

async function toError(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON (a proxy page): the status decides the message
  }
  const message =
    typeof body.message === 'string' && body.message
      ? humanize(body.message)
      : (STATUS_MESSAGES[response.status] ??
        `Máy chủ trả lỗi ${response.status}; vui lòng thử lại sau.`);
  const fields = Array.isArray(body.fields)
    ? (body.fields as FieldMessage[])
        .filter((f) => f && typeof f.message === 'string')
        .map((f) => ({ field: String(f.field), message: humanize(f.message) }))
    : [];
  return new ApiError(response.status, message, fields, body);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** login itself answers 401 for a wrong password: no redirect then */
  noRedirect?: boolean;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
    });
  } catch {
    throw new ApiError(0, 'Không kết nối được máy chủ; kiểm tra mạng rồi thử lại.');
  }
  if (response.status === 401 && !options.noRedirect) {
    clearSession();
    onUnauthorized?.();
  }
  if (!response.ok) throw await toError(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds `?a=1&b=2`, skipping empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads a file that needs the bearer token (exports, evidence) and saves it. */
export async function download(path: string, fallbackName: string): Promise<string> {
  const response = await request(path, { headers: { accept: '*/*' } });
  const blob = await response.blob();
  const name = filenameOf(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

/** A unique key per report submission; a retry of the same submission reuses it. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return `web-${crypto.randomUUID()}`;
  return `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
