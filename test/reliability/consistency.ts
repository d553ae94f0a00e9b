// What the database (and the storage directory) must look like after a fault, read with plain
// SQL: every report has its one audit event and its completed Idempotency-Key, every evidence
// row has its file.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import mysql from 'mysql2/promise';

export type Db = mysql.Pool;

export function openDb(databaseUrl: string): Db {
  return mysql.createPool({ uri: databaseUrl, connectionLimit: 3 });
}

export async function rows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  const [result] = await db.query(sql, params);
  return result as T[];
}

export async function scalar(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const [first] = await rows<Record<string, unknown>>(db, sql, params);
  return Number(Object.values(first ?? {})[0] ?? 0);
}

export async function userId(db: Db, username: string): Promise<string> {
  const [user] = await rows<{ id: string }>(db, 'SELECT id FROM app_user WHERE username = ?', [
    username,
  ]);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** The key a report was sent with, read back from its narrative (see reportNarrative). */
const KEY_IN_NARRATIVE = /tiến độ (\S+):/u;

export interface ReportFacts {
  /** report id → the Idempotency-Key its narrative names */
  keyOf: Map<string, string>;
  /** key → ids of the reports written with it */
  reportsOfKey: Map<string, string[]>;
  /** key → state of its idempotency row (in_flight, done) */
  keyState: Map<string, string>;
  problems: {
    /** reports with no report.submit event, or with more than one */
    auditNotOnce: { id: string; events: number }[];
    /** report.submit events whose report does not exist */
    auditWithoutReport: string[];
    /** reports whose key is not done or whose done key answers another report */
    keyNotDone: { id: string; key: string; state: string | null; answers: string | null }[];
    /** evidence rows whose file is missing (or has another size) under STORAGE_DIR */
    evidenceWithoutFile: string[];
    /** evidence rows whose report does not exist */
    evidenceWithoutReport: string[];
  };
  evidenceRows: number;
}

/** Reads every report of the task and checks what must hold whatever happened. */
export async function reportFacts(
  db: Db,
  taskId: string,
  authorId: string,
  storageDir?: string,
): Promise<ReportFacts> {
  const reports = await rows<{ id: string; narrative: string }>(
    db,
    'SELECT id, narrative FROM progress_report WHERE task_id = ?',
    [taskId],
  );
  const keyOf = new Map<string, string>();
  const reportsOfKey = new Map<string, string[]>();
  for (const r of reports) {
    const key = KEY_IN_NARRATIVE.exec(r.narrative)?.[1] ?? `?${r.id}`;
    keyOf.set(r.id, key);
    reportsOfKey.set(key, [...(reportsOfKey.get(key) ?? []), r.id]);
  }

  const events = await rows<{ entityId: string; n: number }>(
    db,
    `SELECT e.entity_id AS entityId, COUNT(*) AS n FROM audit_event e
     JOIN progress_report r ON r.id = e.entity_id AND r.task_id = ?
     WHERE e.action = 'report.submit' AND e.entity_type = 'progress_report'
     GROUP BY e.entity_id`,
    [taskId],
  );
  const eventCount = new Map(events.map((e) => [e.entityId, Number(e.n)]));
  const auditNotOnce = reports
    .map((r) => ({ id: r.id, events: eventCount.get(r.id) ?? 0 }))
    .filter((r) => r.events !== 1);
  const auditWithoutReport = (
    await rows<{ entityId: string }>(
      db,
      `SELECT e.entity_id AS entityId FROM audit_event e
       LEFT JOIN progress_report r ON r.id = e.entity_id
       WHERE e.action = 'report.submit' AND r.id IS NULL`,
    )
  ).map((e) => e.entityId);

  const keys = await rows<{ key: string; state: string; answers: string | null }>(
    db,
    `SELECT idem_key AS \`key\`, state, JSON_VALUE(response_body, '$.id') AS answers
     FROM idempotency_key WHERE user_id = ?`,
    [authorId],
  );
  const keyRow = new Map(keys.map((k) => [k.key, k]));
  const keyNotDone = reports
    .map((r) => {
      const key = keyOf.get(r.id)!;
      const row = keyRow.get(key);
      return { id: r.id, key, state: row?.state ?? null, answers: row?.answers ?? null };
    })
    .filter((r) => r.state !== 'done' || r.answers !== r.id);

  const evidence = await rows<{ id: string; storageKey: string; size: number; report: string }>(
    db,
    `SELECT f.id, f.storage_key AS storageKey, f.size_bytes AS size, r.id AS report
     FROM evidence_file f LEFT JOIN progress_report r ON r.id = f.report_id
     WHERE r.id IS NULL OR r.task_id = ?`,
    [taskId],
  );
  const evidenceWithoutFile = storageDir
    ? evidence
        .filter((f) => {
          try {
            return statSync(join(storageDir, f.storageKey)).size !== Number(f.size);
          } catch {
            return true;
          }
        })
        .map((f) => f.id)
    : [];
  return {
    keyOf,
    reportsOfKey,
    keyState: new Map(keys.map((k) => [k.key, k.state])),
    problems: {
      auditNotOnce,
      auditWithoutReport,
      keyNotDone,
      evidenceWithoutFile,
      evidenceWithoutReport: evidence.filter((f) => !f.report).map((f) => f.id),
    },
    evidenceRows: evidence.length,
  };
}

/** Problems as one object, empty lists included, for a single toEqual. */
export const NO_PROBLEMS: ReportFacts['problems'] = {
  auditNotOnce: [],
  auditWithoutReport: [],
  keyNotDone: [],
  evidenceWithoutFile: [],
  evidenceWithoutReport: [],
};

/**
 * Files under STORAGE_DIR that no row names (evidence of a report that never committed, an
 * upload cut short). Garbage, not an inconsistency: reported, not failed on.
 */
export async function unreferencedFiles(db: Db, storageDir: string): Promise<string[]> {
  const named = new Set(
    (
      await rows<{ k: string }>(
        db,
        `SELECT storage_key AS k FROM evidence_file UNION ALL SELECT storage_key FROM source_file`,
      )
    ).map((r) => r.k),
  );
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else found.push(relative(storageDir, full));
    }
  };
  walk(storageDir);
  return found.filter((f) => !named.has(f));
}

/** GET /audit/verify as admin. */
export interface AuditVerdict {
  ok: boolean;
  events: number;
  firstBrokenId: string | null;
}
