import { AppError, appendAudit, ensureCan, isUuid, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import {
  type CalendarDayEntry, CalendarDayKind, type CalendarRules, DEFAULT_RULES, parseWorkingPeriods, validWeekendDays,
} from '../clock/calendar.js';
import { isoDay, type IsoWeekday, validTimeZone, weekdayOf } from '../clock/zone.js';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { Calendar } from './calendar.entity.js';
import { CALENDAR_ENTITY, toCalendarNode } from './calendar.read.js';
import { appendVersion, baseOf, currentVersion, insertCalendar, mergeDays, ownDays } from './calendar.store.js';
import type { CalendarDayInput, CalendarNode, CreateCalendarInput, SetCalendarDaysInput, UpdateCalendarInput } from './calendar.types.js';

const CALENDAR_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;

function validCode(code: string): string {
  const trimmed = code.trim();
  if (!CALENDAR_CODE.test(trimmed)) {
    throw AppError.badInput('code', { vi: 'mã lịch gồm 2–50 ký tự chữ, số, ., -, _', en: 'the calendar code must be 2–50 of letters, digits, ., -, _' });
  }
  return trimmed;
}

function validText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text || text.length > max) throw AppError.badInput(field, { vi: `${field} phải có 1–${max} ký tự`, en: `${field} must be 1–${max} characters` });
  return text;
}

function optionalText(field: string, value: string | undefined | null, max: number): string | null {
  return value?.trim() ? validText(field, value, max) : null;
}

async function calendarEntityOrFail(ctx: RequestContext, idOrCode: string): Promise<Calendar> {
  const calendar = await ctx.em.findOne(Calendar, isUuid(idOrCode) ? { id: idOrCode } : { code: idOrCode });
  if (!calendar) throw AppError.notFound(CALENDAR_ENTITY, idOrCode);
  return calendar;
}

/** Refuses unless the caller manages calendars of the agency (a national calendar needs a global grant). */
async function assertManages(ctx: RequestContext, agencyId: string | null): Promise<void> {
  const agency = agencyId ? await agencyUnitOrFail(ctx.em, agencyId) : { id: null, path: '' };
  ensureCan(ctx, 'manage', 'Calendar', { agency });
}

function assertVersion(calendar: Calendar, version: number | null | undefined): void {
  if (version !== undefined && version !== null && version !== calendar.version) throw new AppError('STALE_VERSION', {}, { current: calendar.version });
}

/** A WORKING_DAY belongs on a weekend day, HOLIDAY and DAY_OFF on a weekday. */
function assertKindFits(entry: CalendarDayEntry, weekendDays: readonly IsoWeekday[]): void {
  const weekend = weekendDays.includes(weekdayOf(isoDay(entry.date)));
  if ((entry.kind === CalendarDayKind.WORKING_DAY) !== weekend) {
    throw AppError.badInput('days', entry.kind === CalendarDayKind.WORKING_DAY
      ? { vi: `${entry.date} không phải ngày nghỉ cuối tuần nên không thể là ngày làm việc hoán đổi`, en: `${entry.date} is not a weekend day, so it cannot be a swapped working day` }
      : { vi: `${entry.date} là ngày nghỉ cuối tuần nên không thể là ${entry.kind}`, en: `${entry.date} is a weekend day, so it cannot be ${entry.kind}` });
  }
}

function validDay(input: CalendarDayInput, weekendDays: readonly IsoWeekday[]): CalendarDayEntry {
  isoDay(input.date, 'days');
  const entry = { date: input.date, kind: input.kind, note: optionalText('note', input.note, 300), source: optionalText('source', input.source, 500), inherited: false };
  assertKindFits(entry, weekendDays);
  return entry;
}

async function audit(ctx: RequestContext, action: string, calendarId: string, data: unknown): Promise<void> {
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action, entityType: 'Calendar', entityId: calendarId, data }, ctx.clock.now());
}

/** The rules a new calendar starts with: the given ones, else the base calendar's, else the defaults. */
async function initialRules(ctx: RequestContext, input: CreateCalendarInput, base: Calendar | null): Promise<CalendarRules> {
  const baseRules = base ? (await currentVersion(ctx.em, base)).rules : DEFAULT_RULES;
  return {
    timezone: input.timezone ? validTimeZone(input.timezone) : baseRules.timezone,
    workingPeriods: input.workingPeriods ? parseWorkingPeriods(input.workingPeriods) : baseRules.workingPeriods,
    weekendDays: input.weekendDays ? validWeekendDays(input.weekendDays) : baseRules.weekendDays,
    days: mergeDays([], base ? baseRules.days : []),
  };
}

