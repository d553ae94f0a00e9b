import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { TEST_ENV } from './test-env.js';

/**
 * One database and one queue prefix per `npm test` run, so tests never touch demo data. The
 * database is recreated and migrated once, through the built CLI (npm test builds first).
 * Jest loads this file outside its transform, hence plain JavaScript.
 */
export default async function globalSetup() {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  Object.assign(process.env, TEST_ENV, { QUEUE_PREFIX: `dondoc_test_${runId}` });
  if (!existsSync('dist/cli.js')) {
    throw new Error('dist/ is missing: run the tests with `npm test` (it builds first)');
  }
  await dropTestDatabase(process.env.DATABASE_URL);
  // Migrates, loads the directory from config/organizations and creates the demo users, which
  // the end-to-end tests log in as (password DEMO_PASSWORD).
  const seed = spawnSync(process.execPath, ['dist/cli.js', 'seed-demo'], {
    env: process.env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) {
    throw new Error(`test database setup failed:\n${seed.stdout}${seed.stderr}`);
  }
}

// Only a database named like a test database, and only one that is empty or ours.
async function dropTestDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[A-Za-z0-9_]*test[A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`refusing to recreate ${name}: a test database name must contain "test"`);
  }
  url.pathname = '/';
  const connection = await mysql.createConnection({ uri: url.toString() });
  try {
    const [tables] = await connection.query(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [name],
    );
    if (tables.length > 0 && !tables.some((t) => t.name === 'schema_migrations')) {
      throw new Error(`refusing to drop ${name}: it was not created by Đôn đốc`);
    }
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}
