import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { closeOnSignals, exitOnBootFailure } from './bootstrap/lifecycle.js';
import { prepareRuntime } from './bootstrap/runtime.js';
import { createWorkerApp } from './bootstrap/worker-app.js';
import { ALL_QUEUES } from './reminders/queues.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime();
  const app = await createWorkerApp(runtime);
  closeOnSignals(app, runtime.config.SHUTDOWN_TIMEOUT_SECONDS);
  keepAliveFile();
  app.get(Logger).log(`Worker sẵn sàng / worker ready: ${ALL_QUEUES.join(', ')}`, 'Worker');
}

/** For container health checks: the file's age says whether the event loop still turns. */
function keepAliveFile(): void {
  const file = join(tmpdir(), 'dondoc-worker.alive');
  const touch = (): void => writeFileSync(file, new Date().toISOString());
  touch();
  setInterval(touch, 15_000).unref();
}

main().catch(exitOnBootFailure('worker'));
