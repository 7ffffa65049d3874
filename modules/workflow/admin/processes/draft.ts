/**
 * The designer's editing model: a process's steps as a graph the admin edits (forward edges as
 * "next steps", the other allowed actions with their targets), and the conversions to and from
 * the GraphQL step shape. Pure functions, so the graph rules are tested without a browser.
 */
import type { ProcessProblem, ProcessStep, StepAction, StepKind, TimeLimit } from './queries';

/** Actions besides FORWARD a step may allow, in the order the form lists them. */
export const OTHER_ACTIONS: readonly StepAction[] = ['RETURN', 'REQUEST_SUPPLEMENT', 'PROPOSE_REFUSAL', 'REQUEST_OPINION', 'SIGN', 'COMPLETE'];

/** Actions whose targets the form asks for (required for RETURN, PROPOSE_REFUSAL, REQUEST_OPINION). */
export const TARGETED_OTHER_ACTIONS: readonly StepAction[] = ['RETURN', 'PROPOSE_REFUSAL', 'REQUEST_OPINION', 'REQUEST_SUPPLEMENT', 'SIGN'];

/** One step as the designer edits it. */
export interface DraftStep {
  code: string;
  name: string;
  kind: StepKind;
  roleKey: string;
  unitId: string | null;
  quota: TimeLimit;
  /** FORWARD targets: one is chosen on a TASK, all run after a PARALLEL_SPLIT. */
  next: string[];
  /** The other allowed actions. */
  actions: StepAction[];
  /** Targets of the other actions that take some. */
  targets: Partial<Record<StepAction, string[]>>;
}

/** An edge of the designer graph: `from` leads to `to` by `action`. */
export interface DraftEdge {
  id: string;
  from: string;
  to: string;
  action: StepAction;
}

/** The GraphQL `ProcessStepInput` of a draft step. */
export interface StepInput {
  code: string;
  name: string;
  kind: StepKind;
  actor: { roleKey: string; unitId: string | null };
  quota: TimeLimit;
  transitions: { action: StepAction; to?: string[] }[];
}

/** The draft of a step read from the API. */
export function toDraft(step: ProcessStep): DraftStep {
  const targets: Partial<Record<StepAction, string[]>> = {};
  for (const transition of step.transitions) if (transition.action !== 'FORWARD' && transition.to.length) targets[transition.action] = transition.to;
  return {
    code: step.code,
    name: step.name,
    kind: step.kind,
    roleKey: step.actor.roleKey,
    unitId: step.actor.unitId,
    quota: { value: step.quota.value, unit: step.quota.unit },
    next: step.transitions.filter((transition) => transition.action === 'FORWARD').flatMap((transition) => transition.to),
    actions: step.transitions.map((transition) => transition.action).filter((action) => action !== 'FORWARD'),
    targets,
  };
}

/**
 * The API input of a draft step; targets of actions that are no longer allowed are dropped.
 *
 * @example
 * toStepInput({ code: 'A', next: ['B'], actions: ['COMPLETE'], targets: {}, … }).transitions;
 * // [{ action: 'FORWARD', to: ['B'] }, { action: 'COMPLETE' }]
 */
export function toStepInput(step: DraftStep): StepInput {
  const forward = step.next.length ? [{ action: 'FORWARD' as const, to: step.next }] : [];
  const others = step.actions.map((action) => (step.targets[action]?.length ? { action, to: step.targets[action] } : { action }));
  return { code: step.code, name: step.name, kind: step.kind, actor: { roleKey: step.roleKey, unitId: step.unitId ?? null }, quota: step.quota, transitions: [...forward, ...others] };
}

/** Every edge of the graph: forward edges first, then the other actions' targets. */
export function edgesOf(steps: readonly DraftStep[]): DraftEdge[] {
  return steps.flatMap((step) => [
    ...step.next.map((to) => ({ id: `${step.code}:FORWARD:${to}`, from: step.code, to, action: 'FORWARD' as StepAction })),
    ...step.actions.flatMap((action) => (step.targets[action] ?? []).map((to) => ({ id: `${step.code}:${action}:${to}`, from: step.code, to, action }))),
  ]);
}

