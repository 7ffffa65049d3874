import type { Bilingual } from '@motcua/kernel/contract';
import { type ActionInput, ClockEffect, ReturnMethod, DossierAction as A, DossierEventName as E, FormKind as F, type LifecycleContext, TransitionFlag } from './actions.js';
import { DossierState as S } from './states.js';

/**
 * The numbered transitions of domain doc §5.2. T17 is split into its four steps; T3b is the
 * competent agency's receipt of a boundary-free dossier (§0.2 item 2), which the table folds into T3.
 */
export type TransitionId =
  | 'T1' | 'T2' | 'T3' | 'T3b' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10' | 'T11' | 'T12' | 'T13' | 'T14' | 'T15' | 'T16'
  | 'T17a' | 'T17b' | 'T17c' | 'T17d' | 'T18' | 'T19';

/** What a transition produces besides the new state. */
export interface TransitionOutputs {
  clock: ClockEffect;
  forms: F[];
  events: E[];
  flags: TransitionFlag[];
}

/** A problem with the action's own input (not with the dossier's state). */
export interface InputProblem {
  field: string;
  reason: Bilingual;
}

/** One row of the transition table: data plus small pure functions. */
export interface TransitionRule {
  id: TransitionId;
  action: A;
  from: readonly S[];
  to: S | ((ctx: LifecycleContext) => S);
  /** Why the dossier's facts forbid this now (null = allowed); read by `allowedActions` too. */
  guard?: (ctx: LifecycleContext) => Bilingual | null;
  /** Checks the action's input (reasons, dates, recipient). */
  input?: (action: ActionInput, ctx: LifecycleContext) => InputProblem | null;
  outputs: (ctx: LifecycleContext) => TransitionOutputs;
}

const out = (clock: ClockEffect, forms: F[], events: E[], flags: TransitionFlag[] = []): TransitionOutputs => ({ clock, forms, events, flags });
const fixed = (outputs: TransitionOutputs) => () => outputs;

const nonEmptyList = (field: 'missing' | 'reasons', what: Bilingual) => (action: ActionInput): InputProblem | null => {
  const list = (action as Record<string, unknown>)[field];
  return Array.isArray(list) && list.some((item) => typeof item === 'string' && item.trim() !== '')
    ? null
    : { field, reason: { vi: `Phải nêu ${what.vi}`, en: `List ${what.en}` } };
};

