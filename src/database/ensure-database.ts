import mysql from 'mysql2/promise';

export type DatabaseFlavour = 'mysql' | 'mariadb';

export interface ServerInfo {
  flavour: DatabaseFlavour;
  version: string;
}

function serverUrl(databaseUrl: string): { url: URL; database: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(database)) {
    throw new Error(`DATABASE_URL: database name "${database}" must be letters, digits or _`);
  }
  url.pathname = '/';
  url.protocol = 'mysql:';
  return { url, database };
}

async function withServer<T>(databaseUrl: string, work: (c: mysql.Connection) => Promise<T>) {
  const { url } = serverUrl(databaseUrl);
  const connection = await mysql.createConnection({ uri: url.toString(), connectTimeout: 5000 });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** Which server answers: TypeORM reads MariaDB's catalog a little differently from MySQL's. */
export async function probeServer(databaseUrl: string): Promise<ServerInfo> {
  return withServer(databaseUrl, async (c) => {
    const [rows] = await c.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    const version = String(rows[0].version);
    return { version, flavour: /mariadb/i.test(version) ? 'mariadb' : 'mysql' };
  });
}

/** Creates the database when missing; returns whether this call created it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const { database } = serverUrl(databaseUrl);
  return withServer(databaseUrl, async (c) => {
    const [rows] = await c.query<mysql.RowDataPacket[]>(
      'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [database],
    );
    if (rows.length > 0) return false;
    await c.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    return true;
  });
}

/**
 * Drops a database this project made: it must be empty or hold our migrations table.
 * Anything else is someone else's data and is left alone.
 */
export async function dropOwnDatabase(databaseUrl: string): Promise<void> {
  const { database } = serverUrl(databaseUrl);
  await withServer(databaseUrl, async (c) => {
    const [tables] = await c.query<mysql.RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [database],
    );
    const names = tables.map((t) => String(t.name));
    if (names.length > 0 && !names.includes(MIGRATIONS_TABLE)) {
      throw new Error(`Refusing to drop database ${database}: it was not created by Đôn đốc`);
    }
    await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
  });
}

export const MIGRATIONS_TABLE = 'schema_migrations';
