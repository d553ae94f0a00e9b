import mysql from 'mysql2';

/**
 * MySQL 8's default sql_mode. MariaDB's default is looser (no ONLY_FULL_GROUP_BY), so every
 * connection sets it explicitly: a query that MySQL in production would refuse fails here too.
 */
export const MYSQL8_SQL_MODE = [
  'ONLY_FULL_GROUP_BY',
  'STRICT_TRANS_TABLES',
  'NO_ZERO_IN_DATE',
  'NO_ZERO_DATE',
  'ERROR_FOR_DIVISION_BY_ZERO',
  'NO_ENGINE_SUBSTITUTION',
].join(',');

type Mysql2 = typeof mysql;

/**
 * The mysql2 module as TypeORM sees it, except that each pooled connection sets the session
 * (and its isolation level) before its first query. TypeORM has no hook for this; the pool's
 * `connection` event is the place mysql2 offers, and it fires before the connection is handed
 * out.
 */
export function mysqlDriverWithSession(timeZone = '+00:00'): Mysql2 {
  const session = `SET SESSION sql_mode = '${MYSQL8_SQL_MODE}', time_zone = '${timeZone}', group_concat_max_len = 1048576, NAMES utf8mb4 COLLATE utf8mb4_unicode_ci`;
  const createPool: Mysql2['createPool'] = ((options: mysql.PoolOptions) => {
    const pool = mysql.createPool(options);
    pool.on('connection', (connection) => {
      connection.query(session);
      // Every transaction of the service runs READ COMMITTED (UnitOfWork); set once here.
      connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    });
    return pool;
  }) as Mysql2['createPool'];
  return { ...mysql, createPool } as Mysql2;
}
