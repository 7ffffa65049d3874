import { type CalendarDayEntry, CalendarDayKind, type CalendarRules, DEFAULT_RULES } from '../clock/calendar.js';

/**
 * The national government calendar `VN-GOV`: reference data every installation gets, from
 * one-stop-domain §6.2 (2025 and 2026 calendars for civil servants, [S] secondary sources).
 * Provinces derive their own calendars from it. Not included, because unconfirmed: the
 * proposed swap around 24/11/2026 (Mon 23/11 off, Sat 28/11 worked).
 */
export const NATIONAL_CALENDAR = { code: 'VN-GOV', name: 'Lịch làm việc cơ quan hành chính nhà nước (toàn quốc)' };

const LABOUR_CODE = 'Bộ luật Lao động 45/2019/QH14, Điều 112';
const NOTICE_2025 = 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024';
const SWAP_2025 = 'Hoán đổi ngày làm việc dịp 30/4–1/5/2025 (one-stop-domain §6.2)';
const NEW_YEAR_2026 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025';
const NOTICE_2026 = 'Thông báo 9441/TB-BNV (lịch nghỉ năm 2026; bản gốc chưa đối chiếu)';

type Day = [date: string, kind: CalendarDayKind, note: string, source: string];
const { HOLIDAY, DAY_OFF, WORKING_DAY } = CalendarDayKind;

const DAYS: Day[] = [
  ['2025-01-01', HOLIDAY, 'Tết Dương lịch', `${LABOUR_CODE}; ${NOTICE_2025}`],
  ...['27', '28', '29', '30', '31'].map((d): Day => [`2025-01-${d}`, HOLIDAY, 'Tết Nguyên đán Ất Tỵ', `${LABOUR_CODE}; ${NOTICE_2025}`]),
  ['2025-04-07', HOLIDAY, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', `${LABOUR_CODE}; ${NOTICE_2025}`],
  ['2025-04-26', WORKING_DAY, 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025', SWAP_2025],
  ['2025-04-30', HOLIDAY, 'Ngày Chiến thắng (30/4)', LABOUR_CODE],
  ['2025-05-01', HOLIDAY, 'Ngày Quốc tế Lao động (1/5)', LABOUR_CODE],
  ['2025-05-02', DAY_OFF, 'Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025', SWAP_2025],
  ['2025-09-01', HOLIDAY, 'Quốc khánh (ngày liền kề)', `${LABOUR_CODE}; ${NOTICE_2025}`],
  ['2025-09-02', HOLIDAY, 'Quốc khánh (2/9)', LABOUR_CODE],
  ['2026-01-01', HOLIDAY, 'Tết Dương lịch', LABOUR_CODE],
  ['2026-01-02', DAY_OFF, 'Nghỉ hoán đổi dịp Tết Dương lịch, làm bù thứ Bảy 10/01/2026', NEW_YEAR_2026],
  ['2026-01-10', WORKING_DAY, 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026', NEW_YEAR_2026],
  ...['16', '17', '18', '19', '20'].map((d): Day => [`2026-02-${d}`, HOLIDAY, 'Tết Nguyên đán Bính Ngọ', `${LABOUR_CODE}; ${NOTICE_2026}`]),
  ['2026-04-27', HOLIDAY, 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026)', `${LABOUR_CODE}; Điều 111(3)`],
  ['2026-04-30', HOLIDAY, 'Ngày Chiến thắng (30/4)', LABOUR_CODE],
  ['2026-05-01', HOLIDAY, 'Ngày Quốc tế Lao động (1/5)', LABOUR_CODE],
  ['2026-08-22', WORKING_DAY, 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026', NOTICE_2026],
  ['2026-08-31', DAY_OFF, 'Nghỉ hoán đổi dịp Quốc khánh, làm bù thứ Bảy 22/08/2026', NOTICE_2026],
  ['2026-09-01', HOLIDAY, 'Quốc khánh (ngày liền kề)', `${LABOUR_CODE}; ${NOTICE_2026}`],
  ['2026-09-02', HOLIDAY, 'Quốc khánh (2/9)', LABOUR_CODE],
  ['2026-11-24', HOLIDAY, 'Ngày Văn hóa Việt Nam', 'Nghị quyết 28/2026/QH16 về phát triển văn hóa Việt Nam (từ 01/07/2026)'],
];

/** The national days as calendar entries. */
export const NATIONAL_DAYS: CalendarDayEntry[] = DAYS.map(([date, kind, note, source]) => ({ date, kind, note, source, inherited: false }));

/** The national calendar's rules: the defaults plus the days above. */
export const NATIONAL_RULES: CalendarRules = { ...DEFAULT_RULES, days: NATIONAL_DAYS };
