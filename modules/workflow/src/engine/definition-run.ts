/**
 * A published process version loaded for the engine: the process row, the version's steps
 * as a graph, and the calendar the step quotas count on.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { AppError, isUuid } from '@motcua/kernel/contract';
import { loadCalendarSnapshot } from '../calendars/calendar.read.js';
import type { CalendarSnapshot } from '../clock/calendar.js';
import { Process, ProcessVersion } from '../definitions/process.entity.js';
import { PROCESS_ENTITY, toDefinition } from '../definitions/process.read.js';
import { type ProcessDefinition, type ProcessStep, SPLIT_ACTIONS, StepAction, StepKind, targetsOf } from '../processes/definition.js';
import { reachable, type StepGraph, stepGraph, topologicalOrder } from '../processes/graph.js';

export interface DefinitionRun {
  process: Process;
  version: ProcessVersion;
  definition: ProcessDefinition;
  graph: StepGraph;
  calendar: CalendarSnapshot;
}

/** The process by id, or by agency and code, or NOT_FOUND. */
export async function findProcess(em: EntityManager, ref: { processId?: string | null; agencyId?: string | null; processCode?: string | null }): Promise<Process> {
  const where = ref.processId ? (isUuid(ref.processId) ? { id: ref.processId } : null) : ref.agencyId && ref.processCode ? { agencyId: ref.agencyId, code: ref.processCode } : null;
  const process = where ? await em.findOne(Process, where) : null;
  if (!process) throw AppError.notFound(PROCESS_ENTITY, ref.processId ?? ref.processCode ?? undefined);
  return process;
}

/** The engine's view of one version of a process. */
export async function loadRun(em: EntityManager, process: Process, versionNumber: number): Promise<DefinitionRun> {
  const version = await em.findOneOrFail(ProcessVersion, { process, number: versionNumber });
  const definition = toDefinition(process, version);
  return { process, version, definition, graph: stepGraph(definition), calendar: await loadCalendarSnapshot(em, process.calendarId) };
}

/** The step with this code, or an error naming the version (a definition changed under a running instance cannot happen: versions are immutable). */
export function stepOf(run: DefinitionRun, code: string): ProcessStep {
  const step = run.graph.steps.get(code);
  if (!step) throw AppError.badInput('to', { vi: `bước ${code} không có trong quy trình`, en: `step ${code} is not in the process` });
  return step;
}

/** The join where the branches of a parallel split meet: the first common JOIN in topological order. */
export function joinOf(run: DefinitionRun, split: ProcessStep): string | null {
  const branches = targetsOf(split, SPLIT_ACTIONS);
  const joins = branches.map((code) => new Set([...reachable(run.graph.forward, [code])].filter((c) => run.graph.steps.get(c)?.kind === StepKind.JOIN)));
  return topologicalOrder(run.graph.forward).order.find((code) => joins.every((set) => set.has(code))) ?? null;
}

const invalid = (vi: string, en: string) => new AppError('INVALID_TRANSITION', { reason: { vi, en } });

/**
 * Where an action leads from a step: every split target when a PARALLEL_SPLIT forwards or asks
 * for opinions; otherwise the one target chosen (required when the action offers several), the
 * only one offered, or none (COMPLETE, SIGN without a target, a supplement resuming here).
 */
export function targetsFor(step: ProcessStep, action: StepAction, chosen: readonly string[] = []): string[] {
  const transitions = step.transitions.filter((t) => t.action === action);
  if (!transitions.length) throw invalid(`bước ${step.code} không cho phép thao tác ${action}`, `step ${step.code} does not allow ${action}`);
  if (step.kind === StepKind.PARALLEL_SPLIT && SPLIT_ACTIONS.has(action)) return targetsOf(step, SPLIT_ACTIONS);
  const offered = [...new Set(transitions.flatMap((t) => t.to ?? []))];
  if (chosen.length > 1 || chosen.some((code) => !offered.includes(code))) {
    throw invalid(`${action} tại bước ${step.code} dẫn tới một trong: ${offered.join(', ') || '(không có)'}`, `${action} at step ${step.code} leads to one of: ${offered.join(', ') || '(none)'}`);
  }
  if (chosen.length) return [...chosen];
  if (offered.length > 1) throw AppError.badInput('to', { vi: `chọn bước tiếp theo: ${offered.join(', ')}`, en: `choose the next step: ${offered.join(', ')}` });
  return offered;
}

/**
 * The id of an agency's process with a published version, by code; null when there is none.
 *
 * @example
 * await publishedProcessId(em, { agencyId, processCode: 'DEMO-CTBS' }); // '0193…' or null
 */
export async function publishedProcessId(em: EntityManager, ref: { agencyId: string; processCode: string }): Promise<string | null> {
  const process = await em.findOne(Process, { agencyId: ref.agencyId, code: ref.processCode, publishedVersion: { $ne: null } }, { fields: ['id'] });
  return process?.id ?? null;
}
