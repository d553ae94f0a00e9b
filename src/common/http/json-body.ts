import { AppError, type FieldError } from '../errors/app-error.js';

/**
 * Deepest nesting a JSON body may have. The DTOs need 3 (a list of objects in an object);
 * thousands of levels would overflow the stack of the recursive transform and validation
 * that follow (a 10 kB body of brackets answered 500).
 */
export const MAX_JSON_DEPTH = 32;

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

// A lone surrogate (valid JSON as an escape, but no character: MySQL would store U+FFFD).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Fault = 'utf8' | 'nul' | 'surrogate' | 'prototype' | 'depth';

const TEXT: Record<Fault, { vi: string; en: string }> = {
  utf8: { vi: 'chứa byte không phải UTF-8', en: 'contains bytes that are not UTF-8' },
  nul: { vi: 'chứa ký tự NUL (\\u0000)', en: 'contains a NUL character (\\u0000)' },
  surrogate: {
    vi: 'chứa nửa cặp ký tự UTF-16 (surrogate) đứng lẻ',
    en: 'contains a lone UTF-16 surrogate',
  },
  prototype: {
    vi: 'là tên dành riêng của JavaScript (__proto__, constructor, prototype, toString…), không phải trường được chấp nhận',
    en: 'is a name JavaScript reserves (__proto__, constructor, prototype, toString…), not an accepted field',
  },
  depth: {
    vi: `lồng nhau quá ${MAX_JSON_DEPTH} cấp`,
    en: `is nested deeper than ${MAX_JSON_DEPTH} levels`,
  },
};

function refusal(faults: { field: string; fault: Fault }[]): AppError {
  const fields: FieldError[] = faults.map(({ field, fault }) => ({
    field,
    message: `Trường "${field}" ${TEXT[fault].vi}.`,
    messageEn: `${field} ${TEXT[fault].en}`,
  }));
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return AppError.badRequest(
    `Dữ liệu không hợp lệ ở trường: ${names}.`,
    `Invalid input in field(s): ${names}.`,
    fields,
  );
}

function notJson(messageVi: string, messageEn: string): AppError {
  return AppError.badRequest(messageVi, messageEn, [
    { field: 'body', message: messageVi, messageEn },
  ]);
}

const pathOf = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/**
 * Every place in a parsed body where text is not what a person could have typed, or the
 * shape could hurt what reads it next. Iterative, so depth itself cannot overflow the stack.
 * With `replaced`, the body came from bytes that were not UTF-8: the strings that hold
 * U+FFFD are where those bytes were.
 */
function faultsIn(value: unknown, replaced: boolean): { field: string; fault: Fault }[] {
  const found: { field: string; fault: Fault }[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  const text = (s: string, path: string) => {
    const field = path || 'body';
    if (replaced && s.includes('\uFFFD')) found.push({ field, fault: 'utf8' });
    else if (s.includes('\u0000')) found.push({ field, fault: 'nul' });
    else if (LONE_SURROGATE.test(s)) found.push({ field, fault: 'surrogate' });
  };
  while (stack.length > 0 && found.length < 50) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      text(v, path);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      found.push({ field: path || 'body', fault: 'depth' });
      continue;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) =>
        stack.push({ value: item, path: pathOf(path, String(i)), depth: depth + 1 }),
      );
      continue;
    }
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      const field = pathOf(path, key);
      text(key, field);
      // No DTO has these names, and the validation pipe drops them unseen (__proto__,
      // constructor, prototype) or class-transformer does (toString, valueOf…): the check that
      // refuses every other unknown field never saw them, and the request went through.
      const poisoned = key === 'prototype' || key in Object.prototype;
      if (poisoned) found.push({ field, fault: 'prototype' });
      else stack.push({ value: item, path: field, depth: depth + 1 });
    }
  }
  return found;
}

/**
 * The body of an application/json request. Refuses, naming the field: bytes that are not
 * UTF-8 (a decoder would silently store U+FFFD), NUL characters and lone surrogates (stored,
 * they break exports and other tools, or come back changed), keys that name what every object
 * has (__proto__, constructor, toString…) or prototype, and nesting deeper than MAX_JSON_DEPTH.
 * Text that is not JSON names the body.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) {
    throw notJson(
      'Nội dung trống dù Content-Type là application/json; hãy gửi một đối tượng JSON.',
      "The body is empty but content-type is 'application/json'; send a JSON object.",
    );
  }
  let text: string;
  let replaced = false;
  try {
    text = strict.decode(raw);
  } catch {
    text = lenient.decode(raw);
    replaced = true;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notJson(
      replaced
        ? 'Nội dung không phải JSON viết bằng UTF-8.'
        : 'Nội dung không phải JSON hợp lệ; hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.',
      `The body is not ${replaced ? 'UTF-8 ' : ''}JSON: ${(error as Error).message}`,
    );
  }
  const faults = faultsIn(value, replaced);
  if (replaced && !faults.some((f) => f.fault === 'utf8')) {
    faults.unshift({ field: 'body', fault: 'utf8' });
  }
  if (faults.length > 0) throw refusal(faults);
  return value;
}

/**
 * The text fields of a multipart form, once converted (report-form.ts): the refusals of a JSON
 * body. The parser has already decoded the bytes, putting U+FFFD where they were not UTF-8.
 */
export function assertCleanFormFields(fields: Record<string, unknown>): void {
  const faults = faultsIn(fields, true);
  if (faults.length > 0) throw refusal(faults);
}

/**
 * The API reads JSON and, where a route says so, multipart files (API.md). A form-encoded
 * body was parsed by default, and its fields skipped the checks above.
 */
export function refuseFormBody(): never {
  const vi =
    'Kiểu nội dung application/x-www-form-urlencoded không được nhận: hãy gửi application/json, hoặc multipart/form-data khi kèm tệp.';
  const en =
    'application/x-www-form-urlencoded is not accepted: send application/json, or multipart/form-data with files.';
  throw new AppError(415, vi, en, [{ field: 'content-type', message: vi, messageEn: en }]);
}
