import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

export interface UploadedFile {
  filename: string | null;
  mimetype: string | null;
  buffer: Buffer;
  fields: Record<string, string>;
}

const tooLarge = (maxBytes: number, field: string) => {
  const vi = `Tệp quá lớn: tối đa ${Math.round(maxBytes / 1024 / 1024)} MB.`;
  const en = `File too large: at most ${Math.round(maxBytes / 1024 / 1024)} MB.`;
  return new AppError(413, vi, en, [{ field, message: vi, messageEn: en }]);
};

/**
 * One file from a multipart body (field `field`), or the raw body when the request is not
 * multipart (e.g. Content-Type: text/csv). Refusals name the field.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  options: { field: string; maxBytes: number },
): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    const body = request.body;
    const buffer = Buffer.isBuffer(body)
      ? body
      : typeof body === 'string'
        ? Buffer.from(body)
        : null;
    if (!buffer || buffer.length === 0) throw missing(options.field);
    if (buffer.length > options.maxBytes) throw tooLarge(options.maxBytes, options.field);
    return {
      filename: null,
      mimetype: request.headers['content-type'] ?? null,
      buffer,
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  let found: UploadedFile | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname !== options.field) continue;
        found = {
          filename: part.filename || null,
          mimetype: part.mimetype || null,
          buffer,
          fields,
        };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(options.maxBytes, options.field);
    if (code === 'FST_FILES_LIMIT') {
      throw AppError.badRequest('Chỉ gửi một tệp.', 'Send a single file.', [
        {
          field: options.field,
          message: 'Chỉ gửi một tệp.',
          messageEn: 'only one file is accepted',
        },
      ]);
    }
    throw AppError.badRequest('Dữ liệu multipart không đọc được.', 'Malformed multipart body.', [
      {
        field: options.field,
        message: 'Dữ liệu multipart không đọc được.',
        messageEn: String((error as Error).message),
      },
    ]);
  }
  if (!found || found.buffer.length === 0) throw missing(options.field);
  return found;
}

function missing(field: string): AppError {
  return AppError.badRequest(
    `Thiếu tệp ở trường "${field}".`,
    `Missing file in field "${field}".`,
    [
      {
        field,
        message: `Trường "${field}" là bắt buộc (một tệp).`,
        messageEn: `${field} is required (a file)`,
      },
    ],
  );
}
