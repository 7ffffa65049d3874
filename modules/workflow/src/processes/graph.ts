/**
 * The step graph of a definition: steps by code and the edges validation and simulation walk.
 * Forward edges (FORWARD, PROPOSE_REFUSAL, REQUEST_OPINION, SIGN) must form a DAG; RETURN and
 * REQUEST_SUPPLEMENT are the only ways back.
 */
import { FORWARD_ACTIONS, type ProcessDefinition, type ProcessStep, StepAction, targetsOf } from './definition.js';

const ALL_ACTIONS: ReadonlySet<StepAction> = new Set(Object.values(StepAction));

export interface StepGraph {
  /** Steps by code (the first step with a duplicated code). */
  steps: ReadonlyMap<string, ProcessStep>;
  /** Known targets of forward actions, per step code. */
  forward: ReadonlyMap<string, string[]>;
  /** Known targets of every action (RETURN and REQUEST_SUPPLEMENT included), per step code. */
  all: ReadonlyMap<string, string[]>;
}

/** Builds the graph, leaving out targets that name no step (validation reports them). */
export function stepGraph(definition: ProcessDefinition): StepGraph {
  const steps = new Map<string, ProcessStep>();
  for (const step of definition.steps) if (!steps.has(step.code)) steps.set(step.code, step);
  const edges = (actions: ReadonlySet<StepAction>) =>
    new Map([...steps.values()].map((step) => [step.code, targetsOf(step, actions).filter((to) => steps.has(to))] as const));
  return { steps, forward: edges(FORWARD_ACTIONS), all: edges(ALL_ACTIONS) };
}

/** Codes reachable from `from` (included) along `edges`. */
export function reachable(edges: ReadonlyMap<string, readonly string[]>, from: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const code = stack.pop()!;
    if (seen.has(code)) continue;
    seen.add(code);
    stack.push(...(edges.get(code) ?? []));
  }
  return seen;
}

/** The edges reversed. */
export function reversed(edges: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const back = new Map<string, string[]>([...edges.keys()].map((code) => [code, []]));
  for (const [from, targets] of edges) for (const to of targets) back.get(to)?.push(from);
  return back;
}

/**
 * A topological order of the forward edges (Kahn, codes in sorted order for determinism), and
 * the steps left on a cycle.
 */
export function topologicalOrder(forward: ReadonlyMap<string, readonly string[]>): { order: string[]; cyclic: string[] } {
  const indegree = new Map([...forward.keys()].map((code) => [code, 0]));
  for (const targets of forward.values()) for (const to of targets) indegree.set(to, indegree.get(to)! + 1);
  const ready = [...indegree].filter(([, n]) => n === 0).map(([code]) => code).sort();
  const order: string[] = [];
  while (ready.length) {
    const code = ready.shift()!;
    order.push(code);
    for (const to of forward.get(code) ?? []) {
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }
  const done = new Set(order);
  return { order, cyclic: [...forward.keys()].filter((code) => !done.has(code)).sort() };
}

/**
 * The longest path from `start` by step weight over the forward DAG: the critical path, so
 * parallel branches count with their longest branch. Null when `start` lies on or after a cycle.
 */
export function longestPath(graph: StepGraph, start: string, weight: (step: ProcessStep) => number): { total: number; path: string[] } | null {
  const { order, cyclic } = topologicalOrder(graph.forward);
  if (cyclic.length || !graph.steps.has(start)) return null;
  const best = new Map<string, { total: number; path: string[] }>([[start, { total: weight(graph.steps.get(start)!), path: [start] }]]);
  for (const code of order) {
    const here = best.get(code);
    if (!here) continue;
    for (const to of graph.forward.get(code)!) {
      const total = here.total + weight(graph.steps.get(to)!);
      if (!best.has(to) || best.get(to)!.total < total) best.set(to, { total, path: [...here.path, to] });
    }
  }
  return [...best.values()].reduce((a, b) => (b.total > a.total ? b : a));
}
