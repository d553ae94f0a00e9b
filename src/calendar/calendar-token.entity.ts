import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt } from '../database/timestamps.entity.js';

/**
 * A user's calendar feed token. Only its SHA-256 is kept: a leaked database does not open
 * anyone's feed, and deleting the row revokes it. One per user; a new one replaces the old.
 */
@Entity({ name: 'calendar_token' })
@Index('uq_calendar_token_hash', ['tokenHash'], { unique: true })
export class CalendarTokenRow {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @CreatedAt()
  createdAt!: Date;
}