/** Creates a calendar for an agency the caller manages calendars of (a national one needs a global grant). */
export async function createCalendar(ctx: RequestContext, input: CreateCalendarInput): Promise<CalendarNode> {
  const actorId = requirePrincipal(ctx).userId;
  await assertManages(ctx, input.agencyId ?? null);
  const code = validCode(input.code);
  if (await ctx.em.count(Calendar, { code })) throw AppError.conflict({ vi: `mã lịch ${code} đã được dùng`, en: `calendar code ${code} is already in use` }, { field: 'code' });
  const base = input.baseCalendarId ? await calendarEntityOrFail(ctx, input.baseCalendarId) : null;
  const rules = await initialRules(ctx, input, base);
  const fields = { code, name: validText('name', input.name, 300), agencyId: input.agencyId ?? null, base };
  const calendar = await insertCalendar(ctx.em, fields, { rules, change: 'created', actorId, now: ctx.clock.now() });
  await audit(ctx, 'workflow.calendar.create', calendar.id, input);
  return toCalendarNode(calendar, calendar.version, rules);
}

/** Edits a calendar's name, zone, working periods or weekend days; rule changes write a new version. */
export async function updateCalendar(ctx: RequestContext, input: UpdateCalendarInput): Promise<CalendarNode> {
  const actorId = requirePrincipal(ctx).userId;
  const calendar = await calendarEntityOrFail(ctx, input.id);
  await assertManages(ctx, calendar.agencyId ?? null);
  assertVersion(calendar, input.version);
  const changed = (['name', 'timezone', 'workingPeriods', 'weekendDays'] as const).filter((field) => input[field]);
  if (!changed.length) throw AppError.badInput('input', { vi: 'không có gì để thay đổi', en: 'nothing to change' });
  const current = (await currentVersion(ctx.em, calendar)).rules;
  const rules: CalendarRules = {
    ...current,
    ...(input.timezone ? { timezone: validTimeZone(input.timezone) } : {}),
    ...(input.workingPeriods ? { workingPeriods: parseWorkingPeriods(input.workingPeriods) } : {}),
    ...(input.weekendDays ? { weekendDays: validWeekendDays(input.weekendDays) } : {}),
  };
  ownDays(rules).forEach((day) => assertKindFits(day, rules.weekendDays));
  if (input.name) calendar.name = validText('name', input.name, 300);
  await appendVersion(ctx.em, calendar, { rules, change: `settings: ${changed.join(', ')}`, actorId, now: ctx.clock.now() });
  await audit(ctx, 'workflow.calendar.update', calendar.id, input);
  return toCalendarNode(calendar, calendar.version, rules);
}

/** Checks the days to set and the dates to remove, then applies them to the calendar's own days. */
function changedOwnDays(current: CalendarRules, input: SetCalendarDaysInput): { own: CalendarDayEntry[]; change: string } {
  const removals = input.removeDates ?? [];
  if (!input.days.length && !removals.length) throw AppError.badInput('days', { vi: 'không có ngày nào để thay đổi', en: 'no days to change' });
  const entries = input.days.map((day) => validDay(day, current.weekendDays));
  const dates = [...entries.map((e) => e.date), ...removals];
  const repeated = dates.find((date, i) => dates.indexOf(date) !== i);
  if (repeated) throw AppError.badInput('days', { vi: `ngày ${repeated} xuất hiện hai lần`, en: `${repeated} appears twice` });
  const own = new Map(ownDays(current).map((day) => [day.date, day]));
  for (const date of removals) {
    if (!own.delete(date)) throw AppError.badInput('removeDates', { vi: `${date} không phải ngày riêng của lịch này`, en: `${date} is not one of this calendar's own days` });
  }
  entries.forEach((entry) => own.set(entry.date, entry));
  const change = `days: ${[...entries.map((e) => `+${e.date} ${e.kind}`), ...removals.map((date) => `-${date}`)].join(', ')}`;
  return { own: [...own.values()], change };
}

/** Sets and removes a calendar's own dated exceptions as one new version. */
export async function setCalendarDays(ctx: RequestContext, input: SetCalendarDaysInput): Promise<CalendarNode> {
  const actorId = requirePrincipal(ctx).userId;
  const calendar = await calendarEntityOrFail(ctx, input.calendarId);
  await assertManages(ctx, calendar.agencyId ?? null);
  assertVersion(calendar, input.version);
  const current = (await currentVersion(ctx.em, calendar)).rules;
  const { own, change } = changedOwnDays(current, input);
  const base = await baseOf(calendar);
  const baseDays = base ? (await currentVersion(ctx.em, base)).rules.days : [];
  const rules: CalendarRules = { ...current, days: mergeDays(own, baseDays) };
  await appendVersion(ctx.em, calendar, { rules, change, actorId, now: ctx.clock.now() });
  await audit(ctx, 'workflow.calendar.setDays', calendar.id, input);
  return toCalendarNode(calendar, calendar.version, rules);
}