const nonBlank = (field: string, what: Bilingual) => (action: ActionInput): InputProblem | null => {
  const value = (action as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? null : { field, reason: { vi: `Thiếu ${what.vi}`, en: `Missing ${what.en}` } };
};

/** Pre-result states from which the applicant may withdraw (T15). */
const PRE_RESULT: readonly S[] = [S.SUBMITTED, S.NEEDS_COMPLETION, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION];

function apologyGuard(ctx: LifecycleContext): Bilingual | null {
  const { apology } = ctx.rules;
  if (apology.maxCount !== null && ctx.apologiesIssued >= apology.maxCount) {
    return { vi: `đã xin lỗi và hẹn lại ${ctx.apologiesIssued} lần (tối đa ${apology.maxCount})`, en: `already apologised ${ctx.apologiesIssued} time(s) (at most ${apology.maxCount})` };
  }
  if (apology.onlyBeforeDue && (ctx.dueAt === null || ctx.now.getTime() >= ctx.dueAt.getTime())) {
    return { vi: 'chỉ được xin lỗi và hẹn lại trước thời hạn trả kết quả', en: 'an apology must be issued before the due time' };
  }
  return null;
}

function apologyInput(action: ActionInput, ctx: LifecycleContext): InputProblem | null {
  const { newDueAt, reason } = action as Extract<ActionInput, { type: A.ISSUE_APOLOGY }>;
  const reasonProblem = nonBlank('reason', { vi: 'lý do chậm trễ', en: 'the reason for the delay' })(action);
  if (reasonProblem) return reasonProblem;
  if (!(newDueAt instanceof Date) || Number.isNaN(newDueAt.getTime()) || (ctx.dueAt !== null && newDueAt <= ctx.dueAt)) {
    return { field: 'newDueAt', reason: { vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại', en: 'The new due date must be after the current one' } };
  }
  return null;
}

function supplementOutputs(ctx: LifecycleContext): TransitionOutputs {
  const ordinal = ctx.supplementRequests + 1;
  const flags = ordinal >= ctx.rules.supplement.flaggedFromRequest ? [TransitionFlag.SUPPLEMENT_COUNTS_LATE] : [];
  return out(ClockEffect.PAUSE, [F.SUPPLEMENT_REQUEST], [E.SUPPLEMENT_REQUESTED], flags);
}

function supplementGuard(ctx: LifecycleContext): Bilingual | null {
  const max = ctx.rules.supplement.maxRequestsDuringProcessing;
  return max !== null && ctx.supplementRequests >= max
    ? { vi: `đã yêu cầu bổ sung ${ctx.supplementRequests} lần (tối đa ${max})`, en: `supplement already requested ${ctx.supplementRequests} time(s) (at most ${max})` }
    : null;
}

/** Receipt (T3, T4): the slip and the book; a boundary-free dossier's clock waits for the competent agency (§0.2 item 2). */
const receiptOutputs = (ctx: LifecycleContext): TransitionOutputs =>
  out(ctx.boundaryFree ? ClockEffect.NONE : ClockEffect.START, [F.RECEIPT, F.TRACKING_BOOK], [E.RECEIVED]);

const requireComponents = (ctx: LifecycleContext): Bilingual | null =>
  ctx.requiredComponentsPresent ? null : { vi: 'hồ sơ còn thiếu thành phần bắt buộc', en: 'required components are missing' };

/** A boundary-free dossier received at another desk whose competent agency has not received it yet (so its clock has not started). */
const awaitingCompetentAgency = (ctx: LifecycleContext) => ctx.boundaryFree && !ctx.clockStarted;

const requireAwaitingCompetentAgency = (ctx: LifecycleContext): Bilingual | null =>
  awaitingCompetentAgency(ctx) ? null : { vi: 'hồ sơ không phải hồ sơ tiếp nhận không phụ thuộc địa giới đang chờ cơ quan có thẩm quyền nhận', en: 'the dossier is not a boundary-free dossier awaiting the competent agency' };

const requireCompetentAgencyReceipt = (ctx: LifecycleContext): Bilingual | null =>
  awaitingCompetentAgency(ctx) ? { vi: 'cơ quan có thẩm quyền chưa tiếp nhận hồ sơ', en: 'the competent agency has not received the dossier yet' } : null;

/**
 * The lifecycle as data (domain doc §5.2). Each (action, from-state) pair appears at most once;
 * a test checks it.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { id: 'T1', action: A.CREATE_DRAFT, from: [S.NEW], to: S.DRAFT, outputs: fixed(out(ClockEffect.NONE, [], [])) },
  { id: 'T2', action: A.SUBMIT, from: [S.DRAFT], to: S.SUBMITTED, guard: requireComponents, outputs: fixed(out(ClockEffect.NONE, [], [E.SUBMITTED])) },
  {
    id: 'T3', action: A.RECEIVE, from: [S.NEW], to: S.RECEIVED, guard: requireComponents,
    outputs: receiptOutputs,
  },
  {
    // The competent agency receives a boundary-free dossier: the clock starts now (Decree 118 Art. 17(3)); national status stays 2.
    id: 'T3b', action: A.RECEIVE_AT_COMPETENT_AGENCY, from: [S.RECEIVED], to: S.RECEIVED, guard: requireAwaitingCompetentAgency,
    outputs: fixed(out(ClockEffect.START, [], [E.COMPETENT_AGENCY_RECEIVED])),
  },
  {
    id: 'T4', action: A.RECEIVE, from: [S.SUBMITTED], to: S.RECEIVED, guard: requireComponents,
    outputs: receiptOutputs,
  },
  {
    id: 'T5', action: A.REQUEST_COMPLETION, from: [S.NEW, S.SUBMITTED], to: S.NEEDS_COMPLETION,
    input: nonEmptyList('missing', { vi: 'mọi thành phần còn thiếu (một lần)', en: 'everything missing (all at once)' }),
    outputs: fixed(out(ClockEffect.NONE, [F.SUPPLEMENT_REQUEST], [E.COMPLETION_REQUESTED])),
  },
  // The applicant completes a dossier asked for completion before receipt: back in the queue (T5 reversed).
  { id: 'T5', action: A.RESUBMIT, from: [S.NEEDS_COMPLETION], to: S.SUBMITTED, outputs: fixed(out(ClockEffect.NONE, [], [E.SUBMITTED])) },
  {
    id: 'T6', action: A.REFUSE_AT_RECEPTION, from: [S.NEW, S.SUBMITTED, S.NEEDS_COMPLETION], to: S.REFUSED_AT_RECEPTION,
    input: nonEmptyList('reasons', { vi: 'lý do từ chối', en: 'the reasons for refusal' }),
    outputs: fixed(out(ClockEffect.NONE, [F.REFUSAL], [E.REFUSED_AT_RECEPTION])),
  },
  {
    id: 'T7', action: A.FORWARD, from: [S.RECEIVED], to: S.PROCESSING,
    // A boundary-free dossier is processed only once the competent agency received it (T3b started its clock).
    guard: requireCompetentAgencyReceipt,
    outputs: fixed(out(ClockEffect.NONE, [F.CONTROL_SHEET], [E.FORWARDED])),
  },
  { id: 'T8', action: A.HAND_OVER, from: [S.PROCESSING], to: S.PROCESSING, outputs: fixed(out(ClockEffect.NONE, [F.CONTROL_SHEET], [E.STEP_COMPLETED])) },
  {
    id: 'T9', action: A.REQUEST_SUPPLEMENT, from: [S.PROCESSING], to: S.SUPPLEMENT_REQUESTED, guard: supplementGuard,
    input: nonEmptyList('missing', { vi: 'mọi thành phần cần bổ sung (một lần)', en: 'everything to supplement (all at once)' }),
    outputs: supplementOutputs,
  },
  { id: 'T10', action: A.RECEIVE_SUPPLEMENT, from: [S.SUPPLEMENT_REQUESTED], to: S.PROCESSING, outputs: fixed(out(ClockEffect.RESUME, [], [E.SUPPLEMENT_RECEIVED])) },
  {
    id: 'T11', action: A.EXPIRE_SUPPLEMENT, from: [S.SUPPLEMENT_REQUESTED], to: S.STOPPED,
    guard: (ctx) => (ctx.supplementDeadlinePassed ? null : { vi: 'thời hạn bổ sung chưa hết', en: 'the supplement deadline has not passed' }),
    outputs: fixed(out(ClockEffect.STOP, [F.STOP_NOTICE], [E.STOPPED])),
  },
  {
    id: 'T12', action: A.REQUIRE_PAYMENT, from: [S.PROCESSING], to: S.FINANCIAL_OBLIGATION,
    outputs: (ctx) => out(ctx.rules.financialObligationPausesClock ? ClockEffect.PAUSE : ClockEffect.NONE, [], [E.PAYMENT_REQUIRED]),
  },
  {
    id: 'T13', action: A.CONFIRM_PAYMENT, from: [S.FINANCIAL_OBLIGATION], to: (ctx) => (ctx.resultSigned ? S.DONE : S.PROCESSING),
    outputs: (ctx) => {
      if (ctx.resultSigned) return out(ClockEffect.STOP, [], [E.PAYMENT_CONFIRMED, E.DONE]);
      return out(ctx.rules.financialObligationPausesClock ? ClockEffect.RESUME : ClockEffect.NONE, [], [E.PAYMENT_CONFIRMED]);
    },
  },
  {
    id: 'T14', action: A.STOP_PROCESSING, from: [S.PROCESSING], to: S.STOPPED,
    input: nonEmptyList('reasons', { vi: 'lý do dừng giải quyết', en: 'the reasons for stopping' }),
    outputs: fixed(out(ClockEffect.STOP, [F.STOP_NOTICE], [E.STOPPED])),
  },
  {
    id: 'T15', action: A.WITHDRAW, from: PRE_RESULT, to: S.WITHDRAWN,
    outputs: (ctx) => out(ctx.clockStarted ? ClockEffect.STOP : ClockEffect.NONE, [], [E.WITHDRAWN]),
  },
  {
    id: 'T16', action: A.ISSUE_APOLOGY, from: [S.PROCESSING], to: S.PROCESSING, guard: apologyGuard, input: apologyInput,
    outputs: fixed(out(ClockEffect.EXTEND, [F.APOLOGY], [E.APOLOGY_ISSUED])),
  },
  {
    id: 'T17a', action: A.APPROVE_RESULT, from: [S.PROCESSING], to: S.RESULT_APPROVED,
    guard: (ctx) => (ctx.workflowAtEnd ? null : { vi: 'quy trình xử lý chưa đến bước cuối', en: 'the process has steps left' }),
    outputs: fixed(out(ClockEffect.NONE, [F.CONTROL_SHEET], [E.RESULT_APPROVED])),
  },
  {
    id: 'T17b', action: A.ASSIGN_RESULT_NUMBER, from: [S.RESULT_APPROVED], to: S.AWAITING_OFFICER_SIGNATURE,
    input: nonBlank('number', { vi: 'số, ký hiệu văn bản kết quả', en: 'the result document number' }),
    outputs: fixed(out(ClockEffect.NONE, [], [E.RESULT_NUMBERED])),
  },
  { id: 'T17c', action: A.SIGN_AS_OFFICER, from: [S.AWAITING_OFFICER_SIGNATURE], to: S.AWAITING_AGENCY_SIGNATURE, outputs: fixed(out(ClockEffect.NONE, [], [E.RESULT_SIGNED])) },
  { id: 'T17d', action: A.SIGN_AS_AGENCY, from: [S.AWAITING_AGENCY_SIGNATURE], to: S.DONE, outputs: fixed(out(ClockEffect.STOP, [], [E.RESULT_SIGNED, E.DONE])) },
  {
    id: 'T18', action: A.RETURN_RESULT, from: [S.DONE], to: S.RETURNED,
    input: (action) =>
      Object.values(ReturnMethod).includes((action as { method?: string }).method as never)
        ? nonBlank('recipient', { vi: 'người nhận kết quả', en: 'the recipient' })(action)
        : { field: 'method', reason: { vi: 'Hình thức trả kết quả không hợp lệ', en: 'Unknown return method' } },
    outputs: fixed(out(ClockEffect.NONE, [], [E.RETURNED])),
  },
  { id: 'T19', action: A.EVALUATE, from: [S.RETURNED], to: S.EVALUATED, outputs: fixed(out(ClockEffect.NONE, [], [E.EVALUATED])) },
];
