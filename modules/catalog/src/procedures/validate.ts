/**
 * Checks procedure content from any source (GraphQL input, JSON or Excel import) and returns
 * it normalised (trimmed text, defaults filled). Every problem is collected and reported at
 * once in one BAD_USER_INPUT whose `details.problems` lists `{ path, vi, en }`.
 */
import { AppError, type Bilingual } from '@motcua/kernel/contract';
import { TimeLimitUnit } from '@motcua/workflow/contract';
import { formSchemaProblems } from '../forms/form.js';
import {
  type ApplicationForm, Channel, type ChannelOffer, type Component, type Fee, FeeMoment, ImplementationLevel, type LegalBasis, OnlineMode,
  type ProcedureCase, type ProcedureContent, type ProcedureResult, type PublishingDecision,
} from './content.js';
import { sectorOf } from './sectors.js';

export interface ContentProblem extends Bilingual {
  path: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;
/** Largest limit value per unit, as the workflow clock accepts (about five years). */
const MAX_LIMIT: Record<TimeLimitUnit, number> = {
  [TimeLimitUnit.WORKING_HOURS]: 10_000, [TimeLimitUnit.WORKING_DAYS]: 1_250, [TimeLimitUnit.CALENDAR_DAYS]: 1_830, [TimeLimitUnit.SAME_DAY]: 1,
};

/** Whether a `YYYY-MM-DD` text is a real calendar date. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Collects problems while reading untrusted content. */
class Reader {
  readonly problems: ContentProblem[] = [];

  problem(path: string, vi: string, en: string): void {
    this.problems.push({ path, vi, en });
  }

  text(path: string, value: unknown, max: number, required: boolean): string {
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      if (required) this.problem(path, 'không được để trống', 'must not be empty');
      return '';
    }
    if (typeof value !== 'string') return this.problem(path, 'phải là chuỗi ký tự', 'must be text'), '';
    const text = value.trim();
    if (text.length > max) this.problem(path, `tối đa ${max} ký tự`, `at most ${max} characters`);
    return text;
  }

  optionalText(path: string, value: unknown, max: number): string | null {
    return this.text(path, value, max, false) || null;
  }

  date(path: string, value: unknown): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (!isIsoDate(value)) return this.problem(path, 'ngày phải có dạng YYYY-MM-DD', 'the date must be YYYY-MM-DD'), null;
    return value;
  }

  enumValue<E extends string>(path: string, value: unknown, values: Record<string, E>): E | null {
    if (typeof value === 'string' && (Object.values(values) as string[]).includes(value)) return value as E;
    this.problem(path, `phải là một trong ${Object.values(values).join(', ')}`, `must be one of ${Object.values(values).join(', ')}`);
    return null;
  }

  list(path: string, value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.problem(path, 'phải là một danh sách', 'must be a list'), [];
    return value;
  }

  object(path: string, value: unknown): Record<string, unknown> {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(path, 'phải là một đối tượng', 'must be an object');
    return {};
  }

  count(path: string, value: unknown, fallback: number): number {
    if (value === undefined || value === null) return fallback;
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 100) return this.problem(path, 'phải là số nguyên 0–100', 'must be a whole number 0–100'), fallback;
    return value as number;
  }

  bool(value: unknown, fallback: boolean): boolean {
    return typeof value === 'boolean' ? value : fallback;
  }

  uniqueCodes(path: string, codes: string[]): void {
    const repeated = codes.find((code, i) => code && codes.indexOf(code) !== i);
    if (repeated) this.problem(path, `mã "${repeated}" bị trùng`, `code "${repeated}" appears twice`);
  }

  itemCode(path: string, value: unknown): string {
    const code = this.text(path, value, 50, true);
    if (code && !ITEM_CODE.test(code)) this.problem(path, 'mã gồm chữ, số, ., -, _ (tối đa 50)', 'a code is letters, digits, ., -, _ (at most 50)');
    return code;
  }
}

