import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import multipart from '@fastify/multipart';
import { type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module.js';
import { parseJsonBody, refuseFormBody } from '../common/http/json-body.js';
import type { Runtime } from '../core.module.js';
import { MetricsService } from '../metrics/metrics.service.js';

export const API_PREFIX = 'api/v1';

/** Largest uploaded file (documents, evidence); the JSON body limit is in the config. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The HTTP API as main.ts serves it; tests build the same app on a random port. */
export async function createHttpApp(
  runtime: Runtime,
  options: { extraModules?: Type[]; bufferLogs?: boolean } = {},
): Promise<NestFastifyApplication> {
  const { config } = runtime;
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Honour a caller's X-Request-Id when it is sane, otherwise make one.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const fastify = adapter.getInstance();
  // CSV imports may also come as a plain body (Content-Type: text/csv).
  fastify.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );
  fastify.addHook('onRequest', async (request, reply) => {
    request.raw.headers['x-request-id'] = request.id;
    void reply.header('x-request-id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(runtime, options.extraModules),
    adapter,
    { bufferLogs: options.bufferLogs ?? true },
  );
  app.useLogger(app.get(Logger));
  // Ours instead of Fastify's: it names the field holding bytes that are not UTF-8, NUL,
  // a lone surrogate, a key such as __proto__ or toString, or too deep a nesting (json-body.ts).
  app.useBodyParser(
    'application/json',
    { bodyLimit: config.BODY_LIMIT_BYTES },
    async (_request: FastifyRequest, body: Buffer) => parseJsonBody(body),
  );
  app.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit: config.BODY_LIMIT_BYTES },
    async () => refuseFormBody(),
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: ['metrics'] });

  // Security headers. Made once here: the Fastify plugin builds Helmet's middleware (and parses
  // the CSP) again on every request, a measurable share of a small request's CPU.
  const securityHeaders = helmet({
    // Swagger UI needs inline scripts and styles; everything is served locally.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Demo and intranet installs are often plain http on a LAN address.
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    hsts: config.isProduction,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 10, fields: 50, fieldSize: 1024 * 1024 },
  });

  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  const openApi = new DocumentBuilder()
    .setTitle('Đôn đốc API')
    .setDescription(
      'Theo dõi, đôn đốc thực hiện nghị quyết: văn bản, nhiệm vụ, báo cáo, nhắc hạn, tổng hợp. ' +
        'Turns party resolutions into accountable work.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
  });

  return app;
}
