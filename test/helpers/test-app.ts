import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/bootstrap/http-app.js';
import { prepareRuntime } from '../../src/bootstrap/runtime.js';
import { loadConfig } from '../../src/config/app-config.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** fetch against the API prefix: api('/health') → GET /api/v1/health */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real HTTP API on a random port, against the run's database and Redis. */
export async function startTestApp(
  options: { env?: Record<string, string>; extraModules?: Type[] } = {},
): Promise<TestApp> {
  const config = loadConfig({ ...process.env, PORT: '0', ...options.env });
  const runtime = await prepareRuntime(config);
  const app = await createHttpApp(runtime, { extraModules: options.extraModules });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    api: (path, init) => fetch(`${baseUrl}/api/v1${path}`, init),
    close: () => app.close(),
  };
}

export function jsonBody(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
