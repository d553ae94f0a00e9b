import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorBody } from './app-error.js';
import { errorName, statusText } from './status-text.js';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

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
  let status = 500;
  let english: string | undefined;
  if (exception instanceof HttpException) {
    status = exception.getStatus();
    const response = exception.getResponse();
    english =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : exception.message;
  } else {
    const e = exception as FastifyLikeError | undefined;
    // Errors Fastify raises itself (body too large, bad JSON, bad content type) carry a status.
    if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      english = e.message;
    }
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
    }
    void reply.status(body.statusCode).send(body);
  }
}
