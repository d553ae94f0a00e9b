import { ConfigError } from '../config/app-config.js';

/** One clear line on stderr and a non-zero exit: a service that cannot start says why. */
export function exitOnBootFailure(processName: string) {
  return (error: unknown): never => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      const hint = /ECONNREFUSED|ETIMEDOUT|ENOTFOUND/.test(message)
        ? ' — kiểm tra MySQL/MariaDB và Redis đang chạy (docker compose up -d mysql redis) / check that the database and Redis are running'
        : '';
      process.stderr.write(
        `[${processName}] không khởi động được / failed to start: ${message}${hint}\n`,
      );
      if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) {
        process.stderr.write(`${error.stack}\n`);
      }
    }
    process.exit(1);
  };
}

/**
 * SIGTERM or SIGINT: stop taking requests and jobs, let those under way finish (app.close()
 * runs every shutdown hook: Fastify drains, BullMQ workers finish their active jobs), then exit 0.
 * A shutdown that takes longer than the grace period exits 1, so a stop never hangs.
 */
export function closeOnSignals(app: { close(): Promise<void> }, graceSeconds: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal}: đang dừng / shutting down\n`);
    setTimeout(() => {
      process.stderr.write(`shutdown took longer than ${graceSeconds}s; exiting\n`);
      process.exit(1);
    }, graceSeconds * 1000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
