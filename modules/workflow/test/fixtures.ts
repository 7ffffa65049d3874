/**
 * Calendars and instants shared by the clock tests. Instants are written as Vietnamese wall
 * time (`at('2025-04-24 10:15')` is 10:15 in Asia/Ho_Chi_Minh).
 */
import { NATIONAL_RULES } from '../src/calendars/national-calendar.js';
import { type CalendarRules, calendarSnapshot, DEFAULT_RULES } from '../src/clock/calendar.js';
import { isoInstant } from '../src/clock/zone.js';

/** `YYYY-MM-DD HH:MM[:SS]` in Vietnam (UTC+7) as a Date. */
export function at(wallTime: string): Date {
  return new Date(`${wallTime.replace(' ', 'T')}${wallTime.length === 16 ? ':00' : ''}+07:00`);
}

/** A Date written back as Vietnamese wall time with offset, for readable assertions. */
export function vn(instant: Date | null): string | null {
  return instant && isoInstant('Asia/Ho_Chi_Minh', instant.getTime());
}

/** The seeded national calendar (2025 and 2026 days), as version 1. */
export const VN_GOV = calendarSnapshot({ calendarId: 'vn-gov', code: 'VN-GOV', version: 1 }, NATIONAL_RULES);

/** Default rules without any dated exception. */
export const PLAIN = calendarSnapshot({ calendarId: 'plain', code: 'PLAIN', version: 1 }, DEFAULT_RULES);

/** A snapshot of other rules (defaults for whatever is not given). */
export function calendarWith(rules: Partial<CalendarRules>, code = 'TEST'): ReturnType<typeof calendarSnapshot> {
  return calendarSnapshot({ calendarId: code.toLowerCase(), code, version: 1 }, { ...DEFAULT_RULES, ...rules });
}
