import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../database/unit-of-work.repository.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
} from '../../notifications/webhook-signature.js';
import { postWebhook } from '../../notifications/webhook-target.js';
import { OPEN_STATUSES } from '../../tasks/tasks.repository.js';
import type { TaskStatus } from '../../tasks/task-status.js';
import type { JobName, JobPayloads } from '../queues.js';

export type DeliverWebhookPayload = JobPayloads[JobName.DeliverWebhook];

/**
 * Posts one webhook delivery, signed. A failure is retried with backoff (BullMQ); after
 * WEBHOOK_MAX_FAILURES failures in a row the subscription is disabled, with an audit event.
 * Receivers should de-duplicate on the X-Dondoc-Delivery header: a receiver that answered
 * 2xx after our timeout gets the delivery again.
 */
@Injectable()
export class DeliverWebhookJob {
  private readonly logger = new Logger(DeliverWebhookJob.name);

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async handle(payload: DeliverWebhookPayload, lastAttempt: boolean): Promise<string> {
    const id = payload.deliveryId;
    if (!(await this.repo.claimWebhook(id, this.config.NOTIFY_CLAIM_SECONDS))) return 'skipped';
    const d = await this.repo.findWebhookDelivery(id);
    if (!d) return 'missing';
    if (
      !d.active ||
      (d.obligationId !== null &&
        (d.metAt !== null || !OPEN_STATUSES.includes(d.taskStatus as TaskStatus)))
    ) {
      await this.repo.webhookCancelled(id);
      return 'cancelled';
    }
    const body = JSON.stringify({
      deliveryId: d.id,
      event: d.eventKey,
      kind: d.kind,
      stage: d.stage,
      taskId: d.taskId,
      taskTitle: d.taskTitle,
      committee: d.committee,
      obligationId: d.obligationId,
      dueOn: d.dueOn,
      createdAt: d.createdAt,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let failure: string;
    try {
      status = await postWebhook({
        url: d.url,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'dondoc-webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
          [TIMESTAMP_HEADER]: timestamp,
          [DELIVERY_HEADER]: d.id,
        },
        body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
        allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      });
      if (status >= 200 && status < 300) {
        await this.repo.webhookDelivered(id, d.subscriptionId, status);
        return 'delivered';
      }
      failure = `HTTP ${status}`;
    } catch (error) {
      failure = (error as Error).message ?? String(error);
    }
    const disabled = await this.uow.run(async (tx) => {
      const failures = await this.repo.webhookFailed(
        tx,
        id,
        d.subscriptionId,
        status,
        failure,
        lastAttempt,
      );
      if (failures < this.config.WEBHOOK_MAX_FAILURES) return false;
      if (!(await this.repo.disableSubscription(tx, d.subscriptionId))) return false;
      await this.audit.record(tx, null, {
        action: 'webhook.disabled',
        entityType: 'webhook_subscription',
        entityId: d.subscriptionId,
        before: { active: true },
        after: { active: false, consecutiveFailures: failures, lastError: failure },
      });
      return true;
    });
    if (disabled) {
      this.logger.warn(`webhook ${d.subscriptionId} disabled after ${failure}`);
      return 'disabled';
    }
    throw new Error(`webhook ${d.url}: ${failure}`);
  }
}
