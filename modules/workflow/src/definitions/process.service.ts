import type { EntityManager } from '@mikro-orm/knex';
import { agencyUnitOrFail, roleHoldingsWithin } from '@motcua/identity/contract';
import { AppError, appendAudit, ensureCan, foldVietnamese, isUuid, readOne, requirePrincipal, type RequestContext, uuid7 } from '@motcua/kernel/contract';
import { Calendar } from '../calendars/calendar.entity.js';
import { loadCalendarSnapshot } from '../calendars/calendar.read.js';
import type { TimeLimit } from '../clock/deadline.js';
import { type ProcessStep, roleHolderKey } from '../processes/definition.js';
import { quotaMinutes } from '../processes/quota.js';
import { type ProcessProblem, validateProcess, type ValidationContext } from '../processes/validate.js';
import { pathIds, reaches } from '../engine/routing.js';
import { DEFAULT_ESCALATION, type EscalationSettings, Process, ProcessVersion, ProcessVersionStatus } from './process.entity.js';
import { PROCESS_ENTITY, toDefinition, toProcessNode } from './process.read.js';
import type { CreateProcessInput, EscalationSettingsInput, ProcessNode, ProcessStepInput, PublishProcessInput, UpdateProcessInput } from './process.types.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/;
const MAX_STEPS = 100;

function bad(field: string, vi: string, en: string): AppError {
  return AppError.badInput(field, { vi, en });
}

function validCode(field: string, code: string): string {
  const trimmed = code.trim();
  if (!CODE.test(trimmed)) throw bad(field, `${field} gồm 2–50 ký tự chữ, số, ., -, _: ${code}`, `${field} must be 2–50 of letters, digits, ., -, _: ${code}`);
  return trimmed;
}

function validText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text || text.length > max) throw bad(field, `${field} phải có 1–${max} ký tự`, `${field} must be 1–${max} characters`);
  return text;
}

const optional = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** Input steps as plain definition steps; the graph itself is checked by validateProcess when publishing. */
function toSteps(steps: ProcessStepInput[]): ProcessStep[] {
  if (steps.length > MAX_STEPS) throw bad('steps', `tối đa ${MAX_STEPS} bước`, `at most ${MAX_STEPS} steps`);
  return steps.map((step) => {
    for (const id of [step.actor.unitId, step.actor.userId]) if (id && !isUuid(id)) throw bad('steps', `mã không hợp lệ: ${id}`, `invalid id: ${id}`);
    return {
      code: validCode('steps.code', step.code), name: validText('steps.name', step.name, 300), kind: step.kind,
      actor: { roleKey: validText('steps.actor.roleKey', step.actor.roleKey, 100), unitId: step.actor.unitId ?? null, userId: step.actor.userId ?? null },
      quota: { value: step.quota.value, unit: step.quota.unit },
      transitions: step.transitions.map((t) => ({ action: t.action, to: (t.to ?? []).map((code) => code.trim()) })),
    };
  });
}

function escalationOf(input: EscalationSettingsInput | undefined, current: EscalationSettings = DEFAULT_ESCALATION): EscalationSettings {
  const settings = { ...current, ...Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined && v !== null)) };
  if (!(settings.dueSoonShare > 0 && settings.dueSoonShare < 1)) throw bad('escalation.dueSoonShare', 'tỷ lệ báo sắp đến hạn trong khoảng (0, 1)', 'the due-soon share lies between 0 and 1');
  if (!Number.isInteger(settings.graceMinutes) || settings.graceMinutes < 0) throw bad('escalation.graceMinutes', 'thời gian gia hạn trước khi báo cấp trên là số phút không âm', 'the grace before escalation is a non-negative number of minutes');
  return settings;
}

/** Refuses unless the caller manages processes of the agency; returns the agency's place in the tree. */
async function assertManages(ctx: RequestContext, agencyId: string): Promise<{ id: string; path: string }> {
  const agency = await agencyUnitOrFail(ctx.em, agencyId);
  ensureCan(ctx, 'manage', 'Process', { agencyId: agency.id, agencyPath: agency.path });
  return agency;
}

/** The calendar a process counts on: the one named, else the agency's own, else VN-GOV. */
async function calendarIdFor(em: EntityManager, agencyId: string, idOrCode?: string | null): Promise<string> {
  if (idOrCode) return (await loadCalendarSnapshot(em, idOrCode)).calendarId!;
  const own = await readOne(em, Calendar, { agencyId });
  return own ? String(own.id) : (await loadCalendarSnapshot(em, 'VN-GOV')).calendarId!;
}

