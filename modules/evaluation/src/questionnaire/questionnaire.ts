import { AppError } from '@motcua/kernel/contract';

/**
 * How a criterion is scored. Each rule is a plain function (criteria.ts) returning a level:
 * 2 best, 1 middle, 0 worst; the questionnaire maps levels to points. DOSSIER rules read one
 * dossier's facts; AGENCY_PERIOD rules read the agency's facts for the period.
 */
export type CriterionRule =
  | 'TOTAL_TIME' | 'UNIT_TIME' | 'CONTACT_COUNT' | 'BODIES_CONTACTED' | 'ATTITUDE'
  | 'ONE_STOP_MODEL' | 'PUBLICATION' | 'PETITIONS' | 'ONLINE_SERVICE';

export const DOSSIER_RULES: readonly CriterionRule[] = ['TOTAL_TIME', 'UNIT_TIME', 'CONTACT_COUNT', 'BODIES_CONTACTED', 'ATTITUDE'];
export const AGENCY_PERIOD_RULES: readonly CriterionRule[] = ['ONE_STOP_MODEL', 'PUBLICATION', 'PETITIONS', 'ONLINE_SERVICE'];

/** One criterion of the sheet: its wording, its rule and the points of levels 0, 1 and 2. */
export interface CriterionConfig {
  number: number;
  text: string;
  rule: CriterionRule;
  /** Points for levels [0, 1, 2] (worst … best). */
  points: [number, number, number];
  /** What each level means, [0, 1, 2]. */
  levels: [string, string, string];
}

/** A 5-level citizen question (1 = rất không hài lòng … 5 = rất hài lòng), not part of the total. */
export interface SatisfactionQuestion {
  code: string;
  text: string;
  levels: [string, string, string, string, string];
}

/** A classification band: totals from `from` (inclusive) up to the next band's `from` (exclusive). */
export interface Band {
  from: number;
  label: string;
  labelEn: string;
}

/** Rule parameters that legal texts set and may change. */
export interface QuestionnaireParams {
  /** Criterion 5: share of listed TTHC the desk itself appraises and approves for 2 points (20% province). */
  deskApprovalShareFor2: number;
  /** Criterion 8: share of petitions handled on time for 1 point. */
  petitionsOnTimeShareFor1: number;
  /** Criterion 9: offered online share, and online dossier shares for 2 and 1 points. */
  onlineOfferedShareFor2: number;
  onlineDossierShareFor2: number;
  onlineDossierShareFor1: number;
}

/** A whole questionnaire version: what the evaluation sheet asks and how it classifies. */
export interface QuestionnaireConfig {
  title: string;
  legalBasis: string;
  criteria: CriterionConfig[];
  satisfactionQuestions: SatisfactionQuestion[];
  /** Bands by ascending `from`; the first starts at 0. */
  bands: Band[];
  params: QuestionnaireParams;
}

const LEVEL_PAIRS = { better: 'Sớm hơn', equal: 'Bằng', worse: 'Muộn hơn' };

/**
 * The default questionnaire: the nine criteria of Decree 61/2018 Art. 31 scored by Circular
 * 01/2018 Art. 13 (0/1/2 each, total 18; one-stop-domain §9.2), two 5-level citizen questions,
 * and half-open bands [15, 18] Xuất sắc, [12, 15) Tốt, [9, 12) Khá, [6, 9) Trung bình, [0, 6) Yếu
 * (§9.4, fixing the implementation's exactly-15 bug). No successor exists under Decree
 * 118/2025 (§0.2 item 9), so it ships as version 1, replaceable without code.
 */
