import nodemailer, { type Transporter } from 'nodemailer';
import { positiveInteger } from '../portal/client.js';
import type { ComposedMessage } from './messages.js';

/** How to reach the SMTP relay. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  /** The sender, e.g. `"Trung tâm PVHCC" <motcua@example.gov.vn>`. */
  from: string;
  /** Refuse to send without TLS (production). */
  requireTls?: boolean;
}

/**
 * SMTP settings from the environment: `SMTP_HOST` (unset = e-mail off), `SMTP_PORT`,
 * `SMTP_SECURE`, `SMTP_USER`, `SMTP_PASS`, `SMTP_FROM`.
 *
 * @example smtpConfigFromEnv(process.env)
 */
export function smtpConfigFromEnv(env: Record<string, string | undefined>): SmtpConfig | null {
  if (!env.SMTP_HOST) return null;
  return {
    host: env.SMTP_HOST, port: positiveInteger('SMTP_PORT', env.SMTP_PORT ?? '587'), secure: env.SMTP_SECURE === 'true', user: env.SMTP_USER, pass: env.SMTP_PASS,
    from: env.SMTP_FROM ?? 'Motcua <no-reply@localhost>', requireTls: env.NODE_ENV === 'production',
  };
}

/**
 * Sends composed messages by SMTP (nodemailer).
 *
 * @example
 * const mailer = new EmailSender(config);
 * await mailer.send('anh@example.vn', composeMessage(data));
 */
export class EmailSender {
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host, port: config.port, secure: config.secure, requireTLS: config.requireTls ?? false,
      auth: config.user ? { user: config.user, pass: config.pass } : undefined,
    });
  }

  /** Sends one message; resolves with the relay's message id. */
  async send(to: string, message: ComposedMessage): Promise<string> {
    const info = await this.transport.sendMail({ from: this.config.from, to, subject: message.subject, text: message.text, html: message.html });
    return info.messageId;
  }

  close(): void {
    this.transport.close();
  }
}