async function audit(ctx: RequestContext, action: string, processId: string, data: unknown): Promise<void> {
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action, entityType: 'Process', entityId: processId, data }, ctx.clock.now());
}

/** Creates a process as draft version 1 (`process.manage` over the agency). */
export async function createProcess(ctx: RequestContext, input: CreateProcessInput): Promise<ProcessNode> {
  const actorId = requirePrincipal(ctx).userId;
  const agency = await assertManages(ctx, input.agencyId);
  const code = validCode('code', input.code);
  if (await ctx.em.count(Process, { agencyId: agency.id, code })) throw AppError.conflict({ vi: `mã quy trình ${code} đã được dùng`, en: `process code ${code} is already in use` }, { field: 'code' });
  const now = ctx.clock.now();
  const name = validText('name', input.name, 300);
  const process = ctx.em.create(Process, {
    id: uuid7(now.getTime()), agencyId: agency.id, agencyPath: agency.path, code, searchText: foldVietnamese(`${code} ${name}`),
    procedureCaseId: optional(input.procedureCaseId), channel: optional(input.channel), calendarId: await calendarIdFor(ctx.em, agency.id, input.calendarId),
    latestVersion: 1, latestStatus: ProcessVersionStatus.DRAFT, publishedVersion: null, createdAt: now, updatedAt: now,
  });
  const version = ctx.em.create(ProcessVersion, {
    id: uuid7(now.getTime()), process, number: 1, status: ProcessVersionStatus.DRAFT, name, statutoryLimit: { ...input.statutoryLimit },
    startStepCode: input.startStepCode.trim(), steps: toSteps(input.steps), escalation: escalationOf(input.escalation), createdBy: actorId, createdAt: now, updatedAt: now,
  });
  await ctx.em.flush();
  await audit(ctx, 'workflow.process.create', process.id, input);
  return toProcessNode(process, version);
}

function assertLatest(process: Process, version: number): void {
  if (version !== process.latestVersion) throw new AppError('STALE_VERSION', {}, { current: process.latestVersion });
}

/** The draft to edit: the latest version if it is a draft, else a new draft copied from it. */
async function draftOf(ctx: RequestContext, process: Process, latest: ProcessVersion): Promise<ProcessVersion> {
  if (latest.status === ProcessVersionStatus.DRAFT) return latest;
  const now = ctx.clock.now();
  process.latestVersion += 1;
  process.latestStatus = ProcessVersionStatus.DRAFT;
  return ctx.em.create(ProcessVersion, {
    id: uuid7(now.getTime()), process, number: process.latestVersion, status: ProcessVersionStatus.DRAFT, name: latest.name,
    statutoryLimit: latest.statutoryLimit, startStepCode: latest.startStepCode, steps: latest.steps, escalation: latest.escalation,
    createdBy: requirePrincipal(ctx).userId, createdAt: now, updatedAt: now,
  });
}

/** Edits the draft; editing a published process starts a new draft version (running instances keep theirs). */
export async function updateProcess(ctx: RequestContext, input: UpdateProcessInput): Promise<ProcessNode> {
  const process = await processOrFailFor(ctx, input.id);
  assertLatest(process, input.version);
  const draft = await draftOf(ctx, process, await latestOf(ctx.em, process));
  if (input.name) draft.name = validText('name', input.name, 300);
  if (input.statutoryLimit) draft.statutoryLimit = { ...input.statutoryLimit };
  if (input.startStepCode) draft.startStepCode = input.startStepCode.trim();
  if (input.steps) draft.steps = toSteps(input.steps);
  if (input.escalation) draft.escalation = escalationOf(input.escalation, draft.escalation);
  if (input.procedureCaseId !== undefined) process.procedureCaseId = optional(input.procedureCaseId);
  if (input.channel !== undefined) process.channel = optional(input.channel);
  if (input.calendarId) process.calendarId = await calendarIdFor(ctx.em, process.agencyId, input.calendarId);
  process.searchText = foldVietnamese(`${process.code} ${draft.name}`);
  process.updatedAt = draft.updatedAt = ctx.clock.now();
  await flushOrStale(ctx.em);
  await audit(ctx, 'workflow.process.update', process.id, input);
  return toProcessNode(process, draft);
}

