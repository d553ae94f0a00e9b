import { STATUS_CODES } from 'node:http';

interface StatusText {
  vi: string;
  en: string;
}

// What a person reads when nothing more specific was said about a refusal.
const DEFAULTS: Record<number, StatusText> = {
  400: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is invalid.' },
  401: {
    vi: 'Bạn cần đăng nhập (thiếu hoặc sai mã xác thực).',
    en: 'Authentication required (missing or invalid token).',
  },
  403: {
    vi: 'Vai trò của bạn không được phép thực hiện thao tác này.',
    en: 'Your role may not do this.',
  },
  404: { vi: 'Không tìm thấy địa chỉ hoặc đối tượng yêu cầu.', en: 'Not found.' },
  405: { vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  406: { vi: 'Định dạng trả về không được hỗ trợ.', en: 'Not acceptable.' },
  408: { vi: 'Yêu cầu quá thời gian chờ.', en: 'Request timeout.' },
  409: { vi: 'Yêu cầu xung đột với trạng thái hiện tại.', en: 'Conflict with the current state.' },
  413: {
    vi: 'Nội dung gửi lên quá lớn so với giới hạn cho phép.',
    en: 'The request body is larger than allowed.',
  },
  415: {
    vi: 'Kiểu nội dung hoặc loại tệp không được hỗ trợ.',
    en: 'Unsupported content or file type.',
  },
  422: { vi: 'Yêu cầu không thể xử lý.', en: 'Unprocessable request.' },
  429: {
    vi: 'Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.',
    en: 'Too many requests; please try again shortly.',
  },
  500: {
    vi: 'Lỗi hệ thống; yêu cầu chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.',
    en: 'Internal error; nothing was changed. Try again or tell an administrator.',
  },
  503: {
    vi: 'Dịch vụ tạm thời không sẵn sàng; vui lòng thử lại sau.',
    en: 'Service temporarily unavailable; try again later.',
  },
};

export function statusText(status: number): StatusText {
  const known = DEFAULTS[status];
  if (known) return known;
  const phrase = STATUS_CODES[status] ?? 'Error';
  return status >= 500 ? DEFAULTS[500] : { vi: `Yêu cầu bị từ chối (${status}).`, en: phrase };
}

export function errorName(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
