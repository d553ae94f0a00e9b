// Dates as dd/mm/yyyy everywhere, and the Vietnamese names of the API's codes.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;
const ZONE = 'Asia/Ho_Chi_Minh';

/** 2026-03-05 → 05/03/2026; empty for none. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  if (iso.length > 10) return formatInstant(iso).slice(0, 10);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** An instant in the office's zone: 05/03/2026 14:30. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today in the office's zone, as YYYY-MM-DD. */
export function todayIso(): string {
  const p = parts(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

/** dd/mm/yyyy typed by a person → YYYY-MM-DD, or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = VN_DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('vi-VN', { maximumFractionDigits: digits });
}

export const ROLE_LABEL: Record<string, string> = {
  admin: 'Quản trị',
  office: 'Văn phòng',
  agency: 'Cơ quan thực hiện',
  inspector: 'Ủy ban Kiểm tra',
};

export const STATUS_LABEL: Record<string, string> = {
  assigned: 'Đã giao',
  acknowledged: 'Đã tiếp nhận',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã báo cáo',
  verified: 'Đã xác nhận hoàn thành',
  returned: 'Trả lại để bổ sung',
  cancelled: 'Đã hủy',
};

export const ACTION_LABEL: Record<string, string> = {
  acknowledge: 'Tiếp nhận',
  start: 'Bắt đầu thực hiện',
  submit: 'Báo cáo hoàn thành',
  verify: 'Xác nhận hoàn thành',
  return: 'Trả lại để bổ sung',
  cancel: 'Hủy nhiệm vụ',
};

export const HISTORY_ACTION_LABEL: Record<string, string> = {
  ...ACTION_LABEL,
  submit: 'Báo cáo hoàn thành',
  create: 'Giao nhiệm vụ',
  extend: 'Gia hạn',
  delegate: 'Giao tiếp xuống cấp dưới',
  report: 'Gửi báo cáo tiến độ',
};

export const CADENCE_LABEL: Record<string, string> = {
  none: 'Không định kỳ',
  periodic: 'Định kỳ (chưa rõ kỳ)',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  semiannual: '6 tháng một lần',
  annual: 'Hằng năm',
  once: 'Một lần',
};

export const MILESTONE_LABEL: Record<string, string> = {
  midterm_review: 'Sơ kết giữa kỳ',
  final_review: 'Tổng kết',
};

export const VERDICT_LABEL: Record<string, string> = {
  accepted: 'Chấp nhận',
  rework: 'Yêu cầu làm lại',
  rejected: 'Bác bỏ',
};

export const REPORT_STATUS_LABEL: Record<string, string> = {
  submitted: 'Chờ thẩm định',
  accepted: 'Đã chấp nhận',
  rework: 'Yêu cầu làm lại',
  rejected: 'Bị bác bỏ',
};

export const ORIGIN_LABEL: Record<string, string> = {
  clause: 'Theo điều khoản',
  group: 'Giao cho nhóm',
  member: 'Thành viên nhóm',
  delegated: 'Giao tiếp từ cấp trên',
};

export const LEVEL_LABEL: Record<string, string> = { tinh: 'tỉnh', huyen: 'huyện', xa: 'xã' };

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'document.upload': 'Tải văn bản lên',
  'document.publish': 'Ban hành nhiệm vụ',
  'clause.correct': 'Sửa điều khoản',
  'task.acknowledge': 'Tiếp nhận nhiệm vụ',
  'task.start': 'Bắt đầu thực hiện',
  'task.submit': 'Báo cáo hoàn thành',
  'task.verify': 'Xác nhận hoàn thành',
  'task.return': 'Trả lại để bổ sung',
  'task.cancel': 'Hủy nhiệm vụ',
  'task.extend': 'Gia hạn',
  'task.delegate': 'Giao tiếp xuống cấp dưới',
  'report.submit': 'Gửi báo cáo tiến độ',
  'report.review': 'Thẩm định báo cáo',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'organization.create': 'Thêm cơ quan',
  'organization.update': 'Sửa cơ quan',
  'organization.import-catalog': 'Nhập danh mục cơ quan',
  'organization.import': 'Nhập danh mục cơ quan (CSV)',
  'notification.preferences': 'Đổi cách nhận thư',
  'webhook.create': 'Đăng ký webhook',
  'webhook.delete': 'Xóa webhook',
  'webhook.disabled': 'Tạm dừng webhook lỗi',
  'calendar.token_create': 'Tạo liên kết lịch',
  'calendar.token_revoke': 'Thu hồi liên kết lịch',
  'task.create': 'Tạo nhiệm vụ',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return map[code] ?? code;
}

/** A reporting period key as words: 2022-H1 → 6 tháng đầu năm 2022. */
export function formatPeriod(key: string | null | undefined): string {
  if (!key) return '';
  const m = /^(\d{4})(?:-(H|Q|M)(\d{1,2}))?$/.exec(key);
  if (!m) return key;
  const [, year, unit, n] = m;
  if (!unit) return `năm ${year}`;
  if (unit === 'H') return `${n === '1' ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`;
  if (unit === 'Q') return `quý ${Number(n)} năm ${year}`;
  return `tháng ${Number(n)} năm ${year}`;
}
