import { type AppConfig, loadConfig } from '../config/app-config.js';
import { ensureDatabase, probeServer } from '../database/ensure-database.js';
import type { Runtime } from '../core.module.js';

/**
 * Everything a process needs before Nest starts: the validated configuration and which
 * database server answers. Demo, development and test create their database if missing;
 * production expects it to exist (its migrations job runs first).
 */
export async function prepareRuntime(config: AppConfig = loadConfig()): Promise<Runtime> {
  const server = await probeServer(config.DATABASE_URL);
  if (!config.isProduction) await ensureDatabase(config.DATABASE_URL);
  return { config, flavour: server.flavour };
}
