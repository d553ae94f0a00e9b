import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorBody } from './app-error.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-errors.js';
import { errorName, statusText } from './status-text.js';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

// Refusals Fastify gives before a route runs, and the part of the request the client should fix.
const FASTIFY_REFUSALS: Record<string, { field: string; vi: string; en: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    field: 'content-type',
    vi: 'Kiểu nội dung (Content-Type) không được hỗ trợ: hãy gửi application/json, hoặc multipart/form-data khi kèm tệp.',
    en: 'Unsupported content-type: send application/json, or multipart/form-data with files.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    field: 'body',
    vi: 'Nội dung gửi lên quá lớn so với giới hạn cho phép.',
    en: 'The request body is larger than allowed.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    field: 'body',
    vi: 'Nội dung trống dù Content-Type là application/json.',
    en: "The body is empty but content-type is 'application/json'.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    field: 'body',
    vi: 'Nội dung không phải JSON hợp lệ.',
    en: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    field: 'content-length',
    vi: 'Content-Length không khớp với nội dung gửi lên.',
    en: 'Content-Length does not match the body.',
  },
};

/** Turns any error into the error shape of API.md; never leaks internals on a 5xx. */
export function toErrorBody(exception: unknown, requestId?: string): ErrorBody {
  if (exception instanceof AppError) {
    const status = exception.getStatus();
    return {
      statusCode: status,
      error: errorName(status),
      message: exception.messageVi,
      messageEn: exception.messageEn,
      ...(exception.fields ? { fields: exception.fields } : {}),
      ...exception.extra,
      requestId,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: errorName(503),
      message: `Cơ sở dữ liệu tạm thời không phản hồi. Vui lòng gửi lại sau ${DATABASE_RETRY_AFTER_SECONDS} giây; với báo cáo tiến độ, dùng lại cùng Idempotency-Key để không bị ghi hai lần.`,
      messageEn: `The database is unavailable for a moment. Retry in ${DATABASE_RETRY_AFTER_SECONDS} s; for a progress report, reuse the same Idempotency-Key so it is never recorded twice.`,
      requestId,
    };
  }
  let status = 500;
  let english: string | undefined;
  let fastifyCode: string | undefined;
  if (exception instanceof HttpException) {
    status = exception.getStatus();
    const response = exception.getResponse();
    english =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : exception.message;
    // Nest wraps Fastify's own refusals (body too large, bad JSON, content type) this way.
    fastifyCode = (exception.cause as FastifyLikeError | undefined)?.code;
  } else {
    const e = exception as FastifyLikeError | undefined;
    // Errors Fastify raises itself (body too large, bad JSON, bad content type) carry a status.
    if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      english = e.message;
      fastifyCode = e.code;
    }
  }
  const known = fastifyCode && status < 500 ? FASTIFY_REFUSALS[fastifyCode] : undefined;
  if (known) {
    return {
      statusCode: status,
      error: errorName(status),
      message: known.vi,
      messageEn: known.en,
      fields: [{ field: known.field, message: known.vi, messageEn: english ?? known.en }],
      requestId,
    };
  }
  const text = statusText(status);
  return {
    statusCode: status,
    error: errorName(status),
    message: text.vi,
    messageEn: status >= 500 ? text.en : (english ?? text.en),
    requestId,
  };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toErrorBody(exception, request?.id);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (exception instanceof AppError && exception.extra.retryAfter !== undefined) {
      void reply.header('Retry-After', String(exception.extra.retryAfter));
    } else if (body.statusCode === 503) {
      void reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    void reply.status(body.statusCode).send(body);
  }
}
