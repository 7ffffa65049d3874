import type { IndexFormulaTable, IndicatorFormula } from './formulas.js';

type Row = Omit<IndicatorFormula, 'group' | 'zeroDenominator' | 'threshold' | 'scoring'> &
  Partial<Pick<IndicatorFormula, 'zeroDenominator' | 'threshold' | 'scoring' | 'fallbackDenominator'>>;

/** Fills the defaults of a row: linear scoring unless a threshold is given; a zero denominator is not applicable. */
function indicator(row: Row): IndicatorFormula {
  return {
    group: Number(row.code.split('.')[0]), zeroDenominator: 'EXCLUDED', threshold: null,
    scoring: row.threshold ? 'THRESHOLD' : 'LINEAR', ...row,
  };
}

/**
 * The default shadow of the Decision 766/QĐ-TTg index (one-stop-domain §9.6): 5 groups, 100
 * points. Measures named `dossiers…`, `ratings…` come from this module's aggregates; the
 * others (catalog, sync, payment, digitisation, petitions) are supplied with each computation
 * until their modules publish them. Where the national sheet is silent the choices are ours
 * [I]: a zero denominator is not applicable, except petitions (none = nothing handled late:
 * full marks) and 1.4 (last year's monthly/quarterly average). Group 3 uses the unverified
 * 2 + 4 + 6 split of its 12 online points.
 */
export const DEFAULT_766_TABLE: IndexFormulaTable = {
  title: 'Bộ chỉ số 766/QĐ-TTg (bản mô phỏng nội bộ)',
  indicators: [
    indicator({ code: '1.1', name: 'Tỷ lệ TTHC công bố đúng hạn', numerator: 'tthcPublishedOnTime', denominator: 'tthcPublished', maxScore: 6 }),
    indicator({ code: '1.2', name: 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn', numerator: 'tthcMadePublicOnTime', denominator: 'tthcToMakePublic', maxScore: 4 }),
    indicator({ code: '1.3', name: 'Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành', numerator: 'tthcPublicComplete', denominator: 'tthcPublic', maxScore: 2 }),
    indicator({
      code: '1.4', name: 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG', numerator: 'dossiersSynced',
      denominator: { max: ['receivedPerReportingSystem', 'receivedPerDvcqg'] }, maxScore: 6,
      zeroDenominator: 'FALLBACK', fallbackDenominator: 'receivedLastYearPerPeriod',
    }),
    indicator({ code: '2.1', name: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', numerator: 'dossiersDoneInTime', denominator: 'dossiersDone', maxScore: 20 }),
    indicator({ code: '2.2', name: 'Thời gian giải quyết trung bình theo TTHC (ngày)', numerator: 'resolutionDaysTotal', denominator: 'dossiersDone', maxScore: 0, scoring: 'MONITORING' }),
    indicator({ code: '3.1', name: 'Tỷ lệ TTHC cung cấp DVCTT', numerator: 'tthcOnline', denominator: 'tthcUnderAuthority', maxScore: 2, threshold: 0.8 }),
    indicator({ code: '3.2', name: 'Tỷ lệ DVCTT có phát sinh hồ sơ', numerator: 'onlineServicesUsed', denominator: 'onlineServices', maxScore: 4 }),
    indicator({ code: '3.3', name: 'Tỷ lệ hồ sơ nộp trực tuyến', numerator: 'dossiersReceivedOnline', denominator: 'dossiersReceived', maxScore: 6, threshold: 0.5 }),
    indicator({ code: '3.5a', name: 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán', numerator: 'tthcFeeDataSynced', denominator: 'tthcWithFees', maxScore: 2, threshold: 0.8 }),
    indicator({ code: '3.5b', name: 'Tỷ lệ TTHC có giao dịch thanh toán trực tuyến', numerator: 'tthcPaidOnline', denominator: 'tthcWithFees', maxScore: 2, threshold: 0.8 }),
    indicator({ code: '3.6', name: 'Tỷ lệ hồ sơ thanh toán trực tuyến', numerator: 'dossiersPaidOnline', denominator: 'dossiersWithFees', maxScore: 6 }),
    indicator({ code: '4.1', name: 'Tỷ lệ hồ sơ có kết quả giải quyết điện tử', numerator: 'dossiersWithEResult', denominator: 'dossiersWithPaperResult', maxScore: 6 }),
    indicator({ code: '4.2', name: 'Tỷ lệ hồ sơ thực hiện số hóa', numerator: 'dossiersDigitised', denominator: 'dossiersReceived', maxScore: 4, threshold: 0.8 }),
    indicator({ code: '4.x', name: 'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính', numerator: 'certifiedCopyOffered', denominator: 1, maxScore: 2 }),
    indicator({ code: '4.3', name: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', numerator: 'dossiersReusingData', denominator: 'dossiersReceived', maxScore: 2, threshold: 0.8 }),
    indicator({ code: '4.4', name: 'Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ (kho dữ liệu cá nhân)', numerator: 'dossiersWithPersonalStore', denominator: 'dossiersReceived', maxScore: 4 }),
    indicator({ code: '4.5a', name: 'Tỷ lệ TTHC kết nối, chia sẻ dữ liệu dân cư', numerator: 'tthcWithPopulationData', denominator: 'tthcForPeople', maxScore: 2 }),
    indicator({ code: '4.5b', name: 'Tỷ lệ hồ sơ sử dụng dữ liệu từ CSDL quốc gia về dân cư', numerator: 'dossiersWithPopulationData', denominator: 'dossiersReceived', maxScore: 2 }),
    indicator({ code: '5.1', name: 'Tỷ lệ PAKN theo phân loại (về quy định)', numerator: 'petitionsAboutRegulations', denominator: 'petitions', maxScore: 0, scoring: 'MONITORING' }),
    indicator({ code: '5.2', name: 'Tỷ lệ PAKN xử lý đúng hạn', numerator: 'petitionsOnTime', denominator: 'petitions', maxScore: 6, zeroDenominator: 'FULL' }),
    indicator({
      code: '5.3', name: 'Tỷ lệ hài lòng trong xử lý PAKN',
      numerator: { sub: ['petitions', { sum: ['petitionsDissatisfied', 'petitionsLate', 'petitionsReRaised'] }] }, denominator: 'petitions',
      maxScore: 6, zeroDenominator: 'FULL',
    }),
    indicator({
      code: '5.4', name: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
      numerator: { sub: ['dossiersReceived', { sum: ['dossiersLate', 'dossiersNegative'] }] }, denominator: 'dossiersReceived',
      maxScore: 6, threshold: 0.9, zeroDenominator: 'FULL',
    }),
  ],
  bands: [
    { from: 0, label: 'Yếu', labelEn: 'Poor' },
    { from: 50, label: 'Trung bình', labelEn: 'Average' },
    { from: 70, label: 'Khá', labelEn: 'Fair' },
    { from: 80, label: 'Tốt', labelEn: 'Good' },
    { from: 90, label: 'Xuất sắc', labelEn: 'Excellent' },
  ],
};
