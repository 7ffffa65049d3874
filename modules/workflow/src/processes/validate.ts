/**
 * Publishing checks for a process definition: every problem at once, each with a code, the
 * step it concerns and a message in Vietnamese and English. Pure; the caller gathers the
 * context (active role holders of the agency, the offering's statutory budget).
 */
import { TimeLimitUnit } from '../clock/deadline.js';
import {
  allows, countOf, type ProcessDefinition, type ProcessStep, type RoleCounts, roleHolderKey, SPLIT_ACTIONS, StepAction, StepKind, TARGETED_ACTIONS, targetsOf,
} from './definition.js';
import { longestPath, reachable, reversed, type StepGraph, stepGraph, topologicalOrder } from './graph.js';
import { formatMinutes, isCalendarUnit, quotaMinutes, STANDARD_DAY_MINUTES } from './quota.js';

export enum ProcessProblemCode {
  /** The definition has no step. */
  EMPTY = 'EMPTY',
  DUPLICATE_STEP_CODE = 'DUPLICATE_STEP_CODE',
  /** The start step code names no step. */
  UNKNOWN_START = 'UNKNOWN_START',
  /** A transition leads to a step code that does not exist. */
  UNKNOWN_TARGET = 'UNKNOWN_TARGET',
  /** FORWARD, RETURN, PROPOSE_REFUSAL or REQUEST_OPINION without a target. */
  MISSING_TARGET = 'MISSING_TARGET',
  /** COMPLETE with a target. */
  UNEXPECTED_TARGET = 'UNEXPECTED_TARGET',
  /** A quota or the statutory limit is not a valid time limit (negative, not finite, SAME_DAY other than 1). */
  INVALID_QUOTA = 'INVALID_QUOTA',
  UNREACHABLE_STEP = 'UNREACHABLE_STEP',
  /** No step can complete the process. */
  NO_COMPLETE = 'NO_COMPLETE',
  /** No sequence of actions leads from this step to a COMPLETE. */
  NO_WAY_TO_FINISH = 'NO_WAY_TO_FINISH',
  /** Forward actions form a loop; loops must be declared with RETURN. */
  FORWARD_CYCLE = 'FORWARD_CYCLE',
  /** RETURN to a step that does not come before this one. */
  RETURN_NOT_BACKWARD = 'RETURN_NOT_BACKWARD',
  /** A PARALLEL_SPLIT with fewer than two branches. */
  SPLIT_NEEDS_BRANCHES = 'SPLIT_NEEDS_BRANCHES',
  /** The branches of a PARALLEL_SPLIT never meet at a common JOIN. */
  SPLIT_WITHOUT_JOIN = 'SPLIT_WITHOUT_JOIN',
  /** A parallel branch can complete the process without passing its join (the other branches would wait forever). */
  BRANCH_SKIPS_JOIN = 'BRANCH_SKIPS_JOIN',
  /** A JOIN that no PARALLEL_SPLIT leads to. */
  JOIN_WITHOUT_SPLIT = 'JOIN_WITHOUT_SPLIT',
  /** No active staff member of the agency holds the step's role (in its unit, if named). */
  UNASSIGNED_ROLE = 'UNASSIGNED_ROLE',
  /** The step names a person who is not active staff. */
  INACTIVE_USER = 'INACTIVE_USER',
  /** The quotas along the longest path add up to more than the statutory limit. */
  QUOTA_EXCEEDS_STATUTORY = 'QUOTA_EXCEEDS_STATUTORY',
}

export interface ProcessProblem {
  code: ProcessProblemCode;
  /** The step concerned; null for the definition as a whole. */
  stepCode: string | null;
  message: { vi: string; en: string };
  details?: Record<string, unknown>;
}

export interface ValidationContext {
  /** Active staff per role holder key (`roleHolderKey`: role, or `role@unit` for steps naming a unit). */
  activeRoleHolders: RoleCounts;
  /** Active staff user ids; when given, steps naming a person are checked against it. */
  activeUserIds?: ReadonlySet<string>;
  /** The offering's statutory budget in working minutes; default: the definition's limit converted (see quota.ts). */
  statutoryBudgetMinutes?: number;
  /** The calendar's standard day (default 480 min). */
  standardDayMinutes?: number;
}