function readFee(r: Reader, path: string, raw: unknown): Fee {
  const fee = r.object(path, raw);
  const amount = fee.amount;
  if (!Number.isSafeInteger(amount) || (amount as number) < 0) r.problem(`${path}.amount`, 'số tiền (đồng) phải là số nguyên ≥ 0', 'the amount (VND) must be a whole number ≥ 0');
  return {
    name: r.text(`${path}.name`, fee.name, 500, true), amount: Number(amount) || 0,
    moment: r.enumValue(`${path}.moment`, fee.moment ?? FeeMoment.AT_SUBMISSION, FeeMoment) ?? FeeMoment.AT_SUBMISSION,
    note: r.optionalText(`${path}.note`, fee.note, 1000),
  };
}

function readChannel(r: Reader, path: string, raw: unknown): ChannelOffer {
  const offer = r.object(path, raw);
  const limit = r.object(`${path}.limit`, offer.limit ?? {});
  const unit = r.enumValue(`${path}.limit.unit`, limit.unit, TimeLimitUnit) ?? TimeLimitUnit.WORKING_DAYS;
  const value = Number(limit.value);
  if (!Number.isFinite(value) || value <= 0 || value > MAX_LIMIT[unit]) r.problem(`${path}.limit.value`, `thời hạn phải > 0 và ≤ ${MAX_LIMIT[unit]}`, `the time limit must be > 0 and ≤ ${MAX_LIMIT[unit]}`);
  else if (unit === TimeLimitUnit.SAME_DAY && value !== 1) r.problem(`${path}.limit.value`, 'thời hạn trong ngày có giá trị 1', 'a SAME_DAY limit has the value 1');
  else if (unit === TimeLimitUnit.CALENDAR_DAYS && !Number.isInteger(value)) r.problem(`${path}.limit.value`, 'số ngày lịch phải là số nguyên', 'calendar days must be a whole number');
  return {
    channel: r.enumValue(`${path}.channel`, offer.channel, Channel) ?? Channel.DIRECT,
    limit: { value, unit },
    fees: r.list(`${path}.fees`, offer.fees).map((fee, i) => readFee(r, `${path}.fees[${i}]`, fee)),
    description: r.optionalText(`${path}.description`, offer.description, 2000),
  };
}

function readComponent(r: Reader, path: string, raw: unknown): Component {
  const c = r.object(path, raw);
  return {
    code: r.itemCode(`${path}.code`, c.code), name: r.text(`${path}.name`, c.name, 2000, true),
    templateFile: r.optionalText(`${path}.templateFile`, c.templateFile, 1000),
    originals: r.count(`${path}.originals`, c.originals, 1), copies: r.count(`${path}.copies`, c.copies, 0),
    mandatory: r.bool(c.mandatory, true), fromSharedDatabase: r.bool(c.fromSharedDatabase, false),
  };
}

function readForm(r: Reader, path: string, raw: unknown): ApplicationForm | null {
  if (raw === undefined || raw === null) return null;
  const form = r.object(path, raw);
  for (const problem of formSchemaProblems(form.schema)) r.problem(`${path}.schema`, problem.vi, problem.en);
  const uiSchema = form.uiSchema === undefined || form.uiSchema === null ? {} : r.object(`${path}.uiSchema`, form.uiSchema);
  return { schema: (form.schema ?? {}) as Record<string, unknown>, uiSchema };
}

function readCase(r: Reader, path: string, raw: unknown): ProcedureCase {
  const c = r.object(path, raw);
  const components = r.list(`${path}.components`, c.components).map((item, i) => readComponent(r, `${path}.components[${i}]`, item));
  r.uniqueCodes(`${path}.components`, components.map((component) => component.code));
  return { code: r.itemCode(`${path}.code`, c.code), name: r.text(`${path}.name`, c.name, 1000, true), components, form: readForm(r, `${path}.form`, c.form) };
}

function readLegalBasis(r: Reader, path: string, raw: unknown): LegalBasis {
  const b = r.object(path, raw);
  return {
    number: r.text(`${path}.number`, b.number, 100, true), title: r.text(`${path}.title`, b.title, 1000, true),
    issuer: r.optionalText(`${path}.issuer`, b.issuer, 300), issuedOn: r.date(`${path}.issuedOn`, b.issuedOn), effectiveOn: r.date(`${path}.effectiveOn`, b.effectiveOn),
  };
}

function readResult(r: Reader, path: string, raw: unknown): ProcedureResult {
  const result = r.object(path, raw);
  return { name: r.text(`${path}.name`, result.name, 1000, true), code: r.optionalText(`${path}.code`, result.code, 50), paper: r.bool(result.paper, true) };
}

