import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../config/data-source.js';
import { dropOwnDatabase, ensureDatabase, probeServer } from '../ensure-database.js';

const MIGRATIONS_DIR = join(process.cwd(), 'migrations');

async function withDataSource<T>(databaseUrl: string, work: (ds: DataSource) => Promise<T>) {
  const { flavour } = await probeServer(databaseUrl);
  const dataSource = createDataSource(databaseUrl, flavour);
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export async function runMigrations(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  return withDataSource(databaseUrl, async (ds) =>
    (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name),
  );
}

export async function revertLastMigration(databaseUrl: string): Promise<void> {
  await withDataSource(databaseUrl, (ds) => ds.undoLastMigration({ transaction: 'each' }));
}

/** The SQL that would bring the database to the entities; empty when they agree. */
export async function pendingSchemaChanges(
  databaseUrl: string,
): Promise<{ up: string[]; down: string[] }> {
  return withDataSource(databaseUrl, async (ds) => {
    const sql = await ds.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query).reverse(),
    };
  });
}

/** Writes migrations/<timestamp>-<name>.ts from the entities and lists it in migrations/index.ts. */
export async function generateMigration(databaseUrl: string, name: string): Promise<string | null> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error('migration name must be kebab-case, e.g. add-task-table');
  }
  await runMigrations(databaseUrl);
  const { up, down } = await pendingSchemaChanges(databaseUrl);
  if (up.length === 0) return null;
  const timestamp = Date.now();
  const className =
    name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) + String(timestamp);
  const file = `${timestamp}-${name}`;
  const statements = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  writeFileSync(
    join(MIGRATIONS_DIR, `${file}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`,
  );
  const indexPath = join(MIGRATIONS_DIR, 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(\nexport const migrations = \[)([^\]]*)\]/, (_, head: string, list: string) => {
      const items = list.trim() ? `${list.trim().replace(/,$/, '')}, ${className}` : className;
      return `${head}${items}]`;
    })
    .replace(/(\n\/\/ Every migration)/, `import { ${className} } from './${file}.js';\n$1`);
  writeFileSync(indexPath, index);
  // House style for the generated file; prettier is a dev tool, present where one generates.
  spawnSync('npx', ['prettier', '--write', join(MIGRATIONS_DIR, `${file}.ts`), indexPath], {
    stdio: 'ignore',
  });
  return file;
}

/** Migration files on disk that migrations/index.ts does not list. */
export function unlistedMigrationFiles(): string[] {
  const index = readFileSync(join(MIGRATIONS_DIR, 'index.ts'), 'utf8');
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+-.*\.ts$/.test(f))
    .filter((f) => !index.includes(`./${f.replace(/\.ts$/, '.js')}`));
}

export interface MigrationCheck {
  ok: boolean;
  problems: string[];
}

/**
 * Runs every migration on an empty scratch database, asks TypeORM what it would still change
 * (must be nothing), then reverts every migration (each down must work). The scratch database
 * is ours and is dropped afterwards.
 */
export async function checkMigrations(databaseUrl: string): Promise<MigrationCheck> {
  const problems: string[] = [];
  for (const file of unlistedMigrationFiles()) {
    problems.push(`migrations/${file} is not listed in migrations/index.ts`);
  }
  const scratch = new URL(databaseUrl);
  scratch.pathname = `/${scratch.pathname.slice(1)}_migcheck_${process.pid}`;
  const scratchUrl = scratch.toString();
  await dropOwnDatabase(scratchUrl);
  try {
    await runMigrations(scratchUrl);
    const { up } = await pendingSchemaChanges(scratchUrl);
    for (const q of up) problems.push(`entities and migrations differ: ${q}`);
    await withDataSource(scratchUrl, async (ds) => {
      while ((await ds.query(`SELECT COUNT(*) AS n FROM schema_migrations`))[0].n > 0) {
        await ds.undoLastMigration({ transaction: 'each' });
      }
      const left = (await ds.query(
        `SELECT TABLE_NAME AS name FROM information_schema.TABLES
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'schema_migrations'`,
      )) as { name: string }[];
      for (const t of left)
        problems.push(`table ${t.name} remains after reverting every migration`);
    });
  } finally {
    await dropOwnDatabase(scratchUrl);
  }
  return { ok: problems.length === 0, problems };
}
