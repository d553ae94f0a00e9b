import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../common/errors/app-error.js';
import { assertCleanFormFields } from '../common/http/json-body.js';
import { FileStorageService } from '../common/storage/file-storage.service.js';
import { AppConfig } from '../config/app-config.js';
import { safeEvidenceName } from './evidence-filename.js';
import { EVIDENCE_EXTENSIONS, evidenceTypeOf } from './evidence-type.js';
import { formToReportFields } from './report-form.js';

export const EVIDENCE_FIELD = 'evidence';

/** An evidence file already written to storage; deleted again if the report is refused. */
export interface ReceivedEvidence {
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

export interface ReportUpload {
  /** the report's fields as sent, not yet validated */
  fields: Record<string, unknown>;
  files: ReceivedEvidence[];
}

const MAX_FIELDS = 20;
const SNIFF_BYTES = 64 * 1024;

/**
 * Reads a report submission: a JSON body, or multipart fields with files in `evidence`.
 * Each file streams to storage (sha256 on the way), then its type is sniffed from the stored
 * bytes. Any refusal removes what was stored, names the field or the file, and stores nothing.
 */
@Injectable()
export class ReportUploadReader {
  constructor(
    private readonly storage: FileStorageService,
    private readonly config: AppConfig,
  ) {}

  async read(request: FastifyRequest): Promise<ReportUpload> {
    if (!request.isMultipart()) return { fields: jsonFields(request.body), files: [] };
    const maxFileBytes = this.config.EVIDENCE_MAX_FILE_MB * 1024 * 1024;
    const maxFiles = this.config.EVIDENCE_MAX_FILES;
    const fields: Record<string, unknown> = {};
    const files: ReceivedEvidence[] = [];
    try {
      const parts = request.parts({
        limits: {
          fileSize: maxFileBytes,
          files: maxFiles,
          // one more than allowed, so the field over the limit is seen and named below
          fields: MAX_FIELDS + 1,
          fieldSize: 1024 * 1024,
          parts: maxFiles + MAX_FIELDS + 1,
        },
      });
      for await (const part of parts) {
        if (part.type === 'field') {
          if (Object.hasOwn(fields, part.fieldname)) throw repeatedField(part.fieldname);
          if (Object.keys(fields).length >= MAX_FIELDS) throw tooManyFields(part.fieldname);
          fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== EVIDENCE_FIELD) {
          part.file.resume();
          throw unexpectedFile(part.fieldname);
        }
        const stored = await this.storage.write(part.file);
        const file: ReceivedEvidence = {
          filename: part.filename || `tệp thứ ${files.length + 1}`,
          mediaType: '',
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
        };
        // Listed before the checks, so the cleanup below removes it too.
        files.push(file);
        if (part.file.truncated) throw fileTooLarge(file.filename, maxFileBytes);
        if (stored.sizeBytes === 0) throw emptyFile(file.filename);
        const type = evidenceTypeOf(await this.sniff(stored.key, stored.sizeBytes));
        if (!type) throw unsupportedType(file.filename);
        file.filename = safeEvidenceName(part.filename, type.ext, files.length - 1);
        file.mediaType = type.mime;
      }
    } catch (error) {
      await this.storage.removeQuietly(files.map((f) => f.storageKey));
      throw multipartError(error, maxFileBytes, maxFiles);
    }
    const converted = formToReportFields(fields);
    try {
      assertCleanFormFields(converted);
    } catch (error) {
      await this.storage.removeQuietly(files.map((f) => f.storageKey));
      throw error;
    }
    return { fields: converted, files };
  }

