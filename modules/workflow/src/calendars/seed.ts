import type { SeedContext } from '@motcua/kernel/contract';
import { Calendar, CalendarVersion } from './calendar.entity.js';
import { appendVersion, insertCalendar, mergeDays, ownDays } from './calendar.store.js';
import { NATIONAL_CALENDAR, NATIONAL_DAYS, NATIONAL_RULES } from './national-calendar.js';

/**
 * Reference data, seeded on every installation (not only the demo): the national calendar
 * `VN-GOV`. Idempotent: a later release's new national days are added as one new version,
 * except dates the calendar has ever had, so a day an administrator removed stays removed.
 */
export async function seedWorkflow({ em, clock }: SeedContext): Promise<void> {
  const now = clock.now();
  const calendar = await em.findOne(Calendar, { code: NATIONAL_CALENDAR.code });
  if (!calendar) {
    await insertCalendar(em, { ...NATIONAL_CALENDAR, agencyId: null, base: null }, { rules: NATIONAL_RULES, change: 'seed', actorId: null, now });
    return;
  }
  const versions = await em.find(CalendarVersion, { calendar });
  const known = new Set(versions.flatMap((version) => version.rules.days.map((day) => day.date)));
  const missing = NATIONAL_DAYS.filter((day) => !known.has(day.date));
  if (!missing.length) return;
  const current = versions.find((version) => version.number === calendar.version)!.rules;
  const rules = { ...current, days: mergeDays([...ownDays(current), ...missing], current.days.filter((day) => day.inherited)) };
  await appendVersion(em, calendar, { rules, change: `seed: ${missing.map((day) => `+${day.date} ${day.kind}`).join(', ')}`, actorId: null, now });
}
