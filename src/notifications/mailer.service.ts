import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** derived from the row, so a receiver can tell a resend from a new message */
  messageId: string;
}

/** SMTP connections one process keeps: SMTP servers limit them, whatever NOTIFY_CONCURRENCY is. */
export const SMTP_CONNECTIONS = 5;

/** E-mail through SMTP_URL; without it, e-mail is off and no e-mail rows are made. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  // Made at the first send: only the worker sends, and nodemailer is ~1.5 MB of heap the API
  // would hold for nothing. The first e-mail of a process waits for the import.
  private transport: Promise<Transporter> | null = null;

  constructor(private readonly config: AppConfig) {
    if (!this.enabled) this.logger.log('SMTP_URL not set: e-mail notifications are off');
  }

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  /** The host part of Message-IDs: PUBLIC_URL's, so they are unique to this installation. */
  messageId(kind: string, id: string): string {
    return `<${kind}-${id}@${new URL(this.config.PUBLIC_URL).hostname}>`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const transport = await this.transporter();
    await transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  private transporter(): Promise<Transporter> {
    const url = this.config.SMTP_URL;
    if (!url) throw new Error('SMTP_URL is not set: cannot send e-mail');
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      // A few pooled connections, whatever NOTIFY_CONCURRENCY is: SMTP servers limit them.
      nodemailer.createTransport({ url, pool: true, maxConnections: SMTP_CONNECTIONS } as never, {
        from: this.config.MAIL_FROM,
      }),
    );
    return this.transport;
  }

  async onModuleDestroy(): Promise<void> {
    const transport = await this.transport?.catch(() => null);
    transport?.close();
  }
}
