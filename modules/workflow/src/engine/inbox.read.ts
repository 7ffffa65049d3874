/**
 * Officer inboxes: open tasks as connections sorted by due instant. The SQL filters on the
 * columns the task indexes start with (assignee or role + unit, then status) and sorts on the
 * due instant they end with, and runs through prepared statements (performance.md): the
 * page and a plain `count(*)` of the same filter.
 */
import { type ObjectQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { roleHoldingsOf } from '@motcua/identity/contract';
import {
  accessibleWhere, type ConnectionResult, type PageArgs, pageWindow, queryPrepared, requirePrincipal, type RequestContext, startsWith, toConnection,
} from '@motcua/kernel/contract';
import { ZonedDateTime } from '../shared/date-time.scalar.js';
import { InboxView, type TaskNode } from './task.types.js';
import { pathIds } from './routing.js';
import { EscalationLevel, Task, TaskStatus } from './task.entity.js';

type Where = ObjectQuery<Task>;

/** Unassigned open tasks routed to a role the user holds in a unit that reaches them (see routing.ts). */
export async function myRoleWhere(em: EntityManager, userId: string): Promise<Where | null> {
  const holdings = await roleHoldingsOf(em, userId);
  if (!holdings.length) return null;
  const byRole = new Map<string, { units: Set<string>; subtrees: string[] }>();
  for (const h of holdings) {
    const role = byRole.get(h.roleKey) ?? { units: new Set<string>(), subtrees: [] };
    pathIds(h.unitPath).forEach((id) => role.units.add(id));
    if (h.includeSubtree) role.subtrees.push(h.unitPath);
    byRole.set(h.roleKey, role);
  }
  const reach = [...byRole].flatMap(([roleKey, { units, subtrees }]) => [
    { roleKey, unitId: { $in: [...units].sort() } },
    ...subtrees.map((path) => ({ roleKey, unitPath: startsWith(path) })),
  ]);
  return { assigneeId: null, $or: reach };
}

async function viewWhere(ctx: RequestContext, view: InboxView, userId: string, now: number): Promise<Where | null> {
  const mine: Where = { assigneeId: userId };
  if (view === InboxView.MINE) return mine;
  if (view === InboxView.ESCALATED) {
    const allowed = accessibleWhere<Task>(ctx.ability, 'assign', 'Task') as Where | null;
    return allowed && { $and: [allowed, { escalationLevel: EscalationLevel.ESCALATED }] };
  }
  const role = await myRoleWhere(ctx.em, userId);
  if (view === InboxView.MY_ROLE) return role;
  const either: Where = role ? { $or: [mine, role] } : mine;
  return view === InboxView.OVERDUE ? { $and: [either, { dueAt: { $lte: now } }] } : { $and: [either, { dueSoonAt: { $lte: now }, dueAt: { $gt: now } }] };
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const num = (value: unknown) => (value == null ? null : Number(value));

/** A task row (raw columns or entity properties) as its GraphQL node. */
export function toTaskNode(source: Record<string, any>): TaskNode {
  const row = Object.fromEntries(Object.entries(source).map(([key, value]) => [camel(key), value])) as Record<string, any>;
  const zoned = (ms: unknown) => (ms == null ? null : new ZonedDateTime(new Date(Number(ms)), row.timezone));
  return {
    id: row.id, version: Number(row.version), instanceId: row.instanceId, processId: row.processId, processVersion: Number(row.processVersion),
    agencyId: row.agencyId, subjectType: row.subjectType, subjectId: row.subjectId, stepCode: row.stepCode, stepName: row.stepName, roleKey: row.roleKey,
    unitId: row.unitId, assigneeId: row.assigneeId ?? null, status: row.status, enteredAt: zoned(row.enteredAt)!, dueAt: zoned(row.dueAt)!,
    dueSoonAt: zoned(row.dueSoonAt)!, escalation: num(row.escalationLevel) ?? 0, completedAt: zoned(row.completedAt), completedById: row.completedBy ?? null,
    action: row.action ?? null, comment: row.comment ?? null, timeliness: row.timeliness ?? null,
  };
}

/** One page of an inbox view for the caller, earliest due first. */
export async function readInbox(ctx: RequestContext, view: InboxView, args: PageArgs): Promise<ConnectionResult<TaskNode>> {
  const { userId } = requirePrincipal(ctx);
  const window = pageWindow(args);
  const filter = await viewWhere(ctx, view, userId, ctx.clock.now().getTime());
  if (!filter) return toConnection([], 0, window);
  const where = { $and: [{ status: TaskStatus.OPEN }, filter] } as Where;
  const page = ctx.em.createQueryBuilder(Task, 't').select('t.*').where(where).orderBy({ dueAt: 'asc', id: 'asc' }).limit(window.limit).offset(window.offset).getKnexQuery().toSQL();
  // count(*), not count(id): the filter's index answers it without reading the rows.
  const count = ctx.em.createQueryBuilder(Task, 't').select(raw('count(*) as count')).where(where).getKnexQuery().toSQL();
  const [rows, [counted]] = await Promise.all([
    queryPrepared<Record<string, unknown>>(ctx.em, page.sql, [...page.bindings]),
    queryPrepared<{ count: unknown }>(ctx.em, count.sql, [...count.bindings]),
  ]);
  return toConnection(rows.map(toTaskNode), Number(counted.count), window);
}
