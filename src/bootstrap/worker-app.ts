import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { Runtime } from '../core.module.js';
import { WorkerModule } from '../worker.module.js';

/** The worker as worker.ts runs it; tests start the same context. */
export async function createWorkerApp(runtime: Runtime): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  return app;
}
