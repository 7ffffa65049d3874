import type { FormKind } from '../lifecycle/actions.js';

/** The issuing office as printed in the header of every form. */
export interface FormIssuer {
  /** Governing body, first header line (e.g. "UBND TỈNH THANH HÓA"). */
  parentName?: string;
  /** The office (e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"). */
  name: string;
  /** Place name for the date line ("Thanh Hóa, ngày … tháng … năm …"). */
  place: string;
}

export interface FormApplicant {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
}

/** A component on the receipt slip (original / certified copy / photocopy counts). */
export interface ReceiptComponent {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

interface Common {
  issuer: FormIssuer;
  dossierCode: string;
  applicant: FormApplicant;
  procedureName: string;
}

/** Forms also given before receipt (T5, T6), when the dossier has no code yet. */
type BeforeReceipt = Omit<Common, 'dossierCode'> & { dossierCode?: string };

/** Mẫu 01: receipt and appointment slip. */
export interface ReceiptSlipData extends Common {
  kind: FormKind.RECEIPT;
  receivedAt: Date;
  /** Null for a boundary-free dossier lodged at another desk: the appointment is set when the competent agency receives it. */
  dueAt: Date | null;
  /** Public tracking page of this dossier (printed as a QR code). */
  trackingUrl: string;
  components: ReceiptComponent[];
  sets: number;
  /** The statutory limit as worded on the slip, e.g. "05 ngày làm việc". */
  timeLimitText: string;
  returnPlace: string;
  receiverName: string;
}

/** Mẫu 02: request to supplement and complete a dossier (before receipt or during processing). */
export interface SupplementRequestData extends BeforeReceipt {
  kind: FormKind.SUPPLEMENT_REQUEST;
  /** Receipt date, or the submission date when asked before receipt (chooses the form version). */
  receivedAt: Date;
  issuedAt: Date;
  items: Array<{ name: string; reason: string }>;
  officerName: string;
}

/** Mẫu 03: refusal to receive (or, under the 2018 forms, to resolve) a dossier. */
export interface RefusalData extends BeforeReceipt {
  kind: FormKind.REFUSAL;
  receivedAt: Date;
  issuedAt: Date;
  reasons: string[];
  officerName: string;
}

/** Mẫu 04: apology, with a new appointment (2018) or a request to extend (2025). */
export interface ApologyData extends Common {
  kind: FormKind.APOLOGY;
  receivedAt: Date;
  issuedAt: Date;
  /** The due date on the receipt slip. */
  dueAt: Date;
  newDueAt: Date;
  reason: string;
  signerName: string;
  signerTitle: string;
}

/** Mẫu 05 (2025): notice of stopping the resolution of a dossier. */
export interface StopNoticeData extends Common {
  kind: FormKind.STOP_NOTICE;
  receivedAt: Date;
  issuedAt: Date;
  reasons: string[];
  signerName: string;
  signerTitle: string;
}

/** Per hand-over timeliness, as the workflow clock judged it. */
export type HandoverTimeliness = 'EARLY' | 'ON_TIME' | 'LATE';

/** One hand-over on the control sheet. */
export interface Handover {
  fromUnit: string;
  fromPerson: string;
  toUnit: string;
  toPerson: string;
  at: Date;
  /** The step's deadline and, once the step is over, its class. */
  stepDueAt?: Date;
  timeliness?: HandoverTimeliness;
  note?: string;
}

/** Mẫu 06 (2025) / 05 (2018): processing control sheet. */
export interface ControlSheetData extends Common {
  kind: FormKind.CONTROL_SHEET;
  receivedAt: Date;
  dueAt: Date;
  handovers: Handover[];
}

/** One line of the tracking book. */
export interface TrackingBookRow {
  dossierCode: string;
  procedureName: string;
  sets: number;
  applicantName: string;
  address?: string;
  phone?: string;
  receivedAt: Date;
  /** Null while a boundary-free dossier awaits the competent agency (no appointment yet). */
  dueAt: Date | null;
  returnedAt?: Date;
  receiverName: string;
  note?: string;
}

/** Mẫu 07 (2025) / 06 (2018): the desk's tracking book for a period. */
export interface TrackingBookData {
  kind: FormKind.TRACKING_BOOK;
  issuer: FormIssuer;
  from: Date;
  to: Date;
  rows: TrackingBookRow[];
}

/** Everything a form can be rendered from; `kind` says which form. */
export type FormData =
  | ReceiptSlipData | SupplementRequestData | RefusalData | ApologyData | StopNoticeData | ControlSheetData | TrackingBookData;
