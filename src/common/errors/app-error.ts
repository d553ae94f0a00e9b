import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  messageEn: string;
  fields?: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
}

/**
 * A refusal the service means to give: Vietnamese for the person, English for the developer,
 * and the fields at fault. Extra properties (e.g. allowedActions) travel in the body.
 */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly fields?: FieldError[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageEn, status);
  }

  static badRequest(messageVi: string, messageEn: string, fields?: FieldError[]): AppError {
    return new AppError(400, messageVi, messageEn, fields);
  }

  static notFound(what: { vi: string; en: string }): AppError {
    return new AppError(404, `Không tìm thấy ${what.vi}.`, `${what.en} not found.`);
  }

  static conflict(messageVi: string, messageEn: string, extra?: Record<string, unknown>): AppError {
    return new AppError(409, messageVi, messageEn, undefined, extra);
  }

  static forbidden(): AppError {
    return new AppError(
      403,
      'Vai trò của bạn không được phép thực hiện thao tác này.',
      'Your role may not do this.',
    );
  }
}
