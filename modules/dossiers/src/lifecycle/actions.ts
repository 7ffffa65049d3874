import type { LifecycleRules } from './rules.js';

/** What someone (applicant, officer, system) asks to do to a dossier. Mutations are named after these. */
export enum DossierAction {
  CREATE_DRAFT = 'CREATE_DRAFT',
  SUBMIT = 'SUBMIT',
  RECEIVE = 'RECEIVE',
  /** The competent agency receives a dossier lodged at another desk regardless of boundary (its clock starts, T3b). */
  RECEIVE_AT_COMPETENT_AGENCY = 'RECEIVE_AT_COMPETENT_AGENCY',
  REQUEST_COMPLETION = 'REQUEST_COMPLETION',
  RESUBMIT = 'RESUBMIT',
  REFUSE_AT_RECEPTION = 'REFUSE_AT_RECEPTION',
  FORWARD = 'FORWARD',
  HAND_OVER = 'HAND_OVER',
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  RECEIVE_SUPPLEMENT = 'RECEIVE_SUPPLEMENT',
  EXPIRE_SUPPLEMENT = 'EXPIRE_SUPPLEMENT',
  REQUIRE_PAYMENT = 'REQUIRE_PAYMENT',
  CONFIRM_PAYMENT = 'CONFIRM_PAYMENT',
  STOP_PROCESSING = 'STOP_PROCESSING',
  WITHDRAW = 'WITHDRAW',
  ISSUE_APOLOGY = 'ISSUE_APOLOGY',
  APPROVE_RESULT = 'APPROVE_RESULT',
  ASSIGN_RESULT_NUMBER = 'ASSIGN_RESULT_NUMBER',
  SIGN_AS_OFFICER = 'SIGN_AS_OFFICER',
  SIGN_AS_AGENCY = 'SIGN_AS_AGENCY',
  RETURN_RESULT = 'RETURN_RESULT',
  EVALUATE = 'EVALUATE',
}

/** What a transition does to the statutory clock (the workflow module's ledger carries it out). */
export enum ClockEffect {
  NONE = 'NONE',
  START = 'START',
  PAUSE = 'PAUSE',
  RESUME = 'RESUME',
  EXTEND = 'EXTEND',
  STOP = 'STOP',
}

/** Logical forms; the template registry maps each to a numbered form of a legal version (Mẫu 01…07). */
export enum FormKind {
  RECEIPT = 'RECEIPT',
  SUPPLEMENT_REQUEST = 'SUPPLEMENT_REQUEST',
  REFUSAL = 'REFUSAL',
  APOLOGY = 'APOLOGY',
  STOP_NOTICE = 'STOP_NOTICE',
  CONTROL_SHEET = 'CONTROL_SHEET',
  TRACKING_BOOK = 'TRACKING_BOOK',
}

/** Domain events a transition emits (published through the outbox by the service that applies it). */
export enum DossierEventName {
  SUBMITTED = 'SUBMITTED',
  RECEIVED = 'RECEIVED',
  /** A boundary-free dossier reached the competent agency: its clock started and its due date is set. */
  COMPETENT_AGENCY_RECEIVED = 'COMPETENT_AGENCY_RECEIVED',
  COMPLETION_REQUESTED = 'COMPLETION_REQUESTED',
  REFUSED_AT_RECEPTION = 'REFUSED_AT_RECEPTION',
  FORWARDED = 'FORWARDED',
  STEP_COMPLETED = 'STEP_COMPLETED',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  SUPPLEMENT_RECEIVED = 'SUPPLEMENT_RECEIVED',
  PAYMENT_REQUIRED = 'PAYMENT_REQUIRED',
  PAYMENT_CONFIRMED = 'PAYMENT_CONFIRMED',
  STOPPED = 'STOPPED',
  WITHDRAWN = 'WITHDRAWN',
  APOLOGY_ISSUED = 'APOLOGY_ISSUED',
  RESULT_APPROVED = 'RESULT_APPROVED',
  RESULT_NUMBERED = 'RESULT_NUMBERED',
  RESULT_SIGNED = 'RESULT_SIGNED',
  DONE = 'DONE',
  RETURNED = 'RETURNED',
  EVALUATED = 'EVALUATED',
}

/** Marks on a transition that statistics and the officer must see. */
export enum TransitionFlag {
  /** A second (or later) supplement request during processing: the dossier counts late nationally (§6.4). */
  SUPPLEMENT_COUNTS_LATE = 'SUPPLEMENT_COUNTS_LATE',
}

/** How the result reaches the applicant (T18). */
export enum ReturnMethod {
  AT_DESK = 'AT_DESK',
  BY_POST = 'BY_POST',
  ONLINE = 'ONLINE',
}

/**
 * Facts about the dossier that guards read. The caller (the dossier service) gathers them from
 * the dossier, the clock ledger and the process instance; the state machine never loads anything.
 */
export interface LifecycleContext {
  now: Date;
  /** The rule set in force at receipt (or now, before receipt). */
  rules: LifecycleRules;
  /** The due instant the applicant was last told (after extensions); null before the clock starts. */
  dueAt: Date | null;
  clockStarted: boolean;
  /**
   * Lodged regardless of administrative boundary at a desk outside the competent agency's
   * receiving units: the clock starts when that agency receives it (§0.2 item 2). Such a dossier
   * whose clock has not started is awaiting the competent agency.
   */
  boundaryFree: boolean;
  apologiesIssued: number;
  /** Supplement requests made during processing so far. */
  supplementRequests: number;
  supplementDeadlinePassed: boolean;
  /** Every component the case requires is attached or taken from a shared database. */
  requiredComponentsPresent: boolean;
  /** The process instance has no step left before the result. */
  workflowAtEnd: boolean;
  /** The result is already signed (a payment confirmed after signing goes straight to DONE, T13). */
  resultSigned: boolean;
}

/** An action with the input its transition needs. */
export type ActionInput =
  | { type: DossierAction.REQUEST_COMPLETION | DossierAction.REQUEST_SUPPLEMENT; missing: string[] }
  | { type: DossierAction.REFUSE_AT_RECEPTION | DossierAction.STOP_PROCESSING; reasons: string[] }
  | { type: DossierAction.ISSUE_APOLOGY; reason: string; newDueAt: Date }
  | { type: DossierAction.ASSIGN_RESULT_NUMBER; number: string; signedOn: Date }
  | { type: DossierAction.RETURN_RESULT; method: ReturnMethod; recipient: string }
  | {
      type: Exclude<
        DossierAction,
        | DossierAction.REQUEST_COMPLETION | DossierAction.REQUEST_SUPPLEMENT | DossierAction.REFUSE_AT_RECEPTION
        | DossierAction.STOP_PROCESSING | DossierAction.ISSUE_APOLOGY | DossierAction.ASSIGN_RESULT_NUMBER | DossierAction.RETURN_RESULT
      >;
    };
