import type { EntityManager } from '@mikro-orm/knex';
import {
  AppError, accessibleWhere, asDate, asJson, type ConnectionResult, containsFolded, type PageArgs, pageWindow, readPage, relationId,
  type RequestContext, toConnection,
} from '@motcua/kernel/contract';
import { ZonedDateTime } from '../shared/date-time.scalar.js';
import type { ProcessDefinition, ProcessStep } from '../processes/definition.js';
import { Process, ProcessVersion } from './process.entity.js';
import type { ProcessFilter, ProcessNode } from './process.types.js';

export const PROCESS_ENTITY = { vi: 'quy trình', en: 'Process' };
const ZONE = 'Asia/Ho_Chi_Minh';

const zoned = (value: unknown) => new ZonedDateTime(asDate(value), ZONE);

/** Maps a process row and one of its version rows to the GraphQL node. */
export function toProcessNode(process: Record<string, any>, version: Record<string, any>): ProcessNode {
  const steps = asJson<ProcessStep[]>(version.steps);
  return {
    id: process.id, agencyId: process.agencyId, code: process.code, name: version.name, procedureCaseId: process.procedureCaseId ?? null,
    channel: process.channel ?? null, calendarId: process.calendarId, version: Number(version.number), status: version.status,
    latestVersion: Number(process.latestVersion), publishedVersion: process.publishedVersion == null ? null : Number(process.publishedVersion),
    statutoryLimit: asJson(version.statutoryLimit), startStepCode: version.startStepCode, escalation: asJson(version.escalation),
    steps: steps.map((step) => ({
      ...step, actor: { roleKey: step.actor.roleKey, unitId: step.actor.unitId ?? null, userId: step.actor.userId ?? null },
      transitions: step.transitions.map((t) => ({ action: t.action, to: t.to ?? [] })),
    })),
    createdAt: zoned(version.createdAt), updatedAt: zoned(version.updatedAt), publishedAt: version.publishedAt ? zoned(version.publishedAt) : null,
  };
}

/** The pure definition of a process version, as validation, simulation and the engine take it. */
export function toDefinition(process: Pick<Process, 'id' | 'code' | 'agencyId' | 'procedureCaseId' | 'channel'>, version: Pick<ProcessVersion, 'name' | 'number' | 'statutoryLimit' | 'startStepCode' | 'steps'>): ProcessDefinition {
  return {
    id: process.id, code: process.code, name: version.name, version: version.number, agencyId: process.agencyId,
    procedureCaseId: process.procedureCaseId ?? null, channel: process.channel ?? null,
    statutoryLimit: asJson(version.statutoryLimit), startStepCode: version.startStepCode, steps: asJson(version.steps),
  };
}

/** The latest version row of each process row, in one query. */
async function latestVersions(em: EntityManager, rows: Record<string, any>[]): Promise<ProcessNode[]> {
  if (!rows.length) return [];
  const versions = await em.createQueryBuilder(ProcessVersion, 'v').select('v.*')
    .where({ $or: rows.map((row) => ({ process: row.id, number: row.latestVersion })) })
    .execute<Record<string, any>[]>('all', true);
  const byProcess = new Map(versions.map((v) => [relationId(v.process), v]));
  return rows.map((row) => toProcessNode(row, byProcess.get(row.id)!));
}

/** Processes the caller manages, newest code first, at their latest version. */
export async function listProcesses(ctx: RequestContext, args: PageArgs, filter: ProcessFilter = {}): Promise<ConnectionResult<ProcessNode>> {
  const window = pageWindow(args);
  const allowed = accessibleWhere<Process>(ctx.ability, 'read', 'Process');
  if (!allowed) return toConnection([], 0, window);
  const where: Record<string, unknown>[] = [allowed as Record<string, unknown>];
  if (filter.agencyId) where.push({ agencyId: filter.agencyId });
  if (filter.search?.trim()) where.push({ searchText: containsFolded(filter.search.trim()) });
  if (filter.status) where.push({ latestStatus: filter.status });
  const { rows, total } = await readPage(ctx.em, Process, { $and: where }, window, { code: 'asc', id: 'asc' });
  return toConnection(await latestVersions(ctx.em, rows), total, window);
}

/** A process entity the caller may manage, or NOT_FOUND / FORBIDDEN. */
export async function processOrFail(ctx: RequestContext, id: string): Promise<Process> {
  const process = await ctx.em.findOne(Process, { id });
  if (!process) throw AppError.notFound(PROCESS_ENTITY, id);
  return process;
}

/** A version of a process (the latest when `number` is omitted), or NOT_FOUND. */
export async function versionOrFail(em: EntityManager, process: Process, number?: number | null): Promise<ProcessVersion> {
  const version = await em.findOne(ProcessVersion, { process, number: number ?? process.latestVersion });
  if (!version) throw AppError.notFound({ vi: `phiên bản ${number} của quy trình ${process.code}`, en: `Version ${number} of process ${process.code}` });
  return version;
}
