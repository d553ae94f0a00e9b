import 'reflect-metadata';
import { exitOnBootFailure } from './bootstrap/boot-failure.js';
import { prepareRuntime } from './bootstrap/runtime.js';
import { createWorkerApp } from './bootstrap/worker-app.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime();
  await createWorkerApp(runtime);
}

main().catch(exitOnBootFailure('worker'));
