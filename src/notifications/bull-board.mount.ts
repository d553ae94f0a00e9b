import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotificationQueue } from './notification-queue.service.js';
import { NotificationsRepository } from './notifications.repository.js';

export const BULL_BOARD_PATH = '/queues';

/**
 * bull-board at /queues, outside the API prefix and Nest's guards, so it has its own gate: an
 * onRequest hook in its Fastify scope requires `Authorization: Bearer <admin JWT>` (the same
 * token as the API) and re-checks that the user is still an active admin. No cookie, no
 * token in the URL (it would end up in logs): open it through a header-setting proxy or
 * browser extension.
 */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  private readonly logger = new Logger(BullBoardMount.name);

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly jwt: JwtService,
    private readonly queues: NotificationQueue,
    private readonly repo: NotificationsRepository,
  ) {}

  onModuleInit(): void {
    const adapter = this.host.httpAdapter;
    if (!adapter || adapter.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyInstance>();
    const server = new BullBoardFastifyAdapter();
    server.setBasePath(BULL_BOARD_PATH);
    createBullBoard({
      queues: [this.queues.reminders, this.queues.notifications].map((q) => new BullMQAdapter(q)),
      serverAdapter: server,
    });
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.gate(request, reply));
      await scope.register(server.registerPlugin(), { prefix: BULL_BOARD_PATH });
    });
    this.logger.log(`bull-board mounted at ${BULL_BOARD_PATH} (admin bearer token required)`);
  }

  private async gate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' && /^Bearer \S+$/.test(header) ? header.slice(7) : null;
    let userId: string | null = null;
    if (token) {
      try {
        userId = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
      } catch {
        userId = null;
      }
    }
    if (!userId) {
      await reply.code(401).send({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Bạn cần đăng nhập bằng tài khoản quản trị (mã Bearer).',
        messageEn: 'An admin bearer token is required.',
      });
      return reply;
    }
    if (!(await this.repo.isActiveAdmin(userId))) {
      await reply.code(403).send({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Chỉ quản trị hệ thống được xem hàng đợi.',
        messageEn: 'Only admins may view the queues.',
      });
      return reply;
    }
  }
}
