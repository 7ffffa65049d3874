/**
 * The dossiers module's public face for other modules: the lifecycle state machine (pure), the
 * dossier code, form rendering, national-portal payloads and notification ports.
 *
 * @example
 * const result = transition(DossierState.PROCESSING, { type: DossierAction.HAND_OVER }, context);
 * if (!result.ok) throw new AppError('INVALID_TRANSITION', ...); // or use applyTransition()
 */
export { DossierState, NationalStatus, NATIONAL_STATUS, NATIONAL_STATUS_LABEL, nationalStatusOf } from './lifecycle/states.js';
export { type LifecycleRules, LIFECYCLE_RULES, RULES_DECREE_61_2018, RULES_DECREE_118_2025, lifecycleRulesFor } from './lifecycle/rules.js';
export {
  DossierAction, ClockEffect, FormKind, DossierEventName, TransitionFlag, ReturnMethod, type LifecycleContext, type ActionInput,
} from './lifecycle/actions.js';
export { TRANSITIONS, type TransitionRule, type TransitionId, type TransitionOutputs, type InputProblem } from './lifecycle/transitions.js';
export {
  allowedActions, transition, applyTransition, type TransitionOutcome, type InvalidTransition, type RejectedInput, type TransitionResult,
} from './lifecycle/machine.js';
export {
  CODE_TIME_ZONE, SEQUENCE_DIGITS, FOREIGN_CODE_PATTERN, type DossierCodeParts, localDay, formatDossierCode, parseDossierCode, assertUnitCode,
} from './code/dossier-code.js';
export { FormSet, FORM_SETS, FORM_TEMPLATES, type FormSetVersion, type FormTemplate, formSetFor, templateFor } from './forms/templates.js';
export type {
  FormData, FormIssuer, FormApplicant, ReceiptComponent, ReceiptSlipData, SupplementRequestData, RefusalData, ApologyData, StopNoticeData,
  ControlSheetData, Handover, HandoverTimeliness, TrackingBookData, TrackingBookRow,
} from './forms/form-data.js';
export { renderForm, type RenderedForm } from './forms/render.js';
export { trackingBookWorkbook } from './forms/tracking-book-excel.js';
export { code39Png, qrPng } from './forms/barcodes.js';
export { vnDate, vnDateTime, placeAndDate } from './forms/vietnamese-time.js';
export {
  portalDate, dossierPayload, processLogPayload, type PortalDossierInput, type PortalFile, type PortalLogInput, type HoSoDongBoDVC,
  type QuaTrinhXuLyDongBoDVC,
} from './portal/payload.js';
export { PortalClient, PortalError, type PortalConfig, DEFAULT_PORTAL_PATHS, portalConfigFromEnv } from './portal/client.js';
export { Channel } from './dossier/dossier.entity.js';
export { NotificationKind, type NotificationData, type ComposedMessage, composeMessage } from './notify/messages.js';
export { EmailSender, type SmtpConfig, smtpConfigFromEnv } from './notify/email.js';
export { type ShortMessageSender, type ShortMessageChannel, LoggingShortMessageSender, maskPhone } from './notify/short-message.js';
export { DossierNotifier, type Recipient, type NotificationReport } from './notify/notifier.js';
export { DossierTransitioned, type DossierTransitionedPayload } from './events.js';
export { type Milestones, milestonesAfter } from './dossier/milestones.js';
export { publicTracking, type PublicTracking, type TrackedDossier, type TrackedLogLine } from './tracking/public-view.js';

/** Test fixtures on the demo province (a procedure with an e-form case, a three-step process), for tests outside the module. */
export { DESK, JUSTICE, JUSTICE_UNIT, PROCEDURE_CODE, procedureContent, threeStepProcess } from './testing/fixtures.js';
export { worksheetTexts } from './testing/workbook.js';