async function flushOrStale(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError' || (error as Error).name === 'UniqueConstraintViolationException') throw new AppError('STALE_VERSION');
    throw error;
  }
}

function latestOf(em: EntityManager, process: Process): Promise<ProcessVersion> {
  return em.findOneOrFail(ProcessVersion, { process, number: process.latestVersion });
}

/** The process entity, checked against the caller's `process.manage` scope. */
export async function processOrFailFor(ctx: RequestContext, id: string): Promise<Process> {
  const process = isUuid(id) ? await ctx.em.findOne(Process, { id }) : null;
  if (!process) throw AppError.notFound(PROCESS_ENTITY, id);
  ensureCan(ctx, 'manage', 'Process', { agencyId: process.agencyId, agencyPath: process.agencyPath });
  return process;
}

/**
 * What publishing checks a version against: the active staff who reach each step's role (in
 * its unit, if named; see routing.ts), the active people named on steps, and the statutory
 * budget of the offering (the limit given, else the process's own).
 */
export async function validationContextFor(em: EntityManager, process: Pick<Process, 'agencyId'>, steps: ProcessStep[], statutoryLimit?: TimeLimit | null): Promise<ValidationContext> {
  const agency = await agencyUnitOrFail(em, process.agencyId);
  const unitIds = [...new Set(steps.map((step) => step.actor.unitId).filter((id): id is string => !!id))];
  const units = new Map(await Promise.all(unitIds.map(async (id) => [id, (await agencyUnitOrFail(em, id)).path] as const)));
  const paths = [agency.path, ...units.values()];
  const holdings = await roleHoldingsWithin(em, { pathPrefixes: paths, unitIds: [...new Set(paths.flatMap(pathIds))] });
  const holders = new Map<string, number>();
  for (const step of steps) {
    const path = step.actor.unitId ? units.get(step.actor.unitId)! : agency.path;
    const users = new Set(holdings.filter((h) => h.roleKey === step.actor.roleKey && reaches(h, path)).map((h) => h.userId));
    holders.set(roleHolderKey(step.actor), users.size);
  }
  return {
    activeRoleHolders: holders, activeUserIds: new Set(holdings.map((h) => h.userId)),
    ...(statutoryLimit ? { statutoryBudgetMinutes: quotaMinutes(statutoryLimit) } : {}),
  };
}

/** Every problem that blocks publishing a version (what the designer shows on the graph). */
export async function problemsOf(em: EntityManager, process: Process, version: ProcessVersion, statutoryLimit?: TimeLimit | null): Promise<ProcessProblem[]> {
  return validateProcess(toDefinition(process, version), await validationContextFor(em, process, version.steps, statutoryLimit));
}

/**
 * Publishes the draft: validates it and refuses with PROCESS_INVALID listing every problem at
 * once; else it becomes the version new instances start on, and the previous one retires
 * (its running instances carry on with it).
 */
export async function publishProcess(ctx: RequestContext, input: PublishProcessInput): Promise<ProcessNode> {
  const actorId = requirePrincipal(ctx).userId;
  const process = await processOrFailFor(ctx, input.id);
  assertLatest(process, input.version);
  const draft = await latestOf(ctx.em, process);
  if (draft.status !== ProcessVersionStatus.DRAFT) throw new AppError('INVALID_TRANSITION', { reason: { vi: `phiên bản ${draft.number} đã ban hành`, en: `version ${draft.number} is already published` } });
  const problems = await problemsOf(ctx.em, process, draft, input.statutoryLimit);
  if (problems.length) throw new AppError('PROCESS_INVALID', { count: problems.length }, { problems });
  const now = ctx.clock.now();
  if (process.publishedVersion) {
    await ctx.em.nativeUpdate(ProcessVersion, { process, number: process.publishedVersion }, { status: ProcessVersionStatus.RETIRED });
  }
  Object.assign(draft, { status: ProcessVersionStatus.PUBLISHED, publishedAt: now, publishedBy: actorId, updatedAt: now });
  Object.assign(process, { publishedVersion: draft.number, latestStatus: ProcessVersionStatus.PUBLISHED, updatedAt: now });
  await flushOrStale(ctx.em);
  await audit(ctx, 'workflow.process.publish', process.id, { version: draft.number });
  return toProcessNode(process, draft);
}
