import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** derived from the row, so a receiver can tell a resend from a new message */
  messageId: string;
}

/** E-mail through SMTP_URL; without it, e-mail is off and no e-mail rows are made. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL
      ? // A few pooled connections, whatever NOTIFY_CONCURRENCY is: SMTP servers limit them.
        nodemailer.createTransport(
          { url: config.SMTP_URL, pool: true, maxConnections: 5 } as never,
          {
            from: config.MAIL_FROM,
          },
        )
      : null;
    if (!this.transport) this.logger.log('SMTP_URL not set: e-mail notifications are off');
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** The host part of Message-IDs: PUBLIC_URL's, so they are unique to this installation. */
  messageId(kind: string, id: string): string {
    return `<${kind}-${id}@${new URL(this.config.PUBLIC_URL).hostname}>`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_URL is not set: cannot send e-mail');
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
