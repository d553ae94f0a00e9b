import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Tx } from '../database/unit-of-work.repository.js';
import { OPEN_STATUSES } from '../tasks/tasks.repository.js';

// Every query of the notification tables, in SQL: the sweep and the claims are set-based and
// guarded by their WHERE clauses, which an ORM would only hide.

export type Channel = 'in_app' | 'email';
export type EmailMode = 'immediate' | 'digest';

export interface SweepInsert {
  stage: string;
  dueFrom: string;
  dueTo: string;
  firesOn: string;
  /** which users: the lead body's, or the committee's office / inspectors */
  audience: 'lead' | 'committee';
  roles?: string[];
  kind: string;
  emailEnabled: boolean;
}

export interface DeliveryView {
  id: string;
  eventKey: string;
  userId: string;
  channel: Channel;
  kind: string;
  stage: string | null;
  state: string;
  attempts: number;
  detail: string | null;
  createdAt: Date;
  readAt: Date | null;
  userEmail: string | null;
  userName: string;
  userActive: boolean;
  taskId: string | null;
  taskTitle: string | null;
  taskStatus: string | null;
  documentId: string | null;
  documentNumber: string | null;
  documentTitle: string | null;
  obligationId: string | null;
  obligationLabel: string | null;
  dueOn: string | null;
  metAt: Date | null;
}

export interface WebhookDeliveryView {
  id: string;
  eventKey: string;
  kind: string;
  stage: string | null;
  state: string;
  attempts: number;
  subscriptionId: string;
  url: string;
  secret: string;
  active: boolean;
  taskId: string | null;
  taskTitle: string | null;
  taskStatus: string | null;
  committee: string | null;
  obligationId: string | null;
  dueOn: string | null;
  metAt: Date | null;
  createdAt: Date;
}

export interface WebhookSubscriptionView {
  id: string;
  url: string;
  committee: string | null;
  createdBy: string;
  active: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  createdAt: Date;
}

interface OkPacket {
  affectedRows: number;
  insertId?: number;
}

const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(',');

// Joins that bring what a message names: the task, its document, the obligation.
const DELIVERY_SELECT = `
  SELECT n.id, n.event_key AS eventKey, n.user_id AS userId, n.channel, n.kind, n.stage,
         n.state, n.attempts, n.detail, n.created_at AS createdAt, n.read_at AS readAt,
         u.email AS userEmail, u.display_name AS userName, u.active AS userActive,
         t.id AS taskId, t.title AS taskTitle, t.status AS taskStatus,
         d.id AS documentId, d.number AS documentNumber, d.title AS documentTitle,
         o.id AS obligationId, o.label_vi AS obligationLabel, o.due_on AS dueOn, o.met_at AS metAt
  FROM notification n
  JOIN app_user u ON u.id = n.user_id
  LEFT JOIN task t ON t.id = n.task_id
  LEFT JOIN document d ON d.id = t.document_id
  LEFT JOIN obligation o ON o.id = n.obligation_id`;

