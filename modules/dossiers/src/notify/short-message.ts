/** The short-message channels an agency may contract (SMS brandname, Zalo OA). */
export type ShortMessageChannel = 'SMS' | 'ZALO';

/**
 * Port for SMS and Zalo gateways: each provider (Viettel, VNPT, Zalo ZNS…) is one adapter.
 *
 * @example await sender.send('0912345678', composeMessage(data).short);
 */
export interface ShortMessageSender {
  readonly channel: ShortMessageChannel;
  send(phone: string, text: string): Promise<void>;
}

/**
 * An adapter that only logs (development, and agencies without a gateway contract). The phone
 * number is masked in the log: it is personal data.
 */
export class LoggingShortMessageSender implements ShortMessageSender {
  constructor(
    readonly channel: ShortMessageChannel,
    private readonly log: { info(fields: object, message: string): void }, // a pino logger
  ) {}

  async send(phone: string, text: string): Promise<void> {
    this.log.info({ channel: this.channel, to: maskPhone(phone), text }, 'short message (not sent: logging adapter)');
  }
}

/**
 * Keeps the last three digits of a phone number.
 *
 * @example maskPhone('0912345678') // '*******678'
 */
export function maskPhone(phone: string): string {
  let digitsLeft = phone.replace(/\D/g, '').length;
  return phone.replace(/\d/g, (digit) => (digitsLeft-- > 3 ? '*' : digit));
}
