// Reminders in bulk for the Redis and replica suites: more users (with e-mail) in the bodies
// whose published tasks owe reports, and what "delivered exactly once" means in the rows, in
// the SMTP sink and in the in-app list.
import { randomUUID } from 'node:crypto';
import type { SmtpSink } from '../reminders/reminder-fixtures.js';
import { call } from './api-client.js';
import { rows, type Db } from './consistency.js';

/** Adds `perOrg` active agency users with an e-mail address to each body, in one statement. */
export async function addUsers(db: Db, orgIds: string[], perOrg: number): Promise<number> {
  const values: unknown[] = [];
  for (const org of orgIds) {
    for (let i = 0; i < perOrg; i += 1) {
      const tag = `${i}.${randomUUID().slice(0, 8)}`;
      values.push(randomUUID(), `rel${tag}`, `Người nhận ${i}`, org, `rel${tag}@reliability.test`);
    }
  }
  if (values.length === 0) return 0;
  await db.query(
    `INSERT INTO app_user (id, username, display_name, password_hash, role, organization_id, email, active)
     VALUES ${Array(values.length / 5)
       .fill("(?, ?, ?, 'x', 'agency', ?, ?, 1)")
       .join(', ')}`,
    values,
  );
  return values.length / 5;
}

/** The bodies leading a task that owes a report due on `dueOn`. */
export async function leadsOwing(db: Db, dueOn: string): Promise<string[]> {
  const found = await rows<{ org: string }>(
    db,
    `SELECT DISTINCT t.lead_org_id AS org FROM obligation o JOIN task t ON t.id = o.task_id
     WHERE o.due_on = ? AND t.lead_org_id IS NOT NULL`,
    [dueOn],
  );
  return found.map((r) => r.org);
}

export async function notificationStates(db: Db): Promise<Record<string, number>> {
  const found = await rows<{ state: string; n: number }>(
    db,
    'SELECT state, COUNT(*) AS n FROM notification GROUP BY state',
  );
  return Object.fromEntries(found.map((r) => [r.state, Number(r.n)]));
}

export interface DeliveryCheck {
  rows: number;
  emailRows: number;
  inAppRows: number;
  /** (event, user, channel) keys held by more than one row */
  duplicateKeys: string[];
  /** states other than delivered, with counts */
  notDelivered: Record<string, number>;
  /** e-mail rows whose message the SMTP sink received other than once: row id → count */
  mailsNotOnce: Record<string, number>;
  /** messages the sink received that no e-mail row stands for */
  strayMails: number;
}

/** Every notification row delivered, each e-mail received exactly once (by Message-ID). */
export async function checkDeliveries(db: Db, smtp: SmtpSink): Promise<DeliveryCheck> {
  const all = await rows<{ id: string; channel: string; state: string }>(
    db,
    'SELECT id, channel, state FROM notification',
  );
  const duplicates = await rows<{ k: string }>(
    db,
    `SELECT CONCAT(event_key, ' ', user_id, ' ', channel) AS k FROM notification
     GROUP BY event_key, user_id, channel HAVING COUNT(*) > 1`,
  );
  const received = new Map<string, number>();
  for (const mail of smtp.mails) {
    const id = /^<notification-(\d+)@/.exec(mail.messageId)?.[1] ?? `?${mail.messageId}`;
    received.set(id, (received.get(id) ?? 0) + 1);
  }
  const email = all.filter((r) => r.channel === 'email');
  const mailsNotOnce: Record<string, number> = {};
  for (const r of email) {
    const n = received.get(String(r.id)) ?? 0;
    if (n !== 1) mailsNotOnce[r.id] = n;
  }
  const emailIds = new Set(email.map((r) => String(r.id)));
  const notDelivered: Record<string, number> = {};
  for (const r of all) {
    if (r.state !== 'delivered') notDelivered[r.state] = (notDelivered[r.state] ?? 0) + 1;
  }
  return {
    rows: all.length,
    emailRows: email.length,
    inAppRows: all.length - email.length,
    duplicateKeys: duplicates.map((d) => d.k),
    notDelivered,
    mailsNotOnce,
    strayMails: [...received.keys()].filter((id) => !emailIds.has(id)).length,
  };
}

/**
 * What a user's in-app list shows against the rows: every delivered in-app row once.
 * Returns the ids listed more than once and the counts to compare.
 */
export async function inAppList(
  base: string,
  token: string,
  db: Db,
  username: string,
): Promise<{ listed: number; distinct: number; rows: number }> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await call<{ items: { id: string }[]; total: number }>(
      base,
      'GET',
      `/notifications?page=${page}&pageSize=100`,
      { token },
    );
    if (answer.status !== 200) throw new Error(`GET /notifications: ${answer.status}`);
    ids.push(...answer.body.items.map((i) => i.id));
    if (answer.body.items.length < 100) break;
  }
  const [count] = await rows<{ n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM notification n JOIN app_user u ON u.id = n.user_id
     WHERE u.username = ? AND n.channel = 'in_app' AND n.state = 'delivered'`,
    [username],
  );
  return { listed: ids.length, distinct: new Set(ids).size, rows: Number(count!.n) };
}
