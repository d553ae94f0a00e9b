import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/unit-of-work.repository.js';
import { OPEN_STATUSES } from '../tasks/tasks.repository.js';

export interface FeedOwner {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  organizationId: string;
  committee: string;
}

export interface FeedDeadline {
  obligationId: string;
  labelVi: string;
  dueOn: string;
  taskId: string;
  taskTitle: string;
  documentNumber: string | null;
  documentTitle: string | null;
}

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Replaces the user's token (one per user): the old link stops working. */
  async saveToken(tx: Tx, userId: string, tokenHash: string): Promise<void> {
    await tx.manager.query(
      `INSERT INTO calendar_token (user_id, token_hash) VALUES (?, ?)
       ON DUPLICATE KEY UPDATE token_hash = VALUES(token_hash), created_at = CURRENT_TIMESTAMP(3)`,
      [userId, tokenHash],
    );
  }

  async deleteToken(tx: Tx, userId: string): Promise<boolean> {
    const r = (await tx.manager.query(`DELETE FROM calendar_token WHERE user_id = ?`, [
      userId,
    ])) as { affectedRows: number };
    return r.affectedRows > 0;
  }

  async ownerOf(tokenHash: string): Promise<FeedOwner | null> {
    const rows = (await this.ds.query(
      `SELECT u.id AS userId, u.username, u.display_name AS displayName, u.role,
              u.organization_id AS organizationId, o.province AS committee
       FROM calendar_token c
       JOIN app_user u ON u.id = c.user_id AND u.active = 1
       JOIN organization o ON o.id = u.organization_id
       WHERE c.token_hash = ?`,
      [tokenHash],
    )) as FeedOwner[];
    return rows[0] ?? null;
  }

  /**
   * Unmet obligations of open tasks the user answers for: their body's as lead; for an office
   * or an inspector, every one of their committee (they follow them all).
   */
  async deadlines(owner: FeedOwner, from: string, limit: number): Promise<FeedDeadline[]> {
    const committeeWide = owner.role === 'office' || owner.role === 'inspector';
    return (await this.ds.query(
      `SELECT o.id AS obligationId, o.label_vi AS labelVi, o.due_on AS dueOn,
              t.id AS taskId, t.title AS taskTitle, d.number AS documentNumber,
              d.title AS documentTitle
       FROM obligation o
       JOIN task t ON t.id = o.task_id AND t.status IN (?)
       LEFT JOIN document d ON d.id = t.document_id
       WHERE o.met_at IS NULL AND o.due_on >= ?
         AND ${committeeWide ? 't.committee = ?' : 't.lead_org_id = ?'}
       ORDER BY o.due_on, o.id
       LIMIT ?`,
      [OPEN_STATUSES, from, committeeWide ? owner.committee : owner.organizationId, limit],
    )) as FeedDeadline[];
  }
}
