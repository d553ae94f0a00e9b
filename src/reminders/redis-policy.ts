import type { AppEnvironment } from '../config/app-config.js';

/**
 * BullMQ keeps jobs in Redis: a Redis that evicts keys under memory pressure drops jobs and
 * locks silently. Production refuses to start on anything but noeviction; elsewhere a warning.
 * The rows in MySQL still bring lost notifications back at the next sweep, but other jobs
 * (and locks) would be gone.
 */
export function evictionPolicyVerdict(
  policy: string | null,
  env: AppEnvironment,
): { level: 'ok' | 'warn' | 'refuse'; message: string } {
  if (policy === 'noeviction') return { level: 'ok', message: 'Redis maxmemory-policy noeviction' };
  const message =
    policy === null
      ? 'Không đọc được maxmemory-policy của Redis (CONFIG GET bị chặn?); hàng đợi cần noeviction / could not read Redis maxmemory-policy: BullMQ needs noeviction'
      : `Redis maxmemory-policy là "${policy}"; hàng đợi cần "noeviction" (redis-cli CONFIG SET maxmemory-policy noeviction) / Redis maxmemory-policy is "${policy}": BullMQ needs noeviction`;
  return { level: env === 'production' && policy !== null ? 'refuse' : 'warn', message };
}
