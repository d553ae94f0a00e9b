import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config.js';

// Never in the logs: credentials, tokens, cookies, passwords in bodies.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
];

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: { paths: REDACT, censor: '[redacted]' },
      // The id Fastify gave the request (or the caller's X-Request-Id), so log lines and error
      // bodies name the same request.
      genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings can carry calendar tokens: log the path only.
          url: req.url?.split('?')[0],
        }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/metrics' },
    },
  };
}
