import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/timestamps.entity.js';

/**
 * One message to one user on one channel. The row decides: it is created once under its unique
 * key (a sweep run twice adds nothing), and its state says whether it still has to go out (a
 * lost Redis or a crashed worker loses nothing, the next sweep re-enqueues what is not done).
 *
 * state: pending → sending (claimed until claimed_until) → delivered; failed (will retry);
 * dead (attempts used up); cancelled (no longer wanted); held (e-mail waiting for the digest).
 */
@Entity({ name: 'notification' })
@Index('uq_notification_event', ['eventKey', 'userId', 'channel'], { unique: true })
@Index('idx_notification_state', ['state', 'channel'])
@Index('idx_notification_user', ['userId', 'channel', 'id'])
@Index('idx_notification_obligation', ['obligationId', 'state'])
@Index('idx_notification_task', ['taskId', 'state'])
export class NotificationRow {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** what happened: reminder:<obligationId>:<stage>, task:<taskId>:<event>:<ref> */
  @Column({ name: 'event_key', type: 'varchar', length: 120 })
  eventKey!: string;

  @Column({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  /** in_app | email */
  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  /** due_soon | due_today | overdue | escalation | assigned | returned | verified | report */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  stage!: string | null;

  @Column({ name: 'task_id', type: 'char', length: 36, nullable: true })
  taskId!: string | null;

  @Column({ name: 'obligation_id', type: 'char', length: 36, nullable: true })
  obligationId!: string | null;

  /** the day the reminder was meant for (the sweep's today) */
  @Column({ name: 'fires_on', type: 'date', nullable: true })
  firesOn!: string | null;

  @Column({ type: 'varchar', length: 10 })
  state!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt!: Date | null;

  @Column({ name: 'digest_id', type: 'bigint', unsigned: true, nullable: true })
  digestId!: string | null;

  /** free text that came with a task event (the reason of a return) */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail!: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @CreatedAt()
  createdAt!: Date;
}

/** How a user wants e-mail: each message at once, or one digest a day. */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceRow {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  /** immediate | digest */
  @Column({ name: 'email_mode', type: 'varchar', length: 10, default: 'immediate' })
  emailMode!: string;

  @UpdatedAt()
  updatedAt!: Date;
}

/** One user's digest of one day: the unique key makes the daily e-mail happen once. */
@Entity({ name: 'notification_digest' })
@Index('uq_notification_digest_day', ['userId', 'digestDate'], { unique: true })
export class NotificationDigestRow {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'user_id', type: 'char', length: 36 })
  userId!: string;

  @Column({ name: 'digest_date', type: 'date' })
  digestDate!: string;

  /** pending | sending | delivered | empty | failed */
  @Column({ type: 'varchar', length: 10 })
  state!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'item_count', type: 'int', unsigned: true, default: 0 })
  itemCount!: number;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;
}

/** A URL that receives signed events; created by an office (its committee) or an admin (all). */
@Entity({ name: 'webhook_subscription' })
@Index('idx_webhook_subscription_active', ['active', 'committee'])
export class WebhookSubscriptionRow {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 500 })
  url!: string;

  @Column({ type: 'varchar', length: 128 })
  secret!: string;

  /** null: every committee (admin subscriptions) */
  @Column({ type: 'varchar', length: 64, nullable: true })
  committee!: string | null;

  @Column({ name: 'created_by', type: 'char', length: 36 })
  createdBy!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'consecutive_failures', type: 'int', unsigned: true, default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true })
  disabledAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;
}

/** One event for one subscription, under a unique key like NotificationRow. */
@Entity({ name: 'webhook_delivery' })
@Index('uq_webhook_delivery_event', ['subscriptionId', 'eventKey'], { unique: true })
@Index('idx_webhook_delivery_state', ['state'])
@Index('idx_webhook_delivery_event_key', ['eventKey'])
@Index('idx_webhook_delivery_obligation', ['obligationId', 'state'])
export class WebhookDeliveryRow {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'subscription_id', type: 'char', length: 36 })
  subscriptionId!: string;

  @Column({ name: 'event_key', type: 'varchar', length: 120 })
  eventKey!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  stage!: string | null;

  @Column({ name: 'task_id', type: 'char', length: 36, nullable: true })
  taskId!: string | null;

  @Column({ name: 'obligation_id', type: 'char', length: 36, nullable: true })
  obligationId!: string | null;

  @Column({ type: 'varchar', length: 10 })
  state!: string;

  @Column({ type: 'int', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'last_status', type: 'smallint', unsigned: true, nullable: true })
  lastStatus!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @CreatedAt()
  createdAt!: Date;
}

export const NOTIFICATION_ENTITIES = [
  NotificationRow,
  NotificationPreferenceRow,
  NotificationDigestRow,
  WebhookSubscriptionRow,
  WebhookDeliveryRow,
];
