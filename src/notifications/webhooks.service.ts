import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../common/errors/app-error.js';
import { UnitOfWork } from '../database/unit-of-work.repository.js';
import {
  NotificationsRepository,
  type WebhookSubscriptionView,
} from './notifications.repository.js';

export const WEBHOOK_NOT_FOUND = { vi: 'đăng ký webhook', en: 'Webhook subscription' };

/** Subscriptions: an office sees and manages its committee's, an admin all of them. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  private scope(actor: Actor): string | null {
    return actor.role === 'admin' ? null : actor.committee;
  }

  list(actor: Actor): Promise<WebhookSubscriptionView[]> {
    return this.repo.listSubscriptions(this.scope(actor));
  }

  /** The secret is shown once, here; afterwards only its owner's receiver knows it. */
  async create(actor: Actor, url: string): Promise<WebhookSubscriptionView & { secret: string }> {
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
}
