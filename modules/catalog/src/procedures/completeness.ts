/**
 * The completeness check run before publishing (Decree 63/2010 Art. 8(2) as the national 766
 * formula checks it, one-stop-domain §3): every mandatory part that is missing, at once.
 */
import type { Bilingual } from '@motcua/kernel/contract';
import type { ProcedureContent } from './content.js';

/** A missing mandatory part: a stable key for clients plus the message in both languages. */
export interface MissingPart extends Bilingual {
  part: string;
}

const CHECKS: Array<{ part: string; vi: string; en: string; missing: (c: ProcedureContent) => boolean }> = [
  { part: 'name', vi: 'tên thủ tục', en: 'the procedure name', missing: (c) => !c.name.trim() },
  { part: 'sector', vi: 'lĩnh vực', en: 'the sector', missing: (c) => !c.sectorCode },
  { part: 'levels', vi: 'cấp thực hiện', en: 'the implementation level', missing: (c) => !c.levels.length },
  { part: 'steps', vi: 'trình tự thực hiện', en: 'the steps', missing: (c) => !c.steps.trim() },
  { part: 'channels', vi: 'cách thức thực hiện (ít nhất một kênh)', en: 'the channels (at least one)', missing: (c) => !c.channels.length },
  { part: 'channelLimits', vi: 'thời hạn giải quyết của mỗi kênh', en: 'a time limit on every channel', missing: (c) => c.channels.some((o) => !(o.limit.value > 0)) },
  { part: 'components', vi: 'thành phần hồ sơ (ít nhất một trường hợp có thành phần)', en: 'the dossier components (a case with components)', missing: (c) => !c.cases.length || c.cases.some((k) => !k.components.length) },
  { part: 'applicantTypes', vi: 'đối tượng thực hiện', en: 'the applicant types', missing: (c) => !c.applicantTypes.length },
  { part: 'agencies', vi: 'cơ quan thực hiện', en: 'the implementing agencies', missing: (c) => !c.implementingAgencies.length },
  { part: 'results', vi: 'kết quả thực hiện', en: 'the results', missing: (c) => !c.results.length },
];

/**
 * Every mandatory part the content lacks; empty when it can be published.
 *
 * @example
 * missingParts(emptyContent('Đăng ký khai sinh', 'TP-HOTICH')).map((m) => m.part);
 * // ['levels', 'steps', 'channels', 'components', 'applicantTypes', 'agencies', 'results']
 */
export function missingParts(content: ProcedureContent): MissingPart[] {
  return CHECKS.filter((check) => check.missing(content)).map(({ part, vi, en }) => ({ part, vi, en }));
}
