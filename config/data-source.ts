import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../migrations/index.js';
import { entities } from '../src/database/entities.js';
import { MIGRATIONS_TABLE, type DatabaseFlavour } from '../src/database/ensure-database.js';
import { mysqlDriverWithSession } from '../src/database/mysql-session.js';

/**
 * The one definition of the database connection, used by the API, the worker and the
 * migration CLI. The schema changes only through migrations: synchronize stays off.
 */
export function dataSourceOptions(
  databaseUrl: string,
  flavour: DatabaseFlavour = 'mysql',
): DataSourceOptions {
  return {
    type: flavour,
    url: databaseUrl,
    driver: mysqlDriverWithSession(),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns stay 'YYYY-MM-DD' strings: a due date is a calendar day, not an instant.
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    bigNumberStrings: true,
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    poolSize: 10,
    connectTimeout: 5000,
    // TypeORM sends text queries, never prepared statements, yet mysql2 sets aside room for
    // 16,000 of them in every connection (four arrays, 0.5 MB a connection, 5 MB for a full
    // pool). A few are plenty for a raw execute() someday. `trace: false`: mysql2 otherwise
    // captures a stack trace for every query (4 % of a report write's CPU) only to decorate
    // errors that TypeORM wraps in its own QueryFailedError anyway.
    extra: { maxPreparedStatements: 64, trace: false },
  };
}

export function createDataSource(databaseUrl: string, flavour?: DatabaseFlavour): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, flavour));
}
