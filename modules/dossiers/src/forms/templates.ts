import { FormKind } from '../lifecycle/actions.js';
import { localDay } from '../code/dossier-code.js';

/** The legal text a set of forms was issued with. */
export enum FormSet {
  /** Circular 01/2018/TT-VPCP (Mẫu 01–06), for dossiers received before 1 July 2025. */
  TT01_2018 = 'TT01-2018',
  /** Circular 03/2025/TT-VPCP (Mẫu 01–07), for dossiers received under Decree 118/2025. */
  TT03_2025 = 'TT03-2025',
}

export interface FormSetVersion {
  set: FormSet;
  /** First local day (`YYYY-MM-DD`) of receipt this set applies to. */
  effectiveFrom: string;
  /** As printed under the form number: "ban hành kèm theo Thông tư số …". */
  circular: string;
}

/** One form of one set: its number and title. */
export interface FormTemplate {
  set: FormSet;
  kind: FormKind;
  /** Form number as printed ("01"). */
  number: string;
  title: string;
}

/** Form sets oldest first; a successor circular (Ministry of Justice, from 2026) is one more entry. */
export const FORM_SETS: readonly FormSetVersion[] = [
  { set: FormSet.TT01_2018, effectiveFrom: '2019-01-06', circular: '01/2018/TT-VPCP' },
  { set: FormSet.TT03_2025, effectiveFrom: '2025-07-01', circular: '03/2025/TT-VPCP' },
];

const t = (set: FormSet, kind: FormKind, number: string, title: string): FormTemplate => ({ set, kind, number, title });
const RECEIPT = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const SUPPLEMENT = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';
const REFUSAL = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';
const CONTROL = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';
const BOOK = 'SỔ THEO DÕI HỒ SƠ';

/**
 * Every template, keyed by (set, kind). Mapping 2018 → 2025 (domain doc §5.3): 01–03 unchanged,
 * 04 renamed (the apology now requests an extension), new 05 (notice of stopping), 05 → 06, 06 → 07.
 * The 2018 set has no stopping notice of its own: stopping used the refusal form family.
 */
export const FORM_TEMPLATES: readonly FormTemplate[] = [
  t(FormSet.TT01_2018, FormKind.RECEIPT, '01', RECEIPT),
  t(FormSet.TT01_2018, FormKind.SUPPLEMENT_REQUEST, '02', SUPPLEMENT),
  t(FormSet.TT01_2018, FormKind.REFUSAL, '03', REFUSAL),
  t(FormSet.TT01_2018, FormKind.APOLOGY, '04', 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'),
  t(FormSet.TT01_2018, FormKind.STOP_NOTICE, '03', 'PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ'),
  t(FormSet.TT01_2018, FormKind.CONTROL_SHEET, '05', CONTROL),
  t(FormSet.TT01_2018, FormKind.TRACKING_BOOK, '06', BOOK),
  t(FormSet.TT03_2025, FormKind.RECEIPT, '01', RECEIPT),
  t(FormSet.TT03_2025, FormKind.SUPPLEMENT_REQUEST, '02', SUPPLEMENT),
  t(FormSet.TT03_2025, FormKind.REFUSAL, '03', REFUSAL),
  t(FormSet.TT03_2025, FormKind.APOLOGY, '04', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'),
  t(FormSet.TT03_2025, FormKind.STOP_NOTICE, '05', 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ'),
  t(FormSet.TT03_2025, FormKind.CONTROL_SHEET, '06', CONTROL),
  t(FormSet.TT03_2025, FormKind.TRACKING_BOOK, '07', BOOK),
];

/**
 * The form set for a dossier received at `receivedAt` (its local day in Asia/Ho_Chi_Minh).
 *
 * @example formSetFor(new Date('2025-06-30T10:00:00Z')).set // FormSet.TT01_2018
 */
export function formSetFor(receivedAt: Date): FormSetVersion {
  const day = localDay(receivedAt);
  return FORM_SETS.filter((version) => version.effectiveFrom <= day).at(-1) ?? FORM_SETS[0];
}

/**
 * The template of a form kind for a dossier received at `receivedAt`.
 *
 * @example templateFor(FormKind.APOLOGY, new Date('2026-03-02T03:00:00Z')).number // '04'
 */
export function templateFor(kind: FormKind, receivedAt: Date): FormTemplate & { circular: string } {
  const version = formSetFor(receivedAt);
  const template = FORM_TEMPLATES.find((candidate) => candidate.set === version.set && candidate.kind === kind);
  if (!template) throw new RangeError(`no ${kind} form in ${version.set}`);
  return { ...template, circular: version.circular };
}
