import type { ValidationError } from 'class-validator';
import { INPUT_DATE_MAX, INPUT_DATE_MIN } from '../dates.js';
import { AppError, type FieldError } from './app-error.js';

// Vietnamese wording of class-validator's constraints. The English comes from class-validator
// itself (or the DTO's own message); a constraint missing here falls back to a generic phrase.
const VI: Record<string, (args: unknown[]) => string> = {
  whitelistValidation: () => 'không phải là trường được chấp nhận; hãy bỏ trường này',
  isDefined: () => 'là bắt buộc',
  isNotEmpty: () => 'không được để trống',
  isString: () => 'phải là chuỗi ký tự',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isBoolean: () => 'phải là true hoặc false',
  isArray: () => 'phải là một danh sách',
  isObject: () => 'phải là một đối tượng',
  isEnum: () => 'không nằm trong các giá trị được phép',
  isIn: (a) => `phải là một trong: ${String((a[0] as unknown[] | undefined)?.join(', ') ?? '')}`,
  isUUID: () => 'phải là mã định danh (UUID) hợp lệ',
  isEmail: () => 'phải là địa chỉ thư điện tử hợp lệ',
  isUrl: () => 'phải là địa chỉ URL hợp lệ',
  isDateString: () =>
    `phải là ngày có thật theo dạng YYYY-MM-DD, từ ${INPUT_DATE_MIN} đến ${INPUT_DATE_MAX}`,
  isISO8601: () => 'phải là ngày theo dạng YYYY-MM-DD',
  isPositive: () => 'phải là số dương',
  min: (a) => `không được nhỏ hơn ${String(a[0])}`,
  max: (a) => `không được lớn hơn ${String(a[0])}`,
  minLength: (a) => `phải có ít nhất ${String(a[0])} ký tự`,
  maxLength: (a) => `không được dài quá ${String(a[0])} ký tự`,
  length: (a) => `phải dài từ ${String(a[0])} đến ${String(a[1])} ký tự`,
  arrayMinSize: (a) => `phải có ít nhất ${String(a[0])} phần tử`,
  arrayMaxSize: (a) => `không được quá ${String(a[0])} phần tử`,
  arrayNotEmpty: () => 'không được là danh sách rỗng',
  matches: () => 'không đúng định dạng',
  nestedValidation: () => 'có phần tử không hợp lệ',
};

function describe(constraint: string, args: unknown[]): string {
  return VI[constraint]?.(args) ?? 'không hợp lệ';
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, english] of Object.entries(error.constraints ?? {})) {
      const args =
        (error.contexts?.[constraint]?.args as unknown[] | undefined) ??
        constraintArgs(error, constraint);
      out.push({
        field,
        message: `Trường "${field}" ${describe(constraint, args)}.`,
        messageEn: english,
      });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

// class-validator does not expose constraint arguments on the error; recover the numbers
// from its English message ("must not be less than 1"), which is stable for these decorators.
function constraintArgs(error: ValidationError, constraint: string): unknown[] {
  const english = error.constraints?.[constraint] ?? '';
  if (constraint === 'isIn') {
    const m = /following values: (.*)$/.exec(english);
    return m ? [m[1].split(/,\s*/)] : [];
  }
  return english.match(/-?\d+(\.\d+)?/g) ?? [];
}

/** The ValidationPipe's exceptionFactory: one 400 naming every field at fault. */
export function validationException(errors: ValidationError[]): AppError {
  const fields = flatten(errors);
  const names = [...new Set(fields.map((f) => f.field))].join(', ');
  return AppError.badRequest(
    `Dữ liệu không hợp lệ ở trường: ${names}.`,
    `Invalid input in field(s): ${names}.`,
    fields,
  );
}
