import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { MailerService } from '../../notifications/mailer.service.js';
import { renderDigest } from '../../notifications/notification-message.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import type { JobName, JobPayloads } from '../queues.js';

export type SendDigestPayload = JobPayloads[JobName.SendDigest];

/**
 * One user's daily e-mail: every reminder held for the digest since the last one, in one
 * message; nothing when there is nothing. The digest row (unique per user and day) is
 * claimed like a notification, so the day's digest goes out once.
 */
@Injectable()
export class SendDigestJob {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async handle(payload: SendDigestPayload): Promise<{ items: number } | 'skipped'> {
    const digestId = await this.repo.claimDigest(
      payload.userId,
      payload.digestDate,
      this.config.NOTIFY_CLAIM_SECONDS,
    );
    if (!digestId) return 'skipped';
    try {
      const items = await this.repo.collectDigest(digestId, payload.userId);
      const to = items[0]?.userEmail;
      if (items.length > 0 && to && this.mailer.enabled) {
        const mail = renderDigest(
          items[0]!.userName,
          payload.digestDate,
          items,
          this.config.PUBLIC_URL,
        );
        await this.mailer.send({
          to,
          subject: mail.subject,
          text: mail.text,
          messageId: this.mailer.messageId('digest', digestId),
        });
      }
      await this.repo.finishDigest(digestId, to && this.mailer.enabled ? items.length : 0);
      return { items: items.length };
    } catch (error) {
      await this.repo.failDigest(digestId);
      throw error;
    }
  }
}
