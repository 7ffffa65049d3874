import type { EmailSender } from './email.js';
import { composeMessage, type NotificationData } from './messages.js';
import type { ShortMessageSender } from './short-message.js';

/** Where the applicant can be reached. */
export interface Recipient {
  email?: string | null;
  phone?: string | null;
}

/** What was sent on which channel. */
export interface NotificationReport {
  email?: string;
  short: Array<{ channel: string }>;
}

/**
 * Tells the applicant by every channel available: e-mail when there is an address and a relay,
 * SMS/Zalo when there is a phone number. The outbox handler that calls it retries on failure.
 *
 * @example await new DossierNotifier(mailer, [sms]).notify({ email, phone }, data);
 */
export class DossierNotifier {
  constructor(
    private readonly email: EmailSender | null,
    private readonly shortMessages: readonly ShortMessageSender[],
  ) {}

  async notify(recipient: Recipient, data: NotificationData): Promise<NotificationReport> {
    const message = composeMessage(data);
    const report: NotificationReport = { short: [] };
    if (this.email && recipient.email) report.email = await this.email.send(recipient.email, message);
    if (recipient.phone) {
      for (const sender of this.shortMessages) {
        await sender.send(recipient.phone, message.short);
        report.short.push({ channel: sender.channel });
      }
    }
    return report;
  }
}
