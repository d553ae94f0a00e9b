import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, InjectOptions } from 'fastify';
import { NotificationQueue } from './notification-queue.service.js';
import { NotificationsRepository } from './notifications.repository.js';

export const BULL_BOARD_PATH = '/queues';

/** Headers of the board's answer that describe its own connection, not the content. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
/** Marks the board's "no such route", so the API's own 404 answers instead. */
const NOT_FOUND = 'x-bull-board-not-found';

/**
 * bull-board at /queues, outside the API prefix and Nest's guards, so it has its own gate: an
 * onRequest hook in its Fastify scope requires `Authorization: Bearer <admin JWT>` (the same
 * token as the API) and re-checks that the user is still an active admin. No cookie, no
 * token in the URL (it would end up in logs): open it through a header-setting proxy or
 * browser extension.
 *
 * The board (bull-board, its UI assets, valibot and lodash: about 3 MB of heap) is loaded at
 * the first admin request, not at start; routes cannot be added to a server that is already
 * listening, so it runs as a Fastify instance of its own that this scope forwards to. That
 * first request is slower by the load (a few hundred ms).
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

  private board: Promise<FastifyInstance> | null = null;

  onModuleInit(): void {
    const adapter = this.host.httpAdapter;
    if (!adapter || adapter.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.gate(request, reply));
      const forward = (request: FastifyRequest, reply: FastifyReply) =>
        this.forward(request, reply);
      scope.all(BULL_BOARD_PATH, forward);
      scope.all(`${BULL_BOARD_PATH}/*`, forward);
    });
    this.logger.log(`bull-board mounted at ${BULL_BOARD_PATH} (admin bearer token required)`);
  }

  /** Answers with what the board answers to the same request (after the gate). */
  private async forward(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const headers = { ...request.headers };
    // the body was parsed here; the board gets it serialized again, with its own length
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const board = await this.loadBoard();
    const answer = await board.inject({
      method: request.method as InjectOptions['method'],
      url: request.url,
      headers,
      payload: request.body as InjectOptions['payload'],
    });
    if (answer.headers[NOT_FOUND]) {
      reply.callNotFound();
      return reply;
    }
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !CONNECTION_HEADERS.has(name)) void reply.header(name, value);
    }
    return reply.code(answer.statusCode).send(answer.rawPayload);
  }

  private loadBoard(): Promise<FastifyInstance> {
    this.board ??= this.createBoard().catch((error: unknown) => {
      this.board = null;
      throw error;
    });
    return this.board;
  }

  private async createBoard(): Promise<FastifyInstance> {
    const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }, { fastify }] =
      await Promise.all([
        import('@bull-board/api'),
        import('@bull-board/api/bullMQAdapter'),
        import('@bull-board/fastify'),
        import('fastify'),
      ]);
    const server = new FastifyAdapter();
    server.setBasePath(BULL_BOARD_PATH);
    createBullBoard({
      queues: [this.queues.reminders, this.queues.notifications].map((q) => new BullMQAdapter(q)),
      serverAdapter: server,
    });
    const board = fastify();
    board.setNotFoundHandler((_request, reply) => reply.code(404).header(NOT_FOUND, '1').send());
    await board.register(server.registerPlugin(), { prefix: BULL_BOARD_PATH });
    await board.ready();
    return board;
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
