/**
 * Process definitions (quy trình nội bộ, one-stop-domain §7): a versioned graph of steps for one
 * agency, optionally for one procedure case and channel. Plain data, close to what a designer
 * UI edits and what a GraphQL input maps to; `validateProcess` checks it, `simulateProcess`
 * runs synthetic dossiers through it.
 */
import type { TimeLimit } from '../clock/deadline.js';

/** What an actor can do at a step (§7.1 step actions). */
export enum StepAction {
  /** Chuyển bước: to the next step(s). On a TASK with several targets the actor picks one; on a PARALLEL_SPLIT all run. */
  FORWARD = 'FORWARD',
  /** Trả lại bước trước: back to an earlier step. */
  RETURN = 'RETURN',
  /** Yêu cầu bổ sung (Mẫu 02): the clock pauses; the dossier resumes at `to[0]`, or at this step without `to`. */
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  /** Đề nghị từ chối: to the step that decides the refusal (usually a signing leader). */
  PROPOSE_REFUSAL = 'PROPOSE_REFUSAL',
  /** Xin ý kiến (liên thông, §7.2): to the step(s) where another agency's unit gives its opinion. */
  REQUEST_OPINION = 'REQUEST_OPINION',
  /** Ký số: signs the result; with `to` the signed dossier moves on, without it the step still needs another move. */
  SIGN = 'SIGN',
  /** Hoàn thành: processing ends (the result is ready to return). Takes no `to`. */
  COMPLETE = 'COMPLETE',
}

/** What a step is in the graph. */
export enum StepKind {
  /** One actor works, then takes one of the allowed actions. */
  TASK = 'TASK',
  /** The actor works, then every FORWARD / REQUEST_OPINION target runs in parallel (inter-agency opinions). */
  PARALLEL_SPLIT = 'PARALLEL_SPLIT',
  /** Starts once every parallel branch has arrived; then works like a TASK. */
  JOIN = 'JOIN',
}

/**
 * Who acts: a role within a unit of the agency, optionally a specific unit or person. For an
 * inter-agency opinion the unit is a unit of the other agency (units of every agency live in
 * one org tree).
 */
export interface StepActor {
  roleKey: string;
  unitId?: string | null;
  userId?: string | null;
}

/** A step's time quota (định mức), in the units of statutory limits (0 allowed: no time of its own). */
export type StepQuota = TimeLimit;

/** One allowed action and where it leads. */
export interface StepTransition {
  action: StepAction;
  to?: string[];
}

/** One step of a process (a node of the designer's graph). */
export interface ProcessStep {
  /** Unique within the definition, e.g. `THAM_DINH`. */
  code: string;
  name: string;
  kind: StepKind;
  actor: StepActor;
  quota: StepQuota;
  transitions: StepTransition[];
}

/** The brief's name for a step. */
export type Step = ProcessStep;

/**
 * One version of an internal procedure. Running instances keep the version they started with,
 * so a published version is never edited: a change is a new version.
 *
 * @example
 * const definition: ProcessDefinition = {
 *   code: 'GPXD', name: 'Cấp giấy phép xây dựng', version: 1, agencyId,
 *   statutoryLimit: { value: 15, unit: TimeLimitUnit.WORKING_DAYS },
 *   startStepCode: 'TIEP_NHAN', steps: [...],
 * };
 */
export interface ProcessDefinition {
  id?: string | null;
  code: string;
  name: string;
  version: number;
  agencyId: string;
  /** The procedure case (trường hợp) this version is for; null for every case. */
  procedureCaseId?: string | null;
  /** The channel (e.g. ONLINE, DIRECT) this version is for; null for every channel. */
  channel?: string | null;
  /** The offering's statutory time limit. */
  statutoryLimit: TimeLimit;
  startStepCode: string;
  steps: ProcessStep[];
}

/** Actions that move the dossier forward along the graph (RETURN and REQUEST_SUPPLEMENT loop back). */
export const FORWARD_ACTIONS: ReadonlySet<StepAction> = new Set([StepAction.FORWARD, StepAction.PROPOSE_REFUSAL, StepAction.REQUEST_OPINION, StepAction.SIGN]);

/** Actions that must name at least one target. */
export const TARGETED_ACTIONS: ReadonlySet<StepAction> = new Set([StepAction.FORWARD, StepAction.RETURN, StepAction.PROPOSE_REFUSAL, StepAction.REQUEST_OPINION]);

/** Actions a PARALLEL_SPLIT fans out over. */
export const SPLIT_ACTIONS: ReadonlySet<StepAction> = new Set([StepAction.FORWARD, StepAction.REQUEST_OPINION]);

/**
 * The key under which active role holders are counted (validation) and staff are given
 * (simulation): the role key, with `@unitId` when the step names a unit.
 *
 * @example
 * roleHolderKey({ roleKey: 'SPECIALIST', unitId: 'u-land' }); // 'SPECIALIST@u-land'
 */
export function roleHolderKey(actor: StepActor): string {
  return actor.unitId ? `${actor.roleKey}@${actor.unitId}` : actor.roleKey;
}

/** Counts per role holder key, as a Map or a plain object (what JSON and GraphQL inputs give). */
export type RoleCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** The count for a key (0 when absent). */
export function countOf(counts: RoleCounts, key: string): number {
  const n = counts instanceof Map ? counts.get(key) : (counts as Readonly<Record<string, number>>)[key];
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** Targets of a step's transitions whose action is in `actions`, in declaration order, without duplicates. */
export function targetsOf(step: ProcessStep, actions: ReadonlySet<StepAction>): string[] {
  return [...new Set(step.transitions.filter((t) => actions.has(t.action)).flatMap((t) => t.to ?? []))];
}

/** Whether a step offers an action. */
export function allows(step: ProcessStep, action: StepAction): boolean {
  return step.transitions.some((t) => t.action === action);
}