function toDelivery(r: Record<string, unknown>): DeliveryView {
  return {
    ...(r as unknown as DeliveryView),
    id: String(r.id),
    attempts: Number(r.attempts),
    userActive: Boolean(Number(r.userActive)),
  };
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private m(tx?: Tx): EntityManager {
    return tx?.manager ?? this.ds.manager;
  }

  /**
   * One stage's rows for one audience, in one statement. INSERT IGNORE on the unique key makes
   * a second sweep a no-op; the count is what was new.
   */
  async insertReminders(s: SweepInsert): Promise<number> {
    const users =
      s.audience === 'lead'
        ? `JOIN app_user u ON u.organization_id = t.lead_org_id AND u.active = 1`
        : `JOIN app_user u ON u.active = 1 AND u.role IN (?)
           JOIN organization org ON org.id = u.organization_id AND org.province = t.committee`;
    const params: unknown[] = [s.stage, s.kind, s.stage, s.firesOn];
    if (s.audience === 'committee') params.push(s.roles ?? []);
    params.push(s.emailEnabled ? 1 : 0, s.dueFrom, s.dueTo);
    const result = (await this.ds.query(
      `INSERT IGNORE INTO notification
         (event_key, user_id, channel, kind, stage, task_id, obligation_id, fires_on, state, attempts)
       SELECT CONCAT('reminder:', o.id, ':', ?), u.id, ch.channel, ?, ?, t.id, o.id, ?,
              CASE WHEN ch.channel = 'email' AND p.email_mode = 'digest' THEN 'held' ELSE 'pending' END, 0
       FROM obligation o
       JOIN task t ON t.id = o.task_id AND t.status IN (${OPEN})
       ${users}
       JOIN (SELECT 'in_app' AS channel UNION ALL SELECT 'email') ch
         ON ch.channel = 'in_app' OR (? = 1 AND u.email IS NOT NULL AND u.email <> '')
       LEFT JOIN notification_preference p ON p.user_id = u.id
       WHERE o.met_at IS NULL AND o.due_on BETWEEN ? AND ?`,
      params,
    )) as OkPacket;
    return result.affectedRows;
  }

  async insertWebhookReminders(s: {
    stage: string;
    kind: string;
    dueFrom: string;
    dueTo: string;
  }): Promise<number> {
    const result = (await this.ds.query(
      `INSERT IGNORE INTO webhook_delivery
         (subscription_id, event_key, kind, stage, task_id, obligation_id, state, attempts)
       SELECT s.id, CONCAT('reminder:', o.id, ':', ?), ?, ?, t.id, o.id, 'pending', 0
       FROM obligation o
       JOIN task t ON t.id = o.task_id AND t.status IN (${OPEN})
       JOIN webhook_subscription s ON s.active = 1 AND (s.committee IS NULL OR s.committee = t.committee)
       WHERE o.met_at IS NULL AND o.due_on BETWEEN ? AND ?`,
      [s.stage, s.kind, s.stage, s.dueFrom, s.dueTo],
    )) as OkPacket;
    return result.affectedRows;
  }

  /**
   * Rows that still have to go out and are not being sent right now: new, failed (retry), or
   * claimed by a worker whose claim ran out (it crashed). Keyset pages by id.
   */
  async undeliveredIds(afterId: string, limit: number): Promise<string[]> {
    const rows = (await this.ds.query(
      `SELECT id FROM notification
       WHERE id > ? AND (state IN ('pending', 'failed')
                         OR (state = 'sending' AND claimed_until < NOW(3)))
       ORDER BY id LIMIT ?`,
      [afterId, limit],
    )) as { id: string }[];
    return rows.map((r) => String(r.id));
  }

  /** The rows of one task event still owed a delivery. */
  async undeliveredOfEvent(
    eventKey: string,
  ): Promise<{ notifications: string[]; webhooks: string[] }> {
    const owed = `event_key = ? AND (state IN ('pending', 'failed')
                   OR (state = 'sending' AND claimed_until < NOW(3)))`;
    const [notifications, webhooks] = (await Promise.all([
      this.ds.query(`SELECT id FROM notification WHERE ${owed} ORDER BY id`, [eventKey]),
      this.ds.query(`SELECT id FROM webhook_delivery WHERE ${owed} ORDER BY id`, [eventKey]),
    ])) as [{ id: string }[], { id: string }[]];
    return {
      notifications: notifications.map((r) => String(r.id)),
      webhooks: webhooks.map((r) => String(r.id)),
    };
  }

  async undeliveredWebhookIds(afterId: string, limit: number): Promise<string[]> {
    const rows = (await this.ds.query(
      `SELECT id FROM webhook_delivery
       WHERE id > ? AND (state IN ('pending', 'failed')
                         OR (state = 'sending' AND claimed_until < NOW(3)))
       ORDER BY id LIMIT ?`,
      [afterId, limit],
    )) as { id: string }[];
    return rows.map((r) => String(r.id));
  }

  /**
   * Takes the row for one delivery attempt. Only one worker wins; a claim expires so a crashed
   * worker's row is taken again, never while a live worker may still be sending it.
   */
  async claim(id: string, claimSeconds: number): Promise<boolean> {
    const result = (await this.ds.query(
      `UPDATE notification
       SET state = 'sending', attempts = attempts + 1,
           claimed_until = NOW(3) + INTERVAL ? SECOND
       WHERE id = ? AND (state IN ('pending', 'failed')
                         OR (state = 'sending' AND claimed_until < NOW(3)))`,
      [claimSeconds, id],
    )) as OkPacket;
    return result.affectedRows === 1;
  }

  /**
   * In-app delivery of many rows in one statement: nothing leaves the database, so there is
   * nothing to claim first. Only rows still wanted (user active, obligation unmet, task open)
   * flip. Returns the ids that are delivered in-app now (by this call or before); the others
   * go down the claim path (e-mail, cancellation).
   */
  async deliverInApp(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const updated = (await this.ds.query(
      `UPDATE notification n
       JOIN app_user u ON u.id = n.user_id AND u.active = 1
       LEFT JOIN obligation o ON o.id = n.obligation_id
       LEFT JOIN task t ON t.id = n.task_id
       SET n.state = 'delivered', n.delivered_at = NOW(3), n.attempts = n.attempts + 1,
           n.claimed_until = NULL
       WHERE n.id IN (?) AND n.channel = 'in_app' AND n.state IN ('pending', 'failed')
         AND (n.obligation_id IS NULL OR (o.met_at IS NULL AND t.status IN (${OPEN})))`,
      [ids],
    )) as OkPacket;
    // The usual case: every row was a wanted in-app row, no need to ask which.
    if (updated.affectedRows === new Set(ids).size) return new Set(ids);
    const done = (await this.ds.query(
      `SELECT id FROM notification WHERE id IN (?) AND channel = 'in_app' AND state = 'delivered'`,
      [ids],
    )) as { id: string }[];
    return new Set(done.map((r) => String(r.id)));
  }

  async findForDelivery(id: string): Promise<DeliveryView | null> {
    const rows = (await this.ds.query(`${DELIVERY_SELECT} WHERE n.id = ?`, [id])) as Record<
      string,
      unknown
    >[];
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async markDelivered(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification SET state = 'delivered', delivered_at = NOW(3), claimed_until = NULL,
         last_error = NULL
       WHERE id = ? AND state = 'sending'`,
      [id],
    );
  }

  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE notification SET state = ?, claimed_until = NULL, last_error = ?
       WHERE id = ? AND state = 'sending'`,
      [final ? 'dead' : 'failed', error.slice(0, 500), id],
    );
  }

  async markCancelled(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification SET state = 'cancelled', claimed_until = NULL WHERE id = ?
         AND state IN ('pending', 'failed', 'sending', 'held')`,
      [id],
    );
  }

  /** Pending messages about these obligations are no longer wanted (met, task closed). */
  async cancelForObligations(obligationIds: string[], tx?: Tx): Promise<number> {
    if (obligationIds.length === 0) return 0;
    const m = this.m(tx);
    const a = (await m.query(
      `UPDATE notification SET state = 'cancelled', claimed_until = NULL
       WHERE obligation_id IN (?) AND state IN ('pending', 'failed', 'held')`,
      [obligationIds],
    )) as OkPacket;
    await m.query(
      `UPDATE webhook_delivery SET state = 'cancelled', claimed_until = NULL
       WHERE obligation_id IN (?) AND state IN ('pending', 'failed')`,
      [obligationIds],
    );
    return a.affectedRows;
  }

  /** Reminders of a verified or cancelled task (task events themselves still go out). */
  async cancelRemindersForTask(taskId: string, tx?: Tx): Promise<number> {
    const m = this.m(tx);
    const a = (await m.query(
      `UPDATE notification SET state = 'cancelled', claimed_until = NULL
       WHERE task_id = ? AND obligation_id IS NOT NULL AND state IN ('pending', 'failed', 'held')`,
      [taskId],
    )) as OkPacket;
    await m.query(
      `UPDATE webhook_delivery SET state = 'cancelled', claimed_until = NULL
       WHERE task_id = ? AND obligation_id IS NOT NULL AND state IN ('pending', 'failed')`,
      [taskId],
    );
    return a.affectedRows;
  }

  /**
   * Rows for one task event, for the users the audience names, inside the caller's
   * transaction. Returns how many rows were new.
   */
  async insertTaskEvent(
    tx: Tx,
    e: {
      eventKey: string;
      kind: string;
      taskId: string;
      detail: string | null;
      audience: 'lead' | 'office';
      emailEnabled: boolean;
    },
  ): Promise<number> {
    const users =
      e.audience === 'lead'
        ? `JOIN app_user u ON u.organization_id = t.lead_org_id AND u.active = 1`
        : `JOIN app_user u ON u.active = 1 AND u.role = 'office'
           JOIN organization org ON org.id = u.organization_id AND org.province = t.committee`;
    const result = (await tx.manager.query(
      `INSERT IGNORE INTO notification
         (event_key, user_id, channel, kind, stage, task_id, obligation_id, fires_on, state, detail)
       SELECT ?, u.id, ch.channel, ?, NULL, t.id, NULL, NULL,
              CASE WHEN ch.channel = 'email' AND p.email_mode = 'digest' THEN 'held' ELSE 'pending' END, ?
       FROM task t
       ${users}
       JOIN (SELECT 'in_app' AS channel UNION ALL SELECT 'email') ch
         ON ch.channel = 'in_app' OR (? = 1 AND u.email IS NOT NULL AND u.email <> '')
       LEFT JOIN notification_preference p ON p.user_id = u.id
       WHERE t.id = ?`,
      [e.eventKey, e.kind, e.detail, e.emailEnabled ? 1 : 0, e.taskId],
    )) as OkPacket;
    await tx.manager.query(
      `INSERT IGNORE INTO webhook_delivery
         (subscription_id, event_key, kind, stage, task_id, obligation_id, state, attempts)
       SELECT s.id, ?, ?, NULL, t.id, NULL, 'pending', 0
       FROM task t
       JOIN webhook_subscription s ON s.active = 1 AND (s.committee IS NULL OR s.committee = t.committee)
       WHERE t.id = ?`,
      [e.eventKey, e.kind, e.taskId],
    );
    return result.affectedRows;
  }

  // ---- in-app reading

  async listInApp(
    userId: string,
    opts: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ items: DeliveryView[]; total: number; unread: number }> {
    const where = `n.user_id = ? AND n.channel = 'in_app' AND n.state = 'delivered'`;
    const rows = (await this.ds.query(
      `${DELIVERY_SELECT} WHERE ${where} ${opts.unreadOnly ? 'AND n.read_at IS NULL' : ''}
       ORDER BY n.id DESC LIMIT ? OFFSET ?`,
      [userId, opts.limit, opts.offset],
    )) as Record<string, unknown>[];
    const [counts] = (await this.ds.query(
      `SELECT COUNT(*) AS total, SUM(n.read_at IS NULL) AS unread FROM notification n
       WHERE ${where}`,
      [userId],
    )) as { total: string; unread: string | null }[];
    return {
      items: rows.map(toDelivery),
      total: Number(counts?.total ?? 0),
      unread: Number(counts?.unread ?? 0),
    };
  }

  /** Marks one of the user's own in-app notifications read; false when it is not theirs. */
  async markRead(userId: string, id: string): Promise<DeliveryView | null> {
    await this.ds.query(
      `UPDATE notification SET read_at = COALESCE(read_at, NOW(3))
       WHERE id = ? AND user_id = ? AND channel = 'in_app' AND state = 'delivered'`,
      [id, userId],
    );
    const rows = (await this.ds.query(
      `${DELIVERY_SELECT} WHERE n.id = ? AND n.user_id = ? AND n.channel = 'in_app'
         AND n.state = 'delivered'`,
      [id, userId],
    )) as Record<string, unknown>[];
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  // ---- preferences

  async emailMode(userId: string): Promise<EmailMode> {
    const rows = (await this.ds.query(
      `SELECT email_mode AS emailMode FROM notification_preference WHERE user_id = ?`,
      [userId],
    )) as { emailMode: EmailMode }[];
    return rows[0]?.emailMode ?? 'immediate';
  }

  async setEmailMode(tx: Tx, userId: string, mode: EmailMode): Promise<void> {
    await tx.manager.query(
      `INSERT INTO notification_preference (user_id, email_mode) VALUES (?, ?)
       ON DUPLICATE KEY UPDATE email_mode = VALUES(email_mode)`,
      [userId, mode],
    );
    // Choosing immediate releases what waited for the digest; choosing the digest holds
    // what has not gone out yet.
    if (mode === 'immediate') {
      await tx.manager.query(
        `UPDATE notification SET state = 'pending'
         WHERE user_id = ? AND channel = 'email' AND state = 'held' AND digest_id IS NULL`,
        [userId],
      );
    } else {
      await tx.manager.query(
        `UPDATE notification SET state = 'held'
         WHERE user_id = ? AND channel = 'email' AND state IN ('pending', 'failed')`,
        [userId],
      );
    }
  }

  // ---- digest

  async usersWithHeldEmail(): Promise<string[]> {
    const rows = (await this.ds.query(
      `SELECT DISTINCT n.user_id AS userId FROM notification n
       JOIN notification_preference p ON p.user_id = n.user_id AND p.email_mode = 'digest'
       WHERE n.channel = 'email' AND n.state = 'held'`,
    )) as { userId: string }[];
    return rows.map((r) => r.userId);
  }

  /** Creates (once) and claims the user's digest of the day; null when another has it or it is done. */
  async claimDigest(
    userId: string,
    digestDate: string,
    claimSeconds: number,
  ): Promise<string | null> {
    await this.ds.query(
      `INSERT IGNORE INTO notification_digest (user_id, digest_date, state) VALUES (?, ?, 'pending')`,
      [userId, digestDate],
    );
    const claimed = (await this.ds.query(
      `UPDATE notification_digest
       SET state = 'sending', attempts = attempts + 1, claimed_until = NOW(3) + INTERVAL ? SECOND
       WHERE user_id = ? AND digest_date = ? AND (state IN ('pending', 'failed')
             OR (state = 'sending' AND claimed_until < NOW(3)))`,
      [claimSeconds, userId, digestDate],
    )) as OkPacket;
    if (claimed.affectedRows !== 1) return null;
    const [row] = (await this.ds.query(
      `SELECT id FROM notification_digest WHERE user_id = ? AND digest_date = ?`,
      [userId, digestDate],
    )) as { id: string }[];
    return String(row!.id);
  }

  /** Attaches the user's held e-mails to the digest and returns them, still wanted ones only. */
  async collectDigest(digestId: string, userId: string): Promise<DeliveryView[]> {
    await this.ds.query(
      `UPDATE notification SET digest_id = ?
       WHERE user_id = ? AND channel = 'email' AND state = 'held' AND digest_id IS NULL`,
      [digestId, userId],
    );
    // What was met or closed since it was held is not worth a line.
    await this.ds.query(
      `UPDATE notification n
       LEFT JOIN obligation o ON o.id = n.obligation_id
       LEFT JOIN task t ON t.id = n.task_id
       SET n.state = 'cancelled'
       WHERE n.digest_id = ? AND n.state = 'held' AND n.obligation_id IS NOT NULL
         AND (o.met_at IS NOT NULL OR t.status NOT IN (${OPEN}))`,
      [digestId],
    );
    const rows = (await this.ds.query(
      `${DELIVERY_SELECT} WHERE n.digest_id = ? AND n.state = 'held' ORDER BY o.due_on, n.id`,
      [digestId],
    )) as Record<string, unknown>[];
    return rows.map(toDelivery);
  }

  async finishDigest(digestId: string, itemCount: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE notification SET state = 'delivered', delivered_at = NOW(3)
         WHERE digest_id = ? AND state = 'held'`,
        [digestId],
      );
      await m.query(
        `UPDATE notification_digest SET state = ?, item_count = ?, sent_at = NOW(3),
           claimed_until = NULL
         WHERE id = ?`,
        [itemCount > 0 ? 'delivered' : 'empty', itemCount, digestId],
      );
    });
  }

  async failDigest(digestId: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification_digest SET state = 'failed', claimed_until = NULL WHERE id = ?`,
      [digestId],
    );
  }

  /** Whether a token's subject is still an active admin (the bull-board gate re-checks). */
  async isActiveAdmin(userId: string): Promise<boolean> {
    const rows = (await this.ds.query(`SELECT role, active FROM app_user WHERE id = ?`, [
      userId,
    ])) as { role: string; active: number | boolean }[];
    return rows[0]?.role === 'admin' && Boolean(Number(rows[0].active));
  }

  // ---- webhooks

  async claimWebhook(id: string, claimSeconds: number): Promise<boolean> {
    const result = (await this.ds.query(
      `UPDATE webhook_delivery
       SET state = 'sending', attempts = attempts + 1, claimed_until = NOW(3) + INTERVAL ? SECOND
       WHERE id = ? AND (state IN ('pending', 'failed')
                         OR (state = 'sending' AND claimed_until < NOW(3)))`,
      [claimSeconds, id],
    )) as OkPacket;
    return result.affectedRows === 1;
  }

  async findWebhookDelivery(id: string): Promise<WebhookDeliveryView | null> {
    const rows = (await this.ds.query(
      `SELECT w.id, w.event_key AS eventKey, w.kind, w.stage, w.state, w.attempts,
              w.created_at AS createdAt,
              s.id AS subscriptionId, s.url, s.secret, s.active,
              t.id AS taskId, t.title AS taskTitle, t.status AS taskStatus, t.committee,
              o.id AS obligationId, o.due_on AS dueOn, o.met_at AS metAt
       FROM webhook_delivery w
       JOIN webhook_subscription s ON s.id = w.subscription_id
       LEFT JOIN task t ON t.id = w.task_id
       LEFT JOIN obligation o ON o.id = w.obligation_id
       WHERE w.id = ?`,
      [id],
    )) as Record<string, unknown>[];
    const r = rows[0];
    if (!r) return null;
    return {
      ...(r as unknown as WebhookDeliveryView),
      id: String(r.id),
      attempts: Number(r.attempts),
      active: Boolean(Number(r.active)),
    };
  }

  async webhookDelivered(id: string, subscriptionId: string, status: number): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE webhook_delivery SET state = 'delivered', delivered_at = NOW(3),
           claimed_until = NULL, last_status = ?, last_error = NULL
         WHERE id = ? AND state = 'sending'`,
        [status, id],
      );
      await m.query(`UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = ?`, [
        subscriptionId,
      ]);
    });
  }

  /** Records a failed attempt; returns the subscription's consecutive failures so far. */
  async webhookFailed(
    tx: Tx,
    id: string,
    subscriptionId: string,
    status: number | null,
    error: string,
    final: boolean,
  ): Promise<number> {
    await tx.manager.query(
      `UPDATE webhook_delivery SET state = ?, claimed_until = NULL, last_status = ?, last_error = ?
       WHERE id = ? AND state = 'sending'`,
      [final ? 'dead' : 'failed', status, error.slice(0, 500), id],
    );
    await tx.manager.query(
      `UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1 WHERE id = ?`,
      [subscriptionId],
    );
    const [row] = (await tx.manager.query(
      `SELECT consecutive_failures AS n FROM webhook_subscription WHERE id = ? FOR UPDATE`,
      [subscriptionId],
    )) as { n: number }[];
    return Number(row?.n ?? 0);
  }

  /** Disables an active subscription and cancels what waits for it; false if already off. */
  async disableSubscription(tx: Tx, subscriptionId: string): Promise<boolean> {
    const result = (await tx.manager.query(
      `UPDATE webhook_subscription SET active = 0, disabled_at = NOW(3) WHERE id = ? AND active = 1`,
      [subscriptionId],
    )) as OkPacket;
    await tx.manager.query(
      `UPDATE webhook_delivery SET state = 'cancelled', claimed_until = NULL
       WHERE subscription_id = ? AND state IN ('pending', 'failed')`,
      [subscriptionId],
    );
    return result.affectedRows === 1;
  }

  async webhookCancelled(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE webhook_delivery SET state = 'cancelled', claimed_until = NULL WHERE id = ?`,
      [id],
    );
  }

  async createSubscription(
    tx: Tx,
    s: { id: string; url: string; secret: string; committee: string | null; createdBy: string },
  ): Promise<void> {
    await tx.manager.query(
      `INSERT INTO webhook_subscription (id, url, secret, committee, created_by, active)
       VALUES (?, ?, ?, ?, ?, 1)`,
      [s.id, s.url, s.secret, s.committee, s.createdBy],
    );
  }

  async listSubscriptions(committee: string | null): Promise<WebhookSubscriptionView[]> {
    const rows = (await this.ds.query(
      `SELECT id, url, committee, created_by AS createdBy, active,
              consecutive_failures AS consecutiveFailures, disabled_at AS disabledAt,
              created_at AS createdAt
       FROM webhook_subscription ${committee === null ? '' : 'WHERE committee = ?'}
       ORDER BY created_at, id`,
      committee === null ? [] : [committee],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      ...(r as unknown as WebhookSubscriptionView),
      active: Boolean(Number(r.active)),
      consecutiveFailures: Number(r.consecutiveFailures),
    }));
  }

  async findSubscription(id: string, tx?: Tx): Promise<WebhookSubscriptionView | null> {
    const rows = (await this.m(tx).query(
      `SELECT id, url, committee, created_by AS createdBy, active,
              consecutive_failures AS consecutiveFailures, disabled_at AS disabledAt,
              created_at AS createdAt
       FROM webhook_subscription WHERE id = ?`,
      [id],
    )) as Record<string, unknown>[];
    const r = rows[0];
    return r
      ? {
          ...(r as unknown as WebhookSubscriptionView),
          active: Boolean(Number(r.active)),
          consecutiveFailures: Number(r.consecutiveFailures),
        }
      : null;
  }

  async deleteSubscription(tx: Tx, id: string): Promise<void> {
    await tx.manager.query(
      `UPDATE webhook_delivery SET state = 'cancelled' WHERE subscription_id = ?
         AND state IN ('pending', 'failed')`,
      [id],
    );
    await tx.manager.query(`DELETE FROM webhook_subscription WHERE id = ?`, [id]);
  }
}
