import 'reflect-metadata';
import { createHttpApp } from './bootstrap/http-app.js';
import { closeOnSignals, exitOnBootFailure } from './bootstrap/lifecycle.js';
import { prepareRuntime } from './bootstrap/runtime.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime();
  const app = await createHttpApp(runtime);
  closeOnSignals(app, runtime.config.SHUTDOWN_TIMEOUT_SECONDS);
  await app.listen(runtime.config.PORT, runtime.config.HOST);
}

main().catch(exitOnBootFailure('api'));
