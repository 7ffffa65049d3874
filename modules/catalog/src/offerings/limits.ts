/**
 * Comparing an agency's local time limit with the statutory one, when their units may differ.
 *
 * Rule (documented decision): a local limit is accepted only if it is *certainly* no longer
 * than the statutory limit, on the workflow clock's scale of working minutes (8-hour day):
 * - same unit: the values compare directly;
 * - the local limit is taken at its longest: working hours and days exactly, SAME_DAY as one
 *   working day, N calendar days as N working days (a calendar day holds at most one);
 * - the statutory limit is taken at its shortest: N calendar days hold at least
 *   ⌊N/7⌋·5 + max(0, N mod 7 − 2) working days (a weekend falls in every 7 days; holidays
 *   are not counted against it), and a SAME_DAY statutory limit admits only SAME_DAY.
 */
import { quotaMinutes, type TimeLimit, TimeLimitUnit } from '@motcua/workflow/contract';

/** Working days certainly contained in `days` consecutive calendar days (weekends only). */
export function workingDaysWithin(days: number): number {
  return Math.floor(days / 7) * 5 + Math.max(0, (days % 7) - 2);
}

function longestMinutes(limit: TimeLimit): number {
  return limit.unit === TimeLimitUnit.CALENDAR_DAYS ? limit.value * quotaMinutes({ value: 1, unit: TimeLimitUnit.WORKING_DAYS }) : quotaMinutes(limit);
}

function shortestMinutes(limit: TimeLimit): number {
  if (limit.unit === TimeLimitUnit.SAME_DAY) return 0;
  if (limit.unit === TimeLimitUnit.CALENDAR_DAYS) return quotaMinutes({ value: workingDaysWithin(limit.value), unit: TimeLimitUnit.WORKING_DAYS });
  return quotaMinutes(limit);
}

/**
 * Whether a local limit is certainly within the statutory one.
 *
 * @example
 * limitWithin({ value: 3, unit: TimeLimitUnit.WORKING_DAYS }, { value: 5, unit: TimeLimitUnit.WORKING_DAYS }); // true
 * limitWithin({ value: 20, unit: TimeLimitUnit.WORKING_DAYS }, { value: 30, unit: TimeLimitUnit.CALENDAR_DAYS }); // true (30 days hold ≥ 20 working days)
 * limitWithin({ value: 22, unit: TimeLimitUnit.WORKING_DAYS }, { value: 30, unit: TimeLimitUnit.CALENDAR_DAYS }); // false
 */
export function limitWithin(local: TimeLimit, statutory: TimeLimit): boolean {
  if (local.unit === statutory.unit) return local.value <= statutory.value;
  return longestMinutes(local) <= shortestMinutes(statutory);
}

/** The limit that applies: the local one when set and within the statutory one, else the statutory one. */
export function effectiveLimit(statutory: TimeLimit, local: TimeLimit | null): TimeLimit {
  return local && limitWithin(local, statutory) ? local : statutory;
}