type Check = (definition: ProcessDefinition, graph: StepGraph, context: ValidationContext) => ProcessProblem[];

function problem(code: ProcessProblemCode, stepCode: string | null, vi: string, en: string, details?: Record<string, unknown>): ProcessProblem {
  return { code, stepCode, message: { vi, en }, ...(details ? { details } : {}) };
}

const steps = (graph: StepGraph) => [...graph.steps.values()];

const checkEmpty: Check = (definition) =>
  definition.steps.length ? [] : [problem(ProcessProblemCode.EMPTY, null, 'quy trình chưa có bước nào', 'the process has no step')];

const checkDuplicates: Check = (definition) => {
  const seen = new Map<string, number>();
  for (const step of definition.steps) seen.set(step.code, (seen.get(step.code) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([code, n]) =>
    problem(ProcessProblemCode.DUPLICATE_STEP_CODE, code, `mã bước ${code} dùng cho ${n} bước`, `step code ${code} is used by ${n} steps`, { count: n }));
};

const checkStart: Check = (definition, graph) =>
  !definition.steps.length || graph.steps.has(definition.startStepCode) ? [] : [problem(ProcessProblemCode.UNKNOWN_START, null,
    `bước bắt đầu ${definition.startStepCode} không có trong quy trình`, `the start step ${definition.startStepCode} is not in the process`)];

function targetProblems(step: ProcessStep, graph: StepGraph): ProcessProblem[] {
  return step.transitions.flatMap((t) => {
    const to = t.to ?? [];
    if (TARGETED_ACTIONS.has(t.action) && !to.length) {
      return [problem(ProcessProblemCode.MISSING_TARGET, step.code, `thao tác ${t.action} của bước ${step.code} chưa có bước đích`, `action ${t.action} of step ${step.code} has no target step`, { action: t.action })];
    }
    if (t.action === StepAction.COMPLETE && to.length) {
      return [problem(ProcessProblemCode.UNEXPECTED_TARGET, step.code, `thao tác hoàn thành của bước ${step.code} không có bước đích`, `COMPLETE of step ${step.code} takes no target`, { action: t.action })];
    }
    return to.filter((code) => !graph.steps.has(code)).map((code) => problem(ProcessProblemCode.UNKNOWN_TARGET, step.code,
      `thao tác ${t.action} của bước ${step.code} dẫn tới bước không tồn tại ${code}`, `action ${t.action} of step ${step.code} leads to unknown step ${code}`, { action: t.action, target: code }));
  });
}

const checkTargets: Check = (_, graph) => steps(graph).flatMap((step) => targetProblems(step, graph));

function invalidTime(limit: { value: number; unit: TimeLimitUnit }, allowZero: boolean): boolean {
  if (!Number.isFinite(limit.value) || limit.value < 0 || (!allowZero && limit.value === 0)) return true;
  return !Object.values(TimeLimitUnit).includes(limit.unit) || (limit.unit === TimeLimitUnit.SAME_DAY && limit.value !== 1);
}

const checkQuotas: Check = (definition, graph) => [
  ...(invalidTime(definition.statutoryLimit, false) ? [problem(ProcessProblemCode.INVALID_QUOTA, null, 'thời hạn giải quyết theo quy định không hợp lệ', 'the statutory time limit is invalid')] : []),
  ...steps(graph).filter((step) => invalidTime(step.quota, true)).map((step) => problem(ProcessProblemCode.INVALID_QUOTA, step.code,
    `định mức thời gian của bước ${step.code} không hợp lệ (số không âm; trong ngày có giá trị 1)`, `the time quota of step ${step.code} is invalid (not negative; SAME_DAY is 1)`)),
];

const checkRoles: Check = (_, graph, context) => steps(graph).flatMap((step) => {
  const key = roleHolderKey(step.actor);
  const found: ProcessProblem[] = [];
  if (countOf(context.activeRoleHolders, key) <= 0) {
    found.push(problem(ProcessProblemCode.UNASSIGNED_ROLE, step.code, `không có cán bộ đang hoạt động giữ vai trò ${key} cho bước ${step.code}`,
      `no active staff member holds role ${key} for step ${step.code}`, { roleHolderKey: key }));
  }
  const user = step.actor.userId;
  if (user && context.activeUserIds && !context.activeUserIds.has(user)) {
    found.push(problem(ProcessProblemCode.INACTIVE_USER, step.code, `cán bộ ${user} của bước ${step.code} không còn hoạt động`, `staff member ${user} of step ${step.code} is not active`, { userId: user }));
  }
  return found;
});

const checkReachable: Check = (definition, graph) => {
  if (!graph.steps.has(definition.startStepCode)) return [];
  const seen = reachable(graph.all, [definition.startStepCode]);
  return steps(graph).filter((step) => !seen.has(step.code)).map((step) => problem(ProcessProblemCode.UNREACHABLE_STEP, step.code,
    `không có đường nào từ bước bắt đầu tới bước ${step.code}`, `no path leads from the start step to step ${step.code}`));
};

const checkFinish: Check = (definition, graph) => {
  if (!definition.steps.length) return [];
  const finishing = steps(graph).filter((step) => allows(step, StepAction.COMPLETE)).map((step) => step.code);
  if (!finishing.length) return [problem(ProcessProblemCode.NO_COMPLETE, null, 'không bước nào có thao tác hoàn thành', 'no step can complete the process')];
  const canFinish = reachable(reversed(graph.all), finishing);
  return steps(graph).filter((step) => !canFinish.has(step.code)).map((step) => problem(ProcessProblemCode.NO_WAY_TO_FINISH, step.code,
    `từ bước ${step.code} không có cách nào dẫn tới hoàn thành`, `from step ${step.code} no sequence of actions leads to completion`));
};

const checkCycles: Check = (_, graph) => topologicalOrder(graph.forward).cyclic.map((code) => problem(ProcessProblemCode.FORWARD_CYCLE, code,
  `bước ${code} nằm trên một vòng lặp chuyển tiếp; quay lại phải dùng thao tác trả lại`, `step ${code} is on a forward loop; going back must use RETURN`));

const checkReturns: Check = (_, graph) => {
  const back = reversed(graph.forward);
  return steps(graph).flatMap((step) => {
    const earlier = reachable(back, [step.code]);
    earlier.delete(step.code);
    return targetsOf(step, new Set([StepAction.RETURN])).filter((to) => graph.steps.has(to) && !earlier.has(to)).map((to) =>
      problem(ProcessProblemCode.RETURN_NOT_BACKWARD, step.code, `bước ${step.code} trả lại bước ${to}, không phải bước trước nó`,
        `step ${step.code} returns to ${to}, which does not come before it`, { target: to }));
  });
};

function splitProblems(split: ProcessStep, graph: StepGraph): ProcessProblem[] {
  const branches = targetsOf(split, SPLIT_ACTIONS).filter((to) => graph.steps.has(to));
  if (branches.length < 2) {
    return [problem(ProcessProblemCode.SPLIT_NEEDS_BRANCHES, split.code, `bước song song ${split.code} cần ít nhất hai nhánh`, `parallel split ${split.code} needs at least two branches`)];
  }
  const joinsOf = (code: string) => [...reachable(graph.forward, [code])].filter((c) => graph.steps.get(c)!.kind === StepKind.JOIN);
  const common = branches.map(joinsOf).reduce((a, b) => a.filter((code) => b.includes(code)));
  if (!common.length) {
    return [problem(ProcessProblemCode.SPLIT_WITHOUT_JOIN, split.code,
      `các nhánh của bước song song ${split.code} không gặp nhau ở một bước hợp nhất`, `the branches of parallel split ${split.code} never meet at a common join`, { branches })];
  }
  return branches.filter((branch) => skipsJoin(graph, branch, new Set(common))).map((branch) => problem(ProcessProblemCode.BRANCH_SKIPS_JOIN, split.code,
    `nhánh ${branch} của bước song song ${split.code} có thể hoàn thành mà không qua bước hợp nhất`, `branch ${branch} of parallel split ${split.code} can complete without passing its join`, { branch }));
}

/** Whether a COMPLETE is reachable from `branch` along forward edges without passing one of `joins`. */
function skipsJoin(graph: StepGraph, branch: string, joins: ReadonlySet<string>): boolean {
  const beforeJoin = new Map([...graph.forward].map(([code, targets]) => [code, joins.has(code) ? [] : targets]));
  return [...reachable(beforeJoin, [branch])].some((code) => !joins.has(code) && allows(graph.steps.get(code)!, StepAction.COMPLETE));
}

const checkParallel: Check = (_, graph) => {
  const back = reversed(graph.forward);
  const joinProblems = steps(graph).filter((step) => step.kind === StepKind.JOIN)
    .filter((join) => ![...reachable(back, [join.code])].some((code) => code !== join.code && graph.steps.get(code)!.kind === StepKind.PARALLEL_SPLIT))
    .map((join) => problem(ProcessProblemCode.JOIN_WITHOUT_SPLIT, join.code, `không bước song song nào dẫn tới bước hợp nhất ${join.code}`, `no parallel split leads to join ${join.code}`));
  return [...steps(graph).filter((step) => step.kind === StepKind.PARALLEL_SPLIT).flatMap((split) => splitProblems(split, graph)), ...joinProblems];
};

const checkStatutory: Check = (definition, graph, context) => {
  const day = context.standardDayMinutes ?? STANDARD_DAY_MINUTES;
  const weight = (step: ProcessStep) => (invalidTime(step.quota, true) ? 0 : quotaMinutes(step.quota, day));
  const critical = longestPath(graph, definition.startStepCode, weight);
  const limit = context.statutoryBudgetMinutes ?? quotaMinutes(definition.statutoryLimit, day);
  if (!critical || critical.total <= limit || invalidTime(definition.statutoryLimit, false)) return [];
  const limitIsCalendar = context.statutoryBudgetMinutes === undefined && isCalendarUnit(definition.statutoryLimit.unit);
  const approximate = critical.path.some((code) => isCalendarUnit(graph.steps.get(code)!.quota.unit) !== limitIsCalendar);
  let running = 0;
  const over = critical.path.find((code) => (running += weight(graph.steps.get(code)!)) > limit)!;
  const [sum, max] = [formatMinutes(critical.total, day), formatMinutes(limit, day)];
  return [problem(ProcessProblemCode.QUOTA_EXCEEDS_STATUTORY, over,
    `tổng định mức trên đường dài nhất (${critical.path.join(' → ')}) là ${sum.vi}, vượt thời hạn giải quyết ${max.vi}; vượt từ bước ${over}`,
    `the quotas along the longest path (${critical.path.join(' → ')}) add up to ${sum.en}, over the statutory limit of ${max.en}; exceeded at step ${over}`,
    { path: critical.path, totalMinutes: critical.total, limitMinutes: limit, approximate })];
};

const CHECKS: Check[] = [checkEmpty, checkDuplicates, checkStart, checkTargets, checkQuotas, checkRoles, checkReachable, checkFinish, checkCycles, checkReturns, checkParallel, checkStatutory];

const compareProblems = (a: ProcessProblem, b: ProcessProblem) =>
  a.code.localeCompare(b.code) || (a.stepCode ?? '').localeCompare(b.stepCode ?? '') || a.message.en.localeCompare(b.message.en);

/**
 * Every problem that blocks publishing, sorted by code, step and message (so the order of
 * steps in the definition does not matter). An empty list means the definition can be published.
 *
 * Quotas are summed along the longest forward path from the start step (parallel branches count
 * with their longest branch; RETURN and REQUEST_SUPPLEMENT loops are not counted, a supplement
 * pauses the clock) and compared with the statutory limit on the scale of quota.ts.
 *
 * @example
 * const problems = validateProcess(definition, { activeRoleHolders: new Map([['RECEPTION', 2], ['SPECIALIST@u-land', 1]]) });
 * problems.map((p) => p.code); // e.g. ['UNASSIGNED_ROLE', 'UNREACHABLE_STEP']
 * problems[0].message.vi;      // 'không có cán bộ đang hoạt động giữ vai trò LEADER cho bước KY'
 */
export function validateProcess(definition: ProcessDefinition, context: ValidationContext): ProcessProblem[] {
  const graph = stepGraph(definition);
  return CHECKS.flatMap((check) => check(definition, graph, context)).sort(compareProblems);
}
