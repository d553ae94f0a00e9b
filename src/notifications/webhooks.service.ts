import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import {
  NotificationsRepository,
  type WebhookSubscriptionView,
} from './notifications.repository.js';
import { assertWebhookTarget, WebhookTargetError } from './webhook-target.js';

export const WEBHOOK_NOT_FOUND = { vi: 'đăng ký webhook', en: 'Webhook subscription' };

/** Subscriptions: an office sees and manages its committee's, an admin all of them. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  private scope(actor: Actor): string | null {
    return actor.role === 'admin' ? null : actor.committee;
  }

  list(actor: Actor): Promise<WebhookSubscriptionView[]> {
    return this.repo.listSubscriptions(this.scope(actor));
  }

  /** The secret is shown once, here; afterwards only its owner's receiver knows it. */
  async create(actor: Actor, url: string): Promise<WebhookSubscriptionView & { secret: string }> {
    await this.assertReachable(url);
    const id = randomUUID();
    const secret = randomBytes(32).toString('hex');
    const committee = this.scope(actor);
    return this.uow.run(async (tx) => {
      await this.repo.createSubscription(tx, {
        id,
        url,
        secret,
        committee,
        createdBy: actor.userId,
      });
      await this.audit.record(tx, actor, {
        action: 'webhook.create',
        entityType: 'webhook_subscription',
        entityId: id,
        after: { url, committee },
      });
      const created = (await this.repo.findSubscription(id, tx))!;
      return { ...created, secret };
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const sub = await this.repo.findSubscription(id, tx);
      const scope = this.scope(actor);
      if (!sub || (scope !== null && sub.committee !== scope)) {
        throw AppError.notFound(WEBHOOK_NOT_FOUND);
      }
      await this.repo.deleteSubscription(tx, id);
      await this.audit.record(tx, actor, {
        action: 'webhook.delete',
        entityType: 'webhook_subscription',
        entityId: id,
        before: { url: sub.url, committee: sub.committee, active: sub.active },
      });
    });
  }

  /**
   * The address the URL names must be one webhooks may reach (webhook-target.ts); checked again,
   * on the connection itself, at every delivery.
   */
  private async assertReachable(url: string): Promise<void> {
    try {
      await assertWebhookTarget(url, this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS);
    } catch (error) {
      if (!(error instanceof WebhookTargetError)) throw error;
      const [vi, en] =
        error.reason === 'unresolved'
          ? [
              `Không tìm thấy máy chủ của địa chỉ này (${error.address}).`,
              `The host name does not resolve (${error.address}).`,
            ]
          : error.reason === 'private'
            ? [
                `Địa chỉ ${error.address} thuộc mạng nội bộ; chỉ nhận khi quản trị bật WEBHOOK_ALLOW_PRIVATE_NETWORKS.`,
                `${error.address} is a loopback or private address; allowed only with WEBHOOK_ALLOW_PRIVATE_NETWORKS.`,
              ]
            : [
                `Địa chỉ ${error.address} không thể nhận webhook (địa chỉ dành riêng).`,
                `${error.address} is a reserved address and cannot receive webhooks.`,
              ];
      throw AppError.badRequest('Địa chỉ webhook không hợp lệ.', 'Invalid webhook URL.', [
        { field: 'url', message: vi, messageEn: en },
      ]);
    }
  }
}
