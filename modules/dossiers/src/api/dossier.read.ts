import { type FilterQuery, QueryOrder, type QueryOrderMap } from '@mikro-orm/core';
import { roleHoldingsOf } from '@motcua/identity/contract';
import {
  AppError, accessibleWhere, containsFolded, type PageArgs, pageWindow, readPage, requirePrincipal, type RequestContext, toConnection,
} from '@motcua/kernel/contract';
import { readInstance } from '@motcua/workflow/contract';
import { Dossier, ProcessLogLine } from '../dossier/dossier.entity.js';
import { publicTracking } from '../tracking/public-view.js';
import { AWAITING_COMPETENT_RECEIPT, mayRead } from './access.js';
import type { DossierFilter } from './dossier.types.js';
import { DOSSIER_ENTITY } from './lifecycle.service.js';

/** What the caller may read: their own dossiers, and those a read grant reaches. */
function readableWhere(ctx: RequestContext): FilterQuery<Dossier> | null {
  const principal = requirePrincipal(ctx);
  const granted = accessibleWhere<Dossier>(ctx.ability, 'read', 'Dossier');
  const own = { applicantUserId: principal.userId };
  // `{}` (every dossier: the system administrator) would vanish inside `$or`, leaving only `own`.
  if (granted && !Object.keys(granted).length) return granted;
  return granted ? { $or: [granted, own] } : own;
}

function filterWhere(filter: DossierFilter): FilterQuery<Dossier>[] {
  const where: FilterQuery<Dossier>[] = [];
  if (filter.states?.length) where.push({ state: { $in: filter.states } });
  if (filter.nationalStatuses?.length) where.push({ nationalStatus: { $in: filter.nationalStatuses } });
  if (filter.procedureId) where.push({ procedureId: filter.procedureId });
  if (filter.unitId) where.push({ unitId: filter.unitId });
  if (filter.officerId) where.push({ officerId: filter.officerId });
  if (filter.dueFrom) where.push({ dueAt: { $gte: filter.dueFrom } });
  if (filter.dueTo) where.push({ dueAt: { $lt: filter.dueTo } });
  if (filter.receivedFrom) where.push({ receivedAt: { $gte: filter.receivedFrom } });
  if (filter.receivedTo) where.push({ receivedAt: { $lt: filter.receivedTo } });
  if (filter.timeliness) where.push({ timeliness: filter.timeliness });
  if (filter.search?.trim()) where.push({ searchText: containsFolded(filter.search.trim()) });
  if (filter.awaitingCompetentReceipt) where.push(AWAITING_COMPETENT_RECEIPT);
  return where;
}

/** How the dossiers list is ordered. */
export enum DossierOrder {
  /** Newest first (by creation). */
  NEWEST_FIRST = 'NEWEST_FIRST',
  /** Soonest due first; dossiers without a due date (not received yet) last. */
  DUE_SOONEST = 'DUE_SOONEST',
}

const ORDERS: Record<DossierOrder, QueryOrderMap<Dossier>> = {
  [DossierOrder.NEWEST_FIRST]: { createdAt: QueryOrder.DESC, id: QueryOrder.DESC },
  [DossierOrder.DUE_SOONEST]: { dueAt: QueryOrder.ASC_NULLS_LAST, createdAt: QueryOrder.ASC, id: QueryOrder.ASC },
};

/**
 * A page of the dossiers the caller may read, filtered, newest first or soonest due first. Read as plain rows (no
 * entity hydration, see docs/architecture.md) given the Dossier prototype, so CASL and the field
 * resolvers see a Dossier.
 */
export async function listDossiers(ctx: RequestContext, page: PageArgs, filter: DossierFilter, order = DossierOrder.NEWEST_FIRST) {
  const window = pageWindow(page);
  const where = { $and: [readableWhere(ctx)!, ...filterWhere(filter)] } as FilterQuery<Dossier>;
  const { rows, total } = await readPage(ctx.em, Dossier, where, window, ORDERS[order]);
  // setPrototypeOf, not Object.assign: the row's own values must not go through MikroORM's setters.
  return toConnection(rows.map((row) => Object.setPrototypeOf(row, Dossier.prototype) as Dossier), total, window);
}

/** Whether the caller holds the role of one of the dossier's open tasks (officers read what they may act on). */
async function holdsOpenTask(ctx: RequestContext, dossier: Dossier): Promise<boolean> {
  if (!dossier.processInstanceId || !ctx.principal) return false;
  const { openTasks } = await readInstance(ctx.em, dossier.processInstanceId);
  if (!openTasks.length) return false;
  const holdings = await roleHoldingsOf(ctx.em, ctx.principal.userId);
  return openTasks.some((task) => task.assigneeId === ctx.principal!.userId || holdings.some((h) => h.roleKey === task.roleKey));
}

/** One dossier by id or code: NOT_FOUND when missing, FORBIDDEN when the caller may not read it. */
export async function readDossier(ctx: RequestContext, key: { id?: string; code?: string }): Promise<Dossier> {
  requirePrincipal(ctx);
  const dossier = key.id ? await ctx.em.findOne(Dossier, { id: key.id }) : key.code ? await ctx.em.findOne(Dossier, { code: key.code }) : null;
  if (!dossier) throw AppError.notFound(DOSSIER_ENTITY, key.id ?? key.code);
  if (!mayRead(ctx, dossier) && !(await holdsOpenTask(ctx, dossier))) throw AppError.forbidden('read', 'Dossier');
  return dossier;
}

/** Lookups allowed per dossier code per minute: slows down guessing one dossier's secret. */
const TRACKING_LIMIT_PER_CODE = 20;
/** Lookups allowed per client address per minute: slows down one client sweeping codes. */
const TRACKING_LIMIT_PER_CLIENT = 30;
const attempts = new Map<string, number[]>();

/** Counts one lookup under `key` in the last minute; RATE_LIMITED beyond `limit`. */
function throttle(key: string, limit: number, now: number): void {
  const recent = (attempts.get(key) ?? []).filter((at) => now - at < 60_000);
  if (recent.length >= limit) throw new AppError('RATE_LIMITED');
  attempts.set(key, [...recent, now]);
  if (attempts.size > 10_000) attempts.delete(attempts.keys().next().value!);
}

/**
 * The public view of a dossier (no login): the code and the secret printed on the receipt
 * slip must both match (NOT_FOUND otherwise, without saying which). Rate-limited per code and
 * per client address (`RATE_LIMITED`).
 */
export async function trackDossier(ctx: RequestContext, code: string, secret: string) {
  const now = ctx.clock.now().getTime();
  if (ctx.clientAddress) throttle(`client:${ctx.clientAddress}`, TRACKING_LIMIT_PER_CLIENT, now);
  throttle(`code:${code}`, TRACKING_LIMIT_PER_CODE, now);
  const dossier = await ctx.em.findOne(Dossier, { code });
  if (!dossier || !dossier.trackingSecret || dossier.trackingSecret !== secret || dossier.nationalStatus == null) throw AppError.notFound(DOSSIER_ENTITY, code);
  const lines = await ctx.em.find(ProcessLogLine, { dossierId: dossier.id }, { orderBy: { at: 'asc', id: 'asc' } });
  return publicTracking({ ...dossier, code, nationalStatus: dossier.nationalStatus, receivedAt: dossier.receivedAt ?? null, dueAt: dossier.dueAt ?? null, finishedAt: dossier.finishedAt ?? null, returnedAt: dossier.returnedAt ?? null }, lines.filter((l) => l.nationalStatus > 0));
}
