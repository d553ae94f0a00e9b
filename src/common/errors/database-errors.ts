/**
 * Errors that mean "the database cannot take this request now" rather than "this request is
 * wrong": the connection is refused, lost or reset, the server is shutting down, or the
 * transaction lost a deadlock or waited too long for a lock. Each ends with the transaction
 * rolled back (or never begun), so the client may simply retry: answered 503 with Retry-After.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
]);

/** errno of the codes above, for drivers that give only the number */
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1205, 1213, 1317, 1927, 2006, 2013]);

interface DriverLikeError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  /** mysql2 marks every error that leaves its connection unusable */
  fatal?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** MySQL's error number of an error, or of the driver error TypeORM wraps in it. */
export function mysqlErrno(error: unknown): number | undefined {
  const e = error as { errno?: unknown; driverError?: { errno?: unknown } } | null;
  const errno = e?.driverError?.errno ?? e?.errno;
  return typeof errno === 'number' ? errno : undefined;
}

/** The error itself, or the driver error or cause it wraps (TypeORM's QueryFailedError). */
export function isDatabaseUnavailable(error: unknown): boolean {
  let next: unknown = error;
  for (let depth = 0; depth < 4 && next !== null && typeof next === 'object'; depth += 1) {
    const candidate = next as DriverLikeError;
    next = candidate.driverError ?? candidate.cause;
    if (candidate.fatal === true) return true;
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.errno === 'number' && UNAVAILABLE_ERRNOS.has(candidate.errno)) {
      return true;
    }
    // mysql2 on a connection that closed under it; TypeORM when the pool cannot connect.
    if (
      typeof candidate.message === 'string' &&
      /connection is in closed state|Connection lost|Pool is closed|connect ECONNREFUSED/i.test(
        candidate.message,
      )
    ) {
      return true;
    }
  }
  return false;
}
