/**
 * Internal dossier states (finer than the national list) and the one national status code
 * (DVCQG TrangThaiHoSo, domain doc §5.1) each maps to.
 */

/** Where a dossier stands in the one-stop lifecycle (domain doc §5.2). */
export enum DossierState {
  /** Nothing exists yet: the desk starts here for direct and postal dossiers (T3, T5, T6) and the applicant for drafts (T1). */
  NEW = 'NEW',
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  /** Incomplete at the first check, before receipt (T5): the clock has not started. */
  NEEDS_COMPLETION = 'NEEDS_COMPLETION',
  REFUSED_AT_RECEPTION = 'REFUSED_AT_RECEPTION',
  RECEIVED = 'RECEIVED',
  PROCESSING = 'PROCESSING',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  FINANCIAL_OBLIGATION = 'FINANCIAL_OBLIGATION',
  STOPPED = 'STOPPED',
  WITHDRAWN = 'WITHDRAWN',
  /** T17, first part: the result is approved and waits for its document number and date. */
  RESULT_APPROVED = 'RESULT_APPROVED',
  /** T17: numbered, waiting for the officer's signature. */
  AWAITING_OFFICER_SIGNATURE = 'AWAITING_OFFICER_SIGNATURE',
  /** T17: signed by the officer, waiting for the agency's signature (seal). */
  AWAITING_AGENCY_SIGNATURE = 'AWAITING_AGENCY_SIGNATURE',
  /** Result signed by the agency: end of processing (national 9). */
  DONE = 'DONE',
  RETURNED = 'RETURNED',
  EVALUATED = 'EVALUATED',
}

/** The national status list (DVCQG TrangThaiHoSo), authoritative for sync. */
export enum NationalStatus {
  MOI_DANG_KY = 1,
  DUOC_TIEP_NHAN = 2,
  KHONG_DUOC_TIEP_NHAN = 3,
  DANG_XU_LY = 4,
  YEU_CAU_BO_SUNG = 5,
  YEU_CAU_NGHIA_VU_TAI_CHINH = 6,
  CONG_DAN_RUT_HO_SO = 7,
  DUNG_XU_LY = 8,
  DA_XU_LY_XONG = 9,
  DA_TRA_KET_QUA = 10,
}

/**
 * The national code of each internal state. `null` only for states the national portal never
 * hears of: nothing yet (NEW) and an applicant's unsubmitted draft (DRAFT, "–" in §5.2 T1).
 * The signing states stay 4: processing ends (9) when the agency has signed the result.
 * A pre-receipt completion request keeps 1 (§5.2 note: send 5 only if the adapter allows it).
 */
export const NATIONAL_STATUS: Readonly<Record<DossierState, NationalStatus | null>> = {
  [DossierState.NEW]: null,
  [DossierState.DRAFT]: null,
  [DossierState.SUBMITTED]: NationalStatus.MOI_DANG_KY,
  [DossierState.NEEDS_COMPLETION]: NationalStatus.MOI_DANG_KY,
  [DossierState.REFUSED_AT_RECEPTION]: NationalStatus.KHONG_DUOC_TIEP_NHAN,
  [DossierState.RECEIVED]: NationalStatus.DUOC_TIEP_NHAN,
  [DossierState.PROCESSING]: NationalStatus.DANG_XU_LY,
  [DossierState.SUPPLEMENT_REQUESTED]: NationalStatus.YEU_CAU_BO_SUNG,
  [DossierState.FINANCIAL_OBLIGATION]: NationalStatus.YEU_CAU_NGHIA_VU_TAI_CHINH,
  [DossierState.STOPPED]: NationalStatus.DUNG_XU_LY,
  [DossierState.WITHDRAWN]: NationalStatus.CONG_DAN_RUT_HO_SO,
  [DossierState.RESULT_APPROVED]: NationalStatus.DANG_XU_LY,
  [DossierState.AWAITING_OFFICER_SIGNATURE]: NationalStatus.DANG_XU_LY,
  [DossierState.AWAITING_AGENCY_SIGNATURE]: NationalStatus.DANG_XU_LY,
  [DossierState.DONE]: NationalStatus.DA_XU_LY_XONG,
  [DossierState.RETURNED]: NationalStatus.DA_TRA_KET_QUA,
  [DossierState.EVALUATED]: NationalStatus.DA_TRA_KET_QUA,
};

/**
 * The national code of a state.
 *
 * @example nationalStatusOf(DossierState.SUPPLEMENT_REQUESTED) // → 5
 */
export function nationalStatusOf(state: DossierState): NationalStatus | null {
  return NATIONAL_STATUS[state];
}

/** Vietnamese names of the national codes, as the national list spells them. */
export const NATIONAL_STATUS_LABEL: Readonly<Record<NationalStatus, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};
