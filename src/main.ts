import 'reflect-metadata';
import { createHttpApp } from './bootstrap/http-app.js';
import { exitOnBootFailure } from './bootstrap/boot-failure.js';
import { prepareRuntime } from './bootstrap/runtime.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime();
  const app = await createHttpApp(runtime);
  await app.listen(runtime.config.PORT, runtime.config.HOST);
}

main().catch(exitOnBootFailure('api'));