function readDecision(r: Reader, raw: unknown): PublishingDecision | null {
  if (raw === undefined || raw === null) return null;
  const d = r.object('publishingDecision', raw);
  return { number: r.text('publishingDecision.number', d.number, 100, true), date: r.date('publishingDecision.date', d.date) };
}

function readLevels(r: Reader, raw: unknown, legacyAllowed: boolean): ImplementationLevel[] {
  const levels = r.list('levels', raw).map((level, i) => r.enumValue(`levels[${i}]`, level, ImplementationLevel)).filter((l): l is ImplementationLevel => !!l);
  if (!legacyAllowed && levels.includes(ImplementationLevel.HUYEN)) {
    r.problem('levels', 'cấp huyện không còn từ 01/07/2025, không dùng cho thủ tục mới', 'the district level was abolished on 01/07/2025 and is refused for new content');
  }
  return [...new Set(levels)];
}

function readStrings(r: Reader, path: string, raw: unknown, max: number): string[] {
  return [...new Set(r.list(path, raw).map((item, i) => r.text(`${path}[${i}]`, item, max, true)).filter(Boolean))];
}

/** Reads content without throwing: the normalised content and every problem found. */
export function readContent(raw: unknown, options: { legacyLevels?: boolean } = {}): { content: ProcedureContent; problems: ContentProblem[] } {
  const r = new Reader();
  const c = r.object('content', raw);
  const sectorCode = r.text('sectorCode', c.sectorCode, 50, true);
  if (sectorCode && !sectorOf(sectorCode)) r.problem('sectorCode', `lĩnh vực "${sectorCode}" không có trong danh mục`, `sector "${sectorCode}" is not in the code list`);
  const channels = r.list('channels', c.channels).map((item, i) => readChannel(r, `channels[${i}]`, item));
  const repeatedChannel = channels.find((offer, i) => channels.findIndex((o) => o.channel === offer.channel) !== i);
  if (repeatedChannel) r.problem('channels', `kênh ${repeatedChannel.channel} bị trùng`, `channel ${repeatedChannel.channel} appears twice`);
  const cases = r.list('cases', c.cases).map((item, i) => readCase(r, `cases[${i}]`, item));
  r.uniqueCodes('cases', cases.map((item) => item.code));
  const content: ProcedureContent = {
    name: r.text('name', c.name, 2000, true), sectorCode, levels: readLevels(r, c.levels, options.legacyLevels ?? false),
    applicantTypes: readStrings(r, 'applicantTypes', c.applicantTypes, 200),
    implementingAgencies: readStrings(r, 'implementingAgencies', c.implementingAgencies, 500),
    steps: r.text('steps', c.steps, 20_000, false), conditions: r.optionalText('conditions', c.conditions, 20_000),
    onlineMode: r.enumValue('onlineMode', c.onlineMode ?? OnlineMode.NONE, OnlineMode) ?? OnlineMode.NONE,
    publishingDecision: readDecision(r, c.publishingDecision),
    legalBasis: r.list('legalBasis', c.legalBasis).map((item, i) => readLegalBasis(r, `legalBasis[${i}]`, item)),
    results: r.list('results', c.results).map((item, i) => readResult(r, `results[${i}]`, item)),
    channels, cases,
    ...(r.bool(c.boundaryFree, false) ? { boundaryFree: true } : {}),
  };
  return { content, problems: r.problems };
}

/** One bilingual text listing problems, e.g. for a rejected import row. */
export function describeProblems(problems: readonly ContentProblem[]): Bilingual {
  return { vi: problems.map((p) => `${p.path}: ${p.vi}`).join('; '), en: problems.map((p) => `${p.path}: ${p.en}`).join('; ') };
}

/**
 * Normalised content, or BAD_USER_INPUT listing every problem (`details.problems`).
 *
 * @example
 * normalizeContent({ name: 'Đăng ký khai sinh', sectorCode: 'TP-HOTICH', levels: ['XA'] });
 */
export function normalizeContent(raw: unknown, options: { legacyLevels?: boolean } = {}): ProcedureContent {
  const { content, problems } = readContent(raw, options);
  if (problems.length) throw new AppError('BAD_USER_INPUT', { reason: describeProblems(problems) }, { field: problems[0].path, problems });
  return content;
}
