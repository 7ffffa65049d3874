/**
 * Quotas and statutory limits on one scale: working minutes of the calendar's standard day.
 *
 * Rules (documented decisions):
 * - WORKING_HOURS: value × 60; WORKING_DAYS: value × the standard day (480 min by default).
 * - SAME_DAY: one standard day, the most a same-day dossier can get (received at opening).
 * - CALENDAR_DAYS: value × the standard day, i.e. a calendar day counts as one working day.
 *   Between two calendar-day amounts this is exact (days compare as days). Between a
 *   calendar-day amount and a working-time one it is an approximation, flagged as such: a
 *   calendar day never holds more than one working day, so a working-time sum above a
 *   calendar-day limit is certainly over it, while weekends can make a sum below it over too.
 */
import { type TimeLimit, TimeLimitUnit } from '../clock/deadline.js';

/** The standard working day when no calendar is at hand (Decree 118 practice: 8 h). */
export const STANDARD_DAY_MINUTES = 480;

/** Whether a unit counts calendar days rather than working time. */
export function isCalendarUnit(unit: TimeLimitUnit): boolean {
  return unit === TimeLimitUnit.CALENDAR_DAYS;
}

/**
 * A quota or limit in working minutes (see the module comment for the rules).
 *
 * @example
 * quotaMinutes({ value: 0.5, unit: TimeLimitUnit.WORKING_DAYS }); // 240
 * quotaMinutes({ value: 3, unit: TimeLimitUnit.WORKING_HOURS }); // 180
 */
export function quotaMinutes(quota: TimeLimit, standardDayMinutes = STANDARD_DAY_MINUTES): number {
  switch (quota.unit) {
    case TimeLimitUnit.WORKING_HOURS:
      return quota.value * 60;
    case TimeLimitUnit.SAME_DAY:
      return standardDayMinutes;
    default:
      return quota.value * standardDayMinutes;
  }
}

/**
 * A duration in working minutes as the text a person reads: days and hours of the standard day.
 *
 * @example
 * formatMinutes(600); // { vi: '1 ngày 2 giờ', en: '1 d 2 h' }
 */
export function formatMinutes(minutes: number, standardDayMinutes = STANDARD_DAY_MINUTES): { vi: string; en: string } {
  const rounded = Math.round(minutes);
  const days = Math.floor(rounded / standardDayMinutes);
  const hours = Math.floor((rounded % standardDayMinutes) / 60);
  const rest = rounded % 60;
  const part = (n: number, vi: string, en: string) => (n ? [{ vi: `${n} ${vi}`, en: `${n} ${en}` }] : []);
  const parts = [...part(days, 'ngày', 'd'), ...part(hours, 'giờ', 'h'), ...part(rest, 'phút', 'min')];
  if (!parts.length) return { vi: '0 phút', en: '0 min' };
  return { vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') };
}
