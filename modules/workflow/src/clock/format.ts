import type { Bilingual } from '@motcua/kernel/contract';
import { DayStatus, formatClockTime, type WorkingPeriod } from './calendar.js';
import { type DayNumber, slipDate, toLocal, weekdayOf } from './zone.js';

/**
 * Wording of the clock's explanations, in both languages. Dates are written DD/MM/YYYY in
 * both, as on Vietnamese slips; notes of calendar days stay in Vietnamese.
 */
const WEEKDAY: Record<number, Bilingual> = {
  1: { vi: 'thứ Hai', en: 'Monday' },
  2: { vi: 'thứ Ba', en: 'Tuesday' },
  3: { vi: 'thứ Tư', en: 'Wednesday' },
  4: { vi: 'thứ Năm', en: 'Thursday' },
  5: { vi: 'thứ Sáu', en: 'Friday' },
  6: { vi: 'thứ Bảy', en: 'Saturday' },
  7: { vi: 'Chủ nhật', en: 'Sunday' },
};

export const STATUS: Record<DayStatus, Bilingual> = {
  [DayStatus.WORKING]: { vi: 'ngày làm việc', en: 'working day' },
  [DayStatus.WEEKEND]: { vi: 'nghỉ cuối tuần', en: 'weekend' },
  [DayStatus.HOLIDAY]: { vi: 'nghỉ lễ', en: 'public holiday' },
  [DayStatus.DAY_OFF]: { vi: 'nghỉ hoán đổi', en: 'swapped day off' },
  [DayStatus.WORKING_DAY]: { vi: 'ngày làm việc hoán đổi', en: 'swapped working day' },
};

/** Builds a line from its two wordings. */
export function both(vi: string, en: string): Bilingual {
  return { vi, en };
}

/** `24/04/2025 (thứ Năm)` / `Thursday 24/04/2025`. */
export function dayLabel(day: DayNumber): Bilingual {
  const weekday = WEEKDAY[weekdayOf(day)];
  return both(`${slipDate(day)} (${weekday.vi})`, `${weekday.en} ${slipDate(day)}`);
}

/** One date as {@link dayLabel}, or a range `24/04/2025 – 29/04/2025` (the same in both languages). */
export function daysLabel(first: DayNumber, last: DayNumber): Bilingual {
  const range = `${slipDate(first)} – ${slipDate(last)}`;
  return first === last ? dayLabel(first) : both(range, range);
}

/** `HH:MM`, with seconds only when there are some. */
function wallClock(ms: number): string {
  const seconds = Math.floor(ms / 1000) % 60;
  return `${formatClockTime(Math.floor(ms / 60_000))}${seconds ? `:${String(seconds).padStart(2, '0')}` : ''}`;
}

/** `10:15 thứ Năm 24/04/2025` / `10:15 Thursday 24/04/2025`. */
export function instantLabel(timeZone: string, instant: number): Bilingual {
  const local = toLocal(timeZone, instant);
  const weekday = WEEKDAY[weekdayOf(local.day)];
  const time = wallClock(local.ms);
  return both(`${time} ${weekday.vi} ${slipDate(local.day)}`, `${time} ${weekday.en} ${slipDate(local.day)}`);
}

/** The wall-clock time of an instant, `HH:MM`. */
export function timeLabel(timeZone: string, instant: number): string {
  return wallClock(toLocal(timeZone, instant).ms);
}

/** `4 giờ 45 phút` / `4 h 45 min` (seconds only when there are some). */
export function durationLabel(ms: number): Bilingual {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const [hours, minutes, seconds] = [Math.floor(totalSeconds / 3600), Math.floor(totalSeconds / 60) % 60, totalSeconds % 60];
  const parts = (h: string, m: string, s: string) =>
    [hours ? `${hours} ${h}` : '', minutes || (!hours && !seconds) ? `${minutes} ${m}` : '', seconds ? `${seconds} ${s}` : ''].filter(Boolean).join(' ');
  const sign = ms < 0 ? '-' : '';
  return both(sign + parts('giờ', 'phút', 'giây'), sign + parts('h', 'min', 's'));
}

/** `07:00–11:30, 13:30–17:00`. */
export function periodsLabel(periods: readonly WorkingPeriod[]): string {
  return periods.map((p) => `${formatClockTime(p.start)}–${formatClockTime(p.end)}`).join(', ');
}

/** A number without trailing zeros, with a decimal comma in Vietnamese (`0,5` / `0.5`). */
export function numberLabel(value: number): Bilingual {
  const text = String(Number(value.toFixed(4)));
  return both(text.replace('.', ','), text);
}