export const DEFAULT_QUESTIONNAIRE: QuestionnaireConfig = {
  title: 'Phiếu đánh giá việc giải quyết thủ tục hành chính',
  legalBasis: 'Nghị định 61/2018/NĐ-CP Điều 31; Thông tư 01/2018/TT-VPCP Điều 13',
  criteria: [
    { number: 1, rule: 'TOTAL_TIME', points: [0, 1, 2], text: 'Tổng thời gian giải quyết TTHC so với thời gian cho phép theo quy định',
      levels: [LEVEL_PAIRS.worse, LEVEL_PAIRS.equal, LEVEL_PAIRS.better] },
    { number: 2, rule: 'UNIT_TIME', points: [0, 1, 2], text: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)',
      levels: [LEVEL_PAIRS.worse, LEVEL_PAIRS.equal, LEVEL_PAIRS.better] },
    { number: 3, rule: 'CONTACT_COUNT', points: [0, 1, 2], text: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ (kể cả trực tuyến)',
      levels: ['Nhiều hơn 01 lần (trừ lỗi của người nộp)', 'Đúng 01 lần', 'Không phải liên hệ'] },
    { number: 4, rule: 'BODIES_CONTACTED', points: [0, 1, 2], text: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ (kể cả trực tuyến)',
      levels: ['Nhiều hơn 01 cơ quan', 'Chỉ Bộ phận Một cửa', 'Không phải liên hệ'] },
    { number: 5, rule: 'ONE_STOP_MODEL', points: [0, 1, 2], text: 'Thực hiện tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa',
      levels: ['Dưới 100% TTHC tiếp nhận và trả kết quả tại Bộ phận Một cửa', '100% TTHC tiếp nhận và trả kết quả tại Bộ phận Một cửa', 'Bộ phận Một cửa trực tiếp thẩm định, phê duyệt theo tỷ lệ quy định'] },
    { number: 6, rule: 'PUBLICATION', points: [0, 1, 2], text: 'Công khai các thủ tục hành chính',
      levels: ['Không công khai chính xác, đầy đủ, kịp thời', 'Công khai một trong hai hình thức', 'Công khai cả tại trụ sở và điện tử'] },
    { number: 7, rule: 'ATTITUDE', points: [0, 1, 2], text: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn lập hồ sơ, tiếp nhận hồ sơ và giải quyết TTHC',
      levels: ['Có phản ánh, kiến nghị về hành vi nhũng nhiễu, gây phiền hà', 'Đúng hạn, không có phản ánh', 'Trước hạn, không có phản ánh'] },
    { number: 8, rule: 'PETITIONS', points: [0, 1, 2], text: 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị',
      levels: ['Dưới 90% đúng hạn hoặc có việc kéo dài', 'Từ 90% đúng hạn, không kéo dài', 'Không có hoặc 100% đúng hạn'] },
    { number: 9, rule: 'ONLINE_SERVICE', points: [0, 1, 2], text: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
      levels: ['Không đạt', 'Có DVCTT một phần/toàn trình; 15% đến dưới 30% hồ sơ trực tuyến', 'Từ 20% TTHC có DVCTT; từ 30% hồ sơ trực tuyến'] },
  ],
  satisfactionQuestions: [
    { code: 'CONVENIENCE', text: 'Mức độ thuận tiện khi sử dụng dịch vụ', levels: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'] },
    { code: 'OVERALL', text: 'Đánh giá tổng thể dịch vụ', levels: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'] },
  ],
  bands: [
    { from: 0, label: 'Yếu', labelEn: 'Poor' },
    { from: 6, label: 'Trung bình', labelEn: 'Average' },
    { from: 9, label: 'Khá', labelEn: 'Fair' },
    { from: 12, label: 'Tốt', labelEn: 'Good' },
    { from: 15, label: 'Xuất sắc', labelEn: 'Excellent' },
  ],
  params: { deskApprovalShareFor2: 0.2, petitionsOnTimeShareFor1: 0.9, onlineOfferedShareFor2: 0.2, onlineDossierShareFor2: 0.3, onlineDossierShareFor1: 0.15 },
};

/** The highest total a questionnaire allows (18 for the default). */
export function maxTotal(config: QuestionnaireConfig): number {
  return config.criteria.reduce((sum, criterion) => sum + Math.max(...criterion.points), 0);
}

/**
 * The band of a total: the last band whose `from` is at most the total (half-open intervals;
 * the top band includes the maximum).
 *
 * @example
 * bandOf(DEFAULT_QUESTIONNAIRE.bands, 15).label // 'Xuất sắc'
 * bandOf(DEFAULT_QUESTIONNAIRE.bands, 14.99).label // 'Tốt'
 */
export function bandOf<B extends { from: number }>(bands: readonly B[], total: number): B {
  let found = bands[0];
  for (const band of bands) if (total >= band.from) found = band;
  return found;
}

function bad(field: string, vi: string, en: string): never {
  throw AppError.badInput(field, { vi, en });
}

/** Validates bands: ascending, unique, the first from 0 (shared by the questionnaire and the 766 index). */
export function validateBands(bands: readonly Band[], field: string, max: number): void {
  if (!bands.length || bands[0].from !== 0) bad(field, 'thang xếp loại phải bắt đầu từ 0', 'bands must start at 0');
  bands.forEach((band, i) => {
    if (!band.label?.trim() || !band.labelEn?.trim()) bad(field, 'mỗi mức xếp loại cần tên tiếng Việt và tiếng Anh', 'every band needs a Vietnamese and an English label');
    if (i > 0 && !(band.from > bands[i - 1].from)) bad(field, 'các mức xếp loại phải tăng dần', 'bands must be in ascending order');
    if (band.from > max) bad(field, `mức "${band.label}" vượt quá điểm tối đa ${max}`, `band "${band.labelEn}" starts above the maximum ${max}`);
  });
}

/** Refuses a questionnaire that could not score a sheet, naming what is wrong. */
export function validateQuestionnaire(config: QuestionnaireConfig): void {
  if (!config.title?.trim()) bad('title', 'thiếu tên phiếu', 'the title is missing');
  if (!config.criteria?.length) bad('criteria', 'phiếu cần ít nhất một tiêu chí', 'at least one criterion is needed');
  const numbers = new Set<number>();
  for (const criterion of config.criteria) {
    if (numbers.has(criterion.number)) bad('criteria', `tiêu chí số ${criterion.number} bị trùng`, `criterion ${criterion.number} appears twice`);
    numbers.add(criterion.number);
    if (![...DOSSIER_RULES, ...AGENCY_PERIOD_RULES].includes(criterion.rule)) bad('criteria', `quy tắc chấm không hợp lệ: ${criterion.rule}`, `unknown rule ${criterion.rule}`);
    if (criterion.points?.length !== 3 || criterion.points.some((p) => !Number.isFinite(p) || p < 0)) {
      bad('criteria', `tiêu chí ${criterion.number} cần 3 mức điểm không âm`, `criterion ${criterion.number} needs three non-negative points`);
    }
  }
  const codes = new Set(config.satisfactionQuestions.map((q) => q.code));
  if (codes.size !== config.satisfactionQuestions.length) bad('satisfactionQuestions', 'mã câu hỏi bị trùng', 'question codes must be unique');
  if (config.satisfactionQuestions.some((q) => q.levels?.length !== 5)) bad('satisfactionQuestions', 'mỗi câu hỏi hài lòng có đúng 5 mức', 'every satisfaction question has exactly 5 levels');
  validateBands(config.bands, 'bands', maxTotal(config));
  for (const name of Object.keys(DEFAULT_QUESTIONNAIRE.params) as (keyof QuestionnaireParams)[]) {
    const value = config.params?.[name];
    if (!(typeof value === 'number' && value >= 0 && value <= 1)) bad(`params.${name}`, 'tỷ lệ phải từ 0 đến 1', 'shares must be between 0 and 1');
  }
}
