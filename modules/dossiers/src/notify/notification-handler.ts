import type { EventHandlerDefinition } from '@motcua/kernel/contract';
import { Dossier } from '../dossier/dossier.entity.js';
import { DossierTransitioned, type DossierTransitionedPayload } from '../events.js';
import { DossierEventName } from '../lifecycle/actions.js';
import { EmailSender, type SmtpConfig } from './email.js';
import { NotificationKind, type NotificationData } from './messages.js';
import { DossierNotifier } from './notifier.js';
import { LoggingShortMessageSender, type ShortMessageSender } from './short-message.js';

/** How the module reaches applicants. */
export interface NotificationOptions {
  /** SMTP relay; null = no e-mail. */
  smtp: SmtpConfig | null;
  /** SMS/Zalo gateways; absent = log the short texts only. */
  shortMessages?: ShortMessageSender[];
  /** The public tracking page of a dossier code. */
  trackingUrl: (code: string) => string;
  /** The public rating page of a rating token (`<site>/admin/danh-gia/<token>`); absent = no rating link. */
  ratingUrl?: (token: string) => string;
}

/** Which lifecycle events the applicant is told about. */
const KIND_OF_EVENT: ReadonlyArray<[DossierEventName, NotificationKind]> = [
  [DossierEventName.RECEIVED, NotificationKind.RECEIVED],
  // A boundary-free dossier: the competent agency's receipt sets the appointment the slip could not give.
  [DossierEventName.COMPETENT_AGENCY_RECEIVED, NotificationKind.RECEIVED],
  [DossierEventName.SUPPLEMENT_REQUESTED, NotificationKind.SUPPLEMENT_REQUESTED],
  [DossierEventName.APOLOGY_ISSUED, NotificationKind.APOLOGY_ISSUED],
  [DossierEventName.DONE, NotificationKind.RESULT_READY],
];

const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function notificationData(kind: NotificationKind, dossier: Dossier, event: DossierTransitionedPayload, options: NotificationOptions): NotificationData {
  const common = { applicantName: dossier.applicantName, dossierCode: dossier.code!, procedureName: dossier.procedureName, agencyName: dossier.agencyName, trackingUrl: options.trackingUrl(dossier.code!) };
  const dueAt = new Date(event.dueAt ?? event.at);
  switch (kind) {
    case NotificationKind.RECEIVED:
      return { ...common, kind, receivedAt: new Date(event.at), dueAt: event.dueAt ? new Date(event.dueAt) : null };
    case NotificationKind.SUPPLEMENT_REQUESTED:
      return { ...common, kind, items: listOf(event.details.missing) };
    case NotificationKind.APOLOGY_ISSUED:
      return { ...common, kind, reason: String(event.details.reason ?? ''), newDueAt: dueAt };
    case NotificationKind.RESULT_READY:
      return {
        ...common, kind, returnPlace: String(event.details.returnPlace ?? dossier.agencyName),
        ratingUrl: options.ratingUrl && typeof event.details.ratingToken === 'string' ? options.ratingUrl(event.details.ratingToken) : null,
      };
  }
}

/**
 * Tells the applicant about receipt, supplement requests, apologies and results, after the
 * transition committed (outbox; retried on failure, so a message may repeat but is never lost).
 */
export function notificationHandler(options: NotificationOptions): EventHandlerDefinition<DossierTransitionedPayload> {
  const email = options.smtp ? new EmailSender(options.smtp) : null;
  return {
    name: 'dossiers.notifyApplicant',
    event: DossierTransitioned.type,
    async handle({ payload }, { em, log }) {
      const kind = KIND_OF_EVENT.find(([event]) => payload.events.includes(event))?.[1];
      if (!kind) return;
      const dossier = await em.findOneOrFail(Dossier, payload.dossierId);
      if (!dossier.code) return;
      const notifier = new DossierNotifier(email, options.shortMessages ?? [new LoggingShortMessageSender('SMS', log)]);
      const report = await notifier.notify({ email: dossier.applicantEmail, phone: dossier.applicantPhone }, notificationData(kind, dossier, payload, options));
      log.info({ dossierId: dossier.id, kind, email: Boolean(report.email), short: report.short.length }, 'applicant notified');
    },
  };
}
