/**
 * What a procedure version says (one-stop-domain §3), as plain data: stored as one JSON
 * document per version, validated by {@link normalizeContent}, checked for completeness
 * before publishing by `missingParts`. Time limits reuse the workflow module's units.
 */
import { type TimeLimit, TimeLimitUnit } from '@motcua/workflow/contract';

export { TimeLimitUnit, type TimeLimit };

/** Cách thức thực hiện: how an applicant submits. */
export enum Channel {
  DIRECT = 'DIRECT',
  ONLINE = 'ONLINE',
  POSTAL = 'POSTAL',
}

/** Cấp thực hiện. `HUYEN` (district) was abolished on 01/07/2025: readable on old data, refused on new content. */
export enum ImplementationLevel {
  BO = 'BO',
  TINH = 'TINH',
  HUYEN = 'HUYEN',
  XA = 'XA',
}

/** Online public service mode (Decree 42/2022, then Decree 224/2026 Art. 14). */
export enum OnlineMode {
  TOAN_TRINH = 'TOAN_TRINH',
  MOT_PHAN = 'MOT_PHAN',
  NONE = 'NONE',
}

/** When a fee is collected. */
export enum FeeMoment {
  AT_SUBMISSION = 'AT_SUBMISSION',
  AT_RESULT = 'AT_RESULT',
}

export interface Fee {
  name: string;
  /** Amount in VND (đồng), a whole number ≥ 0. */
  amount: number;
  moment: FeeMoment;
  /** Free text, e.g. "Miễn lệ phí đối với người thuộc gia đình có công với cách mạng". */
  note: string | null;
}

export interface ChannelOffer {
  channel: Channel;
  /** Thời hạn giải quyết on this channel. */
  limit: TimeLimit;
  fees: Fee[];
  description: string | null;
}

/** Thành phần hồ sơ. */
export interface Component {
  /** Mã giấy tờ, unique within its case. */
  code: string;
  name: string;
  /** Template file (mẫu đơn, tờ khai): a blob address or URL. */
  templateFile: string | null;
  originals: number;
  copies: number;
  mandatory: boolean;
  /**
   * The agency takes this data from a shared database (Decree 118 Art. 4(2a), as amended by
   * Decree 309/2026): it must not demand the paper; the dossiers module skips it at receipt.
   */
  fromSharedDatabase: boolean;
}

/** An application e-form: JSON Schema draft 2020-12 plus UI hints for the renderer. */
export interface ApplicationForm {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/** Trường hợp thủ tục: a case with its own components and e-form. */
export interface ProcedureCase {
  code: string;
  name: string;
  components: Component[];
  form: ApplicationForm | null;
}

/** Căn cứ pháp lý. Dates are `YYYY-MM-DD`. */
export interface LegalBasis {
  number: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  effectiveOn: string | null;
}

/** Kết quả thực hiện. */
export interface ProcedureResult {
  name: string;
  code: string | null;
  /** Whether the result is a paper document (766 indicator 4.1). */
  paper: boolean;
}

/** Quyết định công bố. */
export interface PublishingDecision {
  number: string;
  date: string | null;
}

export interface ProcedureContent {
  name: string;
  sectorCode: string;
  levels: ImplementationLevel[];
  applicantTypes: string[];
  /** Cơ quan thực hiện, as published (names); agency offerings link actual agencies. */
  implementingAgencies: string[];
  steps: string;
  conditions: string | null;
  onlineMode: OnlineMode;
  publishingDecision: PublishingDecision | null;
  legalBasis: LegalBasis[];
  results: ProcedureResult[];
  channels: ChannelOffer[];
  cases: ProcedureCase[];
  /**
   * Listed as receivable regardless of administrative boundary (không phụ thuộc địa giới hành
   * chính, Decree 118 Art. 14(2) and (4)): a one-stop desk outside the offering's receiving units
   * may receive it, and the clock starts when the competent agency receives it (Art. 17(3)).
   * Absent means false (stored only when true, so older content reads unchanged).
   */
  boundaryFree?: boolean;
}

/** Content of a new, empty draft. */
export function emptyContent(name: string, sectorCode: string): ProcedureContent {
  return {
    name, sectorCode, levels: [], applicantTypes: [], implementingAgencies: [], steps: '', conditions: null, onlineMode: OnlineMode.NONE,
    publishingDecision: null, legalBasis: [], results: [], channels: [], cases: [],
  };
}
