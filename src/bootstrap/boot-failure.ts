import { ConfigError } from '../config/app-config.js';

/** One clear line on stderr and a non-zero exit: a service that cannot start says why. */
export function exitOnBootFailure(processName: string) {
  return (error: unknown): never => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`[${processName}] không khởi động được / failed to start: ${message}\n`);
      if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) {
        process.stderr.write(`${error.stack}\n`);
      }
    }
    process.exit(1);
  };
}
