import type { DataSource, QueryRunner } from 'typeorm';

// The outbox is left out: its relay empties it in the background, whatever the request did
// (a row is only ever written in the same transaction as the write it belongs to, which the
// other tables show).
/** CHECKSUM TABLE of every table of the test database: equal before and after = no row changed. */
export async function tableChecksums(db: DataSource): Promise<Record<string, string>> {
  const tables = (await db.query(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'outbox'
     ORDER BY TABLE_NAME`,
  )) as { name: string }[];
  const rows = (await db.query(
    `CHECKSUM TABLE ${tables.map((t) => `\`${t.name}\``).join(', ')}`,
  )) as { Table: string; Checksum: string | number | null }[];
  return Object.fromEntries(rows.map((r) => [r.Table.split('.').pop()!, String(r.Checksum)]));
}

/** The tables whose checksum differs. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

/**
 * Holds a MySQL named lock until released. Suites that compare whole-database checksums take
 * it, so two of them run by parallel Jest workers never see each other's writes (npm test runs
 * in band anyway).
 */
export async function exclusive(
  db: DataSource,
  name: string,
  timeoutSeconds = 300,
): Promise<() => Promise<void>> {
  const runner: QueryRunner = db.createQueryRunner();
  await runner.connect();
  const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [name, timeoutSeconds])) as {
    got: number | string | null;
  }[];
  if (Number(row?.got) !== 1) {
    await runner.release();
    throw new Error(`could not take the lock ${name} within ${timeoutSeconds} s`);
  }
  return async () => {
    await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    await runner.release();
  };
}