/** Adds a forward edge (drawn on the canvas); nothing changes for a self-loop or an existing edge. */
export function connect(steps: readonly DraftStep[], from: string, to: string): DraftStep[] {
  if (from === to) return [...steps];
  return steps.map((step) => (step.code === from && !step.next.includes(to) ? { ...step, next: [...step.next, to] } : step));
}

/** Removes one edge. */
export function disconnect(steps: readonly DraftStep[], edge: Pick<DraftEdge, 'from' | 'to' | 'action'>): DraftStep[] {
  return steps.map((step) => {
    if (step.code !== edge.from) return step;
    if (edge.action === 'FORWARD') return { ...step, next: step.next.filter((to) => to !== edge.to) };
    return { ...step, targets: { ...step.targets, [edge.action]: (step.targets[edge.action] ?? []).filter((to) => to !== edge.to) } };
  });
}

function renameTargets(step: DraftStep, rename: (code: string) => string | null): DraftStep {
  const map = (codes: readonly string[]) => codes.map(rename).filter((code): code is string => code !== null);
  const targets = Object.fromEntries(Object.entries(step.targets).map(([action, codes]) => [action, map(codes ?? [])]));
  return { ...step, next: map(step.next), targets };
}

/**
 * Puts `saved` in place of the step coded `previousCode` (or appends it when new); a renamed
 * code is renamed in every edge that pointed at the step.
 */
export function upsertStep(steps: readonly DraftStep[], saved: DraftStep, previousCode?: string): DraftStep[] {
  if (previousCode === undefined) return [...steps, saved];
  const renamed = previousCode === saved.code ? [...steps] : steps.map((step) => renameTargets(step, (code) => (code === previousCode ? saved.code : code)));
  return renamed.map((step) => (step.code === previousCode || step.code === saved.code ? saved : step));
}

/** Removes a step and every edge into it. */
export function removeStep(steps: readonly DraftStep[], code: string): DraftStep[] {
  return steps.filter((step) => step.code !== code).map((step) => renameTargets(step, (target) => (target === code ? null : target)));
}

/**
 * Column and row of each step for a left-to-right drawing: the column is the longest chain of
 * forward edges from the start (so a join sits after all its branches), the row the order
 * within the column. Backward edges (RETURN, supplement) do not move steps.
 */
export function layout(steps: readonly DraftStep[], startCode: string): Map<string, { column: number; row: number }> {
  const forwardTargets = (step: DraftStep) => [...step.next, ...['PROPOSE_REFUSAL', 'REQUEST_OPINION', 'SIGN'].flatMap((action) => step.targets[action as StepAction] ?? [])];
  const depth = new Map<string, number>([[startCode, 0]]);
  // Longest path by relaxation, bounded by the step count so a forward cycle cannot loop forever.
  for (let round = 0; round < steps.length; round++) {
    let changed = false;
    for (const step of steps) {
      const from = depth.get(step.code);
      if (from === undefined) continue;
      for (const to of forwardTargets(step)) {
        if ((depth.get(to) ?? -1) < from + 1 && from + 1 < steps.length) (depth.set(to, from + 1), (changed = true));
      }
    }
    if (!changed) break;
  }
  const unreached = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const positions = new Map<string, { column: number; row: number }>();
  for (const step of steps) {
    const column = depth.get(step.code) ?? unreached;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(step.code, { column, row });
  }
  return positions;
}

/** The problems of each step (by code) and those of the whole process (key ''). */
export function problemsByStep(problems: readonly ProcessProblem[]): Map<string, ProcessProblem[]> {
  const grouped = new Map<string, ProcessProblem[]>();
  for (const problem of problems) grouped.set(problem.stepCode ?? '', [...(grouped.get(problem.stepCode ?? '') ?? []), problem]);
  return grouped;
}

/** A step code: letters, digits, `_`, `-`, `.` (2–50), as the server requires for codes. */
export const STEP_CODE = /^[A-Za-z0-9._-]{2,50}$/;
