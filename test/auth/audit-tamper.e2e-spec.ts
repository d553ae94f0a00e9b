import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { AuditService } from '../../src/audit/audit.service.js';
import { dropOwnDatabase } from '../../src/database/ensure-database.js';
import { runMigrations } from '../../src/database/migrations/migration-commands.js';
import { UnitOfWork } from '../../src/database/unit-of-work.repository.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// A database of its own: tampering with the run's shared log would fail other suites' verify.
const url = new URL(process.env.DATABASE_URL as string);
url.pathname = `${url.pathname}_tamper`;
const TAMPER_DB = url.toString();

describe('audit verify finds a change made behind the service', () => {
  let t: TestApp;

  beforeAll(async () => {
    await dropOwnDatabase(TAMPER_DB);
    await runMigrations(TAMPER_DB);
    t = await startTestApp({ env: { DATABASE_URL: TAMPER_DB } });
    const uow = t.app.get(UnitOfWork);
    const audit = t.app.get(AuditService);
    for (let i = 1; i <= 5; i += 1) {
      await uow.run((tx) =>
        audit.record(tx, null, {
          action: 'test.write',
          entityType: 'test',
          entityId: String(i),
          after: { i },
        }),
      );
    }
  });

  afterAll(async () => {
    await t.close();
    await dropOwnDatabase(TAMPER_DB);
  });

  it('is ok before, and names the first changed event after', async () => {
    const audit = t.app.get(AuditService);
    await expect(audit.verify()).resolves.toEqual({ ok: true, events: 5, firstBrokenId: null });
    const db = await mysql.createConnection({ uri: TAMPER_DB });
    try {
      const [rows] = await db.query<mysql.RowDataPacket[]>(
        'SELECT id FROM audit_event ORDER BY id',
      );
      const third = String(rows[2].id);
      await db.query('DROP TRIGGER audit_event_no_update');
      await db.query(`UPDATE audit_event SET after_json = '{"i":99}' WHERE id = ?`, [third]);
      await expect(audit.verify()).resolves.toEqual({ ok: false, events: 3, firstBrokenId: third });
    } finally {
      await db.end();
    }
  });

  it('finds a deleted tail too', async () => {
    const db = await mysql.createConnection({ uri: TAMPER_DB });
    try {
      await db.query('DROP TRIGGER audit_event_no_delete');
      const [rows] = await db.query<mysql.RowDataPacket[]>(
        'SELECT id FROM audit_event ORDER BY id',
      );
      await db.query('DELETE FROM audit_event WHERE id = ?', [rows[4].id]);
      const result = await t.app.get(AuditService).verify();
      expect(result.ok).toBe(false);
    } finally {
      await db.end();
    }
  });
});
