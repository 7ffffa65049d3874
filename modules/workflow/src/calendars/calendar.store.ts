/**
 * Writing calendars and their versions, for the service (requests) and the seed alike:
 * every change is a new version row, and a base calendar's change flows into the calendars
 * derived from it as new versions of theirs.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { AppError, canonicalJson, publish, uuid7 } from '@motcua/kernel/contract';
import type { CalendarDayEntry, CalendarRules } from '../clock/calendar.js';
import { CalendarChanged } from '../contract.js';
import { Calendar, CalendarVersion } from './calendar.entity.js';

/** One change to write: the full rules after it and a note of what changed. */
export interface CalendarChange {
  rules: CalendarRules;
  change: string;
  actorId: string | null;
  now: Date;
}

/** Effective days: a calendar's own days, plus the base's days on dates it does not set itself, by date. */
export function mergeDays(own: readonly CalendarDayEntry[], base: readonly CalendarDayEntry[]): CalendarDayEntry[] {
  const ownDates = new Set(own.map((day) => day.date));
  const inherited = base.filter((day) => !ownDates.has(day.date)).map((day) => ({ ...day, inherited: true }));
  return [...own.map((day) => ({ ...day, inherited: false })), ...inherited].sort((a, b) => a.date.localeCompare(b.date));
}

/** The days a calendar sets itself (not inherited). */
export function ownDays(rules: CalendarRules): CalendarDayEntry[] {
  return rules.days.filter((day) => !day.inherited);
}

/** The calendar a derived calendar inherits from, or null. */
export function baseOf(calendar: Calendar): Promise<Calendar | null> {
  return calendar.base ? calendar.base.loadOrFail() : Promise.resolve(null);
}

/** The current version row of a calendar. */
export function currentVersion(em: EntityManager, calendar: Calendar): Promise<CalendarVersion> {
  return em.findOneOrFail(CalendarVersion, { calendar, number: calendar.version });
}

async function flushVersion(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    // Someone wrote the same version number first: their change won.
    if (error instanceof UniqueConstraintViolationException) throw new AppError('STALE_VERSION');
    throw error;
  }
}

function recordVersion(em: EntityManager, calendar: Calendar, change: CalendarChange, baseVersion: number | null): void {
  em.create(CalendarVersion, {
    id: uuid7(change.now.getTime()), calendar, number: calendar.version, rules: change.rules, baseVersion,
    change: change.change.slice(0, 1000), actorId: change.actorId, createdAt: change.now,
  });
  publish(em, CalendarChanged, { calendarId: calendar.id, version: calendar.version }, change.now);
}

/**
 * Creates a calendar with its first version. A derived calendar's rules must already hold
 * the base's days (see {@link mergeDays}).
 */
export async function insertCalendar(
  em: EntityManager,
  fields: { code: string; name: string; agencyId: string | null; base: Calendar | null },
  change: CalendarChange,
): Promise<Calendar> {
  const calendar = em.create(Calendar, { id: uuid7(change.now.getTime()), ...fields, version: 1, createdAt: change.now, updatedAt: change.now });
  recordVersion(em, calendar, change, fields.base?.version ?? null);
  await flushVersion(em);
  return calendar;
}

/**
 * Writes the next version of a calendar, then re-derives every calendar based on it whose
 * effective days change. Versions already used by clocks stay as they were.
 */
export async function appendVersion(em: EntityManager, calendar: Calendar, change: CalendarChange): Promise<void> {
  const base = await baseOf(calendar);
  calendar.version += 1;
  calendar.updatedAt = change.now;
  recordVersion(em, calendar, change, base?.version ?? null);
  await flushVersion(em);
  for (const derived of await em.find(Calendar, { base: calendar })) {
    const current = await currentVersion(em, derived);
    const days = mergeDays(ownDays(current.rules), change.rules.days);
    if (canonicalJson(days) === canonicalJson(current.rules.days)) continue;
    await appendVersion(em, derived, { ...change, rules: { ...current.rules, days }, change: `${calendar.code} v${calendar.version}: ${change.change}` });
  }
}
