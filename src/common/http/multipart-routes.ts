import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

const READS_MULTIPART = 'dondoc:reads-multipart';

/** The route reads multipart/form-data itself (files); every other route takes JSON only. */
export const ReadsMultipart = (): MethodDecorator => SetMetadata(READS_MULTIPART, true);

/**
 * Refuses a multipart body sent to a route that does not read one: @fastify/multipart accepts
 * the content type everywhere, and such a route saw no body at all, so a PATCH with its fields
 * in a form went through as an empty change.
 */
@Injectable()
export class MultipartRoutesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) return true;
    if (this.reflector.get<boolean>(READS_MULTIPART, context.getHandler())) return true;
    const vi =
      'Đường dẫn này chỉ nhận nội dung application/json; multipart/form-data chỉ dùng khi gửi tệp.';
    const en = 'This route takes application/json only; multipart/form-data is for file uploads.';
    throw new AppError(415, vi, en, [{ field: 'content-type', message: vi, messageEn: en }]);
  }
}
