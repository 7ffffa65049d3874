import type { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import {
  AppError, asDate, asJson, type ConnectionResult, isUuid, type PageArgs, pageWindow, readOne, readPage, relationId,
  queryPrepared, type RequestContext, toConnection,
} from '@motcua/kernel/contract';
import { type CalendarRules, type CalendarSnapshot, calendarSnapshot } from '../clock/calendar.js';
import { ZonedDateTime } from '../shared/date-time.scalar.js';
import { Calendar, CalendarVersion } from './calendar.entity.js';
import type { CalendarFilter, CalendarNode, CalendarVersionNode } from './calendar.types.js';

export const CALENDAR_ENTITY = { vi: 'lịch làm việc', en: 'Calendar' };

/** Maps a calendar row (or entity) and the rules of the version shown to its GraphQL node. */
export function toCalendarNode(row: Record<string, any>, version: number, rules: CalendarRules): CalendarNode {
  const zoned = (value: unknown) => new ZonedDateTime(asDate(value), rules.timezone);
  return {
    id: row.id, code: row.code, name: row.name, agencyId: row.agencyId ?? null, baseCalendarId: relationId(row.base),
    version, createdAt: zoned(row.createdAt), updatedAt: zoned(row.updatedAt), rules,
  };
}

/** The rules of the current version of each calendar row, in one query. */
async function withRules(em: EntityManager, rows: Record<string, any>[]): Promise<CalendarNode[]> {
  if (!rows.length) return [];
  const versions = await em
    .createQueryBuilder(CalendarVersion, 'v')
    .select(['v.calendar', 'v.rules'])
    .where({ $or: rows.map((row) => ({ calendar: row.id, number: row.version })) })
    .execute<Record<string, unknown>[]>('all', true);
  const rulesById = new Map(versions.map((v) => [relationId(v.calendar), asJson<CalendarRules>(v.rules)]));
  return rows.map((row) => toCalendarNode(row, Number(row.version), rulesById.get(row.id)!));
}

/** Calendars by code, optionally of one agency; public (portals show expected return dates). */
export async function listCalendars(ctx: RequestContext, args: PageArgs, filter: CalendarFilter = {}): Promise<ConnectionResult<CalendarNode>> {
  const window = pageWindow(args);
  const where = filter.agencyId ? { agencyId: filter.agencyId } : {};
  const { rows, total } = await readPage(ctx.em, Calendar, where, window, { code: 'asc', id: 'asc' });
  return toConnection(await withRules(ctx.em, rows), total, window);
}

/** The calendar row with this id or code, or NOT_FOUND. */
async function calendarRowOrFail(em: EntityManager, idOrCode: string): Promise<Record<string, any>> {
  const row = await readOne(em, Calendar, isUuid(idOrCode) ? { id: idOrCode } : { code: idOrCode });
  if (!row) throw AppError.notFound(CALENDAR_ENTITY, idOrCode);
  return row;
}

async function versionRowOrFail(em: EntityManager, calendar: Record<string, any>, version?: number | null): Promise<Record<string, any>> {
  const number = version ?? Number(calendar.version);
  const row = await readOne(em, CalendarVersion, { calendar: calendar.id, number });
  if (!row) throw AppError.notFound({ vi: `phiên bản ${number} của lịch ${calendar.code}`, en: `Version ${number} of calendar ${calendar.code}` });
  return row;
}

/** One calendar by id or code, at its current version or the one asked for. */
export async function readCalendar(ctx: RequestContext, idOrCode: string, version?: number | null): Promise<CalendarNode> {
  const row = await calendarRowOrFail(ctx.em, idOrCode);
  const versionRow = await versionRowOrFail(ctx.em, row, version);
  return toCalendarNode(row, Number(versionRow.number), asJson(versionRow.rules));
}

/** Snapshots by `calendarId:version`: versions never change, so one computed snapshot serves every request. */
const snapshots = new Map<string, CalendarSnapshot>();
const MAX_SNAPSHOTS = 200;

/** The id, code and current version of a calendar by id or code (prepared: deadline previews run it per request). */
async function calendarHead(em: EntityManager, idOrCode: string): Promise<{ id: string; code: string; version: number }> {
  const column = isUuid(idOrCode) ? 'id' : 'code';
  const [row] = await queryPrepared<{ id: string; code: string; version: unknown }>(em, `select id, code, version from workflow_calendar where ${column} = ?`, [idOrCode]);
  if (!row) throw AppError.notFound(CALENDAR_ENTITY, idOrCode);
  return { id: row.id, code: row.code, version: Number(row.version) };
}

/**
 * The frozen rules a clock counts on: a calendar (by id or code) at its current version, or
 * at the version a running clock recorded. Snapshots read outside a transaction are cached per
 * version (committed versions never change).
 *
 * @example
 * const calendar = await loadCalendarSnapshot(em, 'VN-GOV');
 * const later = await loadCalendarSnapshot(em, ledger.calendarId!, ledger.calendarVersion);
 */
export async function loadCalendarSnapshot(em: EntityManager, idOrCode: string, version?: number | null): Promise<CalendarSnapshot> {
  const head = await calendarHead(em, idOrCode);
  const key = `${head.id}:${version ?? head.version}`;
  const cached = snapshots.get(key);
  if (cached) return cached;
  const versionRow = await versionRowOrFail(em, head, version);
  const snapshot = calendarSnapshot({ calendarId: head.id, code: head.code, version: Number(versionRow.number) }, asJson(versionRow.rules));
  if (em.getTransactionContext()) return snapshot; // a version written in a transaction may still roll back
  if (snapshots.size >= MAX_SNAPSHOTS) snapshots.clear();
  snapshots.set(key, snapshot);
  return snapshot;
}

/** The per-request loader of a calendar's version history, batched by calendar id. */
export function versionsLoader(ctx: RequestContext): DataLoader<string, CalendarVersionNode[]> {
  return ctx.loaders.get('workflow.calendarVersions', () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.em
        .createQueryBuilder(CalendarVersion, 'v')
        .select(['v.calendar', 'v.number', 'v.change', 'v.baseVersion', 'v.actorId', 'v.createdAt', 'v.rules'])
        .where({ calendar: { $in: [...ids] } })
        .orderBy({ number: 'desc' })
        .execute<Record<string, any>[]>('all', true);
      return ids.map((id) => rows.filter((row) => relationId(row.calendar) === id).map((row) => ({
        number: Number(row.number), change: row.change, baseVersion: row.baseVersion ?? null, actorId: row.actorId ?? null,
        createdAt: new ZonedDateTime(asDate(row.createdAt), asJson<CalendarRules>(row.rules).timezone),
      })));
    }),
  );
}