  /**
   * The type read from the stored bytes. The start of a file names most types; Office files
   * are zips whose telling entry may sit anywhere, so a zip is read whole (within the size
   * limit) for the sniffer to look inside.
   */
  private async sniff(key: string, sizeBytes: number) {
    const head = await this.storage.readStart(key, SNIFF_BYTES);
    const first = await fileTypeFromBuffer(head);
    if (first?.ext !== 'zip' || sizeBytes <= head.length) return first;
    return fileTypeFromBuffer(await this.storage.readStart(key, sizeBytes));
  }
}

function jsonFields(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
    return body as Record<string, unknown>;
  }
  const vi =
    'Hãy gửi báo cáo dạng JSON (application/json) hoặc multipart/form-data kèm tệp minh chứng.';
  const en = 'Send the report as application/json, or as multipart/form-data with evidence files.';
  throw new AppError(415, vi, en, [{ field: 'content-type', message: vi, messageEn: en }]);
}

function tooManyFields(field: string): AppError {
  return fieldError(
    400,
    field,
    `Biểu mẫu có quá nhiều trường: tối đa ${MAX_FIELDS}; trường "${field}" vượt quá giới hạn.`,
    `The form has too many fields (at most ${MAX_FIELDS}); "${field}" is over the limit.`,
  );
}

function fieldError(status: number, field: string, vi: string, en: string): AppError {
  return new AppError(status, vi, en, [{ field, message: vi, messageEn: en }]);
}

function fileTooLarge(name: string, maxBytes: number): AppError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return fieldError(
    413,
    EVIDENCE_FIELD,
    `Tệp "${name}" quá lớn: mỗi tệp minh chứng tối đa ${mb} MB.`,
    `File "${name}" is too large: each evidence file may be at most ${mb} MB.`,
  );
}

function tooManyFiles(maxFiles: number): AppError {
  return fieldError(
    413,
    EVIDENCE_FIELD,
    `Gửi quá nhiều tệp minh chứng: tối đa ${maxFiles} tệp cho một báo cáo.`,
    `Too many evidence files: at most ${maxFiles} per report.`,
  );
}

function unsupportedType(name: string): AppError {
  const allowed = EVIDENCE_EXTENSIONS.join(', ');
  return fieldError(
    415,
    EVIDENCE_FIELD,
    `Tệp "${name}" không thuộc loại được chấp nhận (theo nội dung tệp): chỉ nhận ${allowed}.`,
    `File "${name}" is not an accepted type (judged by its content): only ${allowed}.`,
  );
}

function emptyFile(name: string): AppError {
  return fieldError(400, EVIDENCE_FIELD, `Tệp "${name}" rỗng.`, `File "${name}" is empty.`);
}

function unexpectedFile(field: string): AppError {
  return fieldError(
    400,
    field,
    `Tệp phải được gửi ở trường "${EVIDENCE_FIELD}", không phải "${field}".`,
    `Files go in the "${EVIDENCE_FIELD}" field, not "${field}".`,
  );
}

function repeatedField(field: string): AppError {
  return fieldError(
    400,
    field,
    `Trường "${field}" được gửi nhiều lần; chỉ gửi một lần.`,
    `Field "${field}" was sent more than once.`,
  );
}

/** The multipart parser's refusals, in our words; storage (system) errors pass as they are. */
function multipartError(error: unknown, maxFileBytes: number, maxFiles: number): unknown {
  const e = error as {
    code?: string;
    syscall?: string;
    part?: { filename?: string };
    message?: string;
  };
  if (error instanceof AppError || !(error instanceof Error) || e.syscall) return error;
  switch (e.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge(e.part?.filename || EVIDENCE_FIELD, maxFileBytes);
    case 'FST_FILES_LIMIT':
      return tooManyFiles(maxFiles);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return fieldError(
        400,
        EVIDENCE_FIELD,
        'Biểu mẫu có quá nhiều trường hoặc tệp.',
        'The form has too many fields or files.',
      );
    default:
      return fieldError(
        400,
        EVIDENCE_FIELD,
        'Dữ liệu multipart không đọc được; hãy gửi lại.',
        `Malformed multipart body: ${String(e.message)}`,
      );
  }
}
