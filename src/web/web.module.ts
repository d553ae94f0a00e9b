import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileFor, isHashedAsset, isReservedPath, MISSING_BUILD_PAGE, webRoot } from './web-root.js';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Serves the built web interface at `/`: files of the build, and index.html for every other
 * GET that is not the API, the docs, metrics or the queue board (client-side routes). Plain
 * Fastify routes, outside Nest's guards: the SPA itself is public, its data is not.
 */
@Module({})
export class WebModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    // The worker and CLI have no HTTP server; only the API serves the SPA.
    if (!fastify || typeof fastify.register !== 'function') return;
    const root = webRoot();
    if (!existsSync(join(root, 'index.html'))) {
      this.logger.warn(`Giao diện web chưa được dựng (${root}); chạy: npm run build:web`);
    }
    // Encapsulated, so reply.sendFile stays ours and another static plugin can coexist.
    await fastify.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        serve: false,
        suppressWarning: true,
      });
      const handler = (request: FastifyRequest, reply: FastifyReply) =>
        this.serve(root, request, reply);
      scope.get('/', handler);
      scope.get('/*', handler);
    });
  }

  private serve(root: string, request: FastifyRequest, reply: FastifyReply) {
    const path = request.url;
    if (isReservedPath(path)) return reply.callNotFound();
    if (!existsSync(join(root, 'index.html'))) {
      return reply.code(503).type('text/html; charset=utf-8').send(MISSING_BUILD_PAGE);
    }
    const file = fileFor(root, path);
    // A stale hashed name (after a redeploy) is a 404, not index.html served as a script.
    if (!file && path.startsWith('/assets/')) return reply.callNotFound();
    if (file && file !== 'index.html') {
      if (isHashedAsset(file)) {
        return reply.sendFile(file, { maxAge: YEAR_MS, immutable: true });
      }
      return reply.sendFile(file, { maxAge: 0 });
    }
    // A client route (/nhiem-vu/…): the app decides what to show.
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  }
}
