/**
 * Pre-publish simulation: synthetic dossiers run through a process definition on a virtual
 * clock over the agency calendar (a discrete-event simulation, deterministic for a seed).
 *
 * The model:
 * - Arrivals: `dossiers` dossiers, `arrivalsPerDay` per standard working day, during working
 *   time only: POISSON (exponential gaps in working time, the default) or EVEN (equal gaps).
 *   The first arrives at the first working instant at or after `start`. Each starts a
 *   statutory clock (`startClock`) with the definition's limit.
 * - Steps: a step waits for a free staff member of its role (`roleHolderKey`; one FIFO queue
 *   per role, `staffPerRole` members, none when absent) and then takes a working-time service
 *   duration: a share of its quota drawn from a triangular distribution (default min 0.2,
 *   mode 0.5, max 1 of the quota) or, with FIXED, exactly `mode` × quota.
 * - Moves: after the work, with `supplementProbability` (default 0.05, once per dossier, only
 *   outside parallel branches) a step offering REQUEST_SUPPLEMENT pauses the clock for
 *   `applicantResponseMinutes` of working time (default two standard days) and resumes at the
 *   supplement's target (or the same step); else with `returnProbability` (default 0.05, at
 *   most twice per dossier, outside parallel branches) a step offering RETURN sends it back;
 *   else the main path: a PARALLEL_SPLIT forks into all its FORWARD / REQUEST_OPINION
 *   targets, any other step takes its first FORWARD / REQUEST_OPINION / SIGN-with-target /
 *   COMPLETE transition in declaration order (its first target). PROPOSE_REFUSAL is not taken.
 * - A JOIN starts when every branch of its innermost split has arrived.
 * - Dead ends: a dossier that cannot finish (no staff for a role, no way out of a step, an
 *   unknown step, a join whose branches never all arrive, or a forward loop).
 * - Timeliness: `judgeClock` against the statutory due instant at completion.
 */
import { AppError } from '@motcua/kernel/contract';
import type { CalendarSnapshot } from '../clock/calendar.js';
import { Timeliness } from '../clock/deadline.js';
import { type ClockLedger, judgeClock, pauseClock, PauseReason, resumeClock, startClock } from '../clock/ledger.js';
import { consumeWorkingTime, countWorkingTime, nextWorkingInstant } from '../clock/walk.js';
import { MINUTE_MS } from '../clock/zone.js';
import {
  allows, countOf, type ProcessDefinition, type ProcessStep, type RoleCounts, roleHolderKey, SPLIT_ACTIONS, StepAction, StepKind, targetsOf,
} from './definition.js';
import { EventQueue } from './events.js';
import { type StepGraph, stepGraph } from './graph.js';
import { quotaMinutes } from './quota.js';
import { exponential, type Random, seededRandom, triangular } from './random.js';
import { buildReport, type SimulationReport } from './simulation-report.js';

export interface ServiceTime {
  distribution: 'TRIANGULAR' | 'FIXED';
  /** Shares of the step's quota. */
  min: number;
  mode: number;
  max: number;
}

export interface SimulationOptions {
  dossiers: number;
  arrivalsPerDay: number;
  staffPerRole: RoleCounts;
  seed: number;
  start: Date;
  arrivals?: 'POISSON' | 'EVEN';
  serviceTime?: ServiceTime;
  supplementProbability?: number;
  returnProbability?: number;
  applicantResponseMinutes?: number;
}

export const DEFAULT_SERVICE_TIME: ServiceTime = { distribution: 'TRIANGULAR', min: 0.2, mode: 0.5, max: 1 };
export const DEFAULT_SUPPLEMENT_PROBABILITY = 0.05;
export const DEFAULT_RETURN_PROBABILITY = 0.05;
const MAX_SUPPLEMENTS = 1;
const MAX_RETURNS = 2;
const MAX_DOSSIERS = 10_000;

/** Why a dossier could not finish. */
export enum DeadEndReason {
  NO_STAFF = 'NO_STAFF',
  NO_WAY_OUT = 'NO_WAY_OUT',
  UNKNOWN_STEP = 'UNKNOWN_STEP',
  JOIN_INCOMPLETE = 'JOIN_INCOMPLETE',
  LOOP = 'LOOP',
}

/** A parallel split in flight: how many branches it has and how many reached each join. */
interface Frame {
  branches: number;
  arrived: Map<string, number>;
}

/** One token of a dossier: where it is within nested parallel splits. */
interface Token {
  frames: Frame[];
}

export interface SimulatedDossier {
  index: number;
  arrivedAt: number;
  ledger: ClockLedger;
  liveTokens: number;
  supplements: number;
  returns: number;
  moves: number;
  /** Working minutes waited and worked, per step code. */
  spent: Map<string, number>;
  waitingAt: string | null;
  stuck: { stepCode: string; reason: DeadEndReason } | null;
  completedAt: number | null;
  timeliness: Timeliness | null;
}

export interface StepTally {
  visits: number;
  waitMinutes: number;
  workMinutes: number;
}

/** The state of one run, shared by the engine and the report. */
export interface SimulationRun {
  definition: ProcessDefinition;
  calendar: CalendarSnapshot;
  graph: StepGraph;
  options: Required<SimulationOptions>;
  random: Random;
  queue: EventQueue<{ dossier: SimulatedDossier; stepCode: string; token: Token }>;
  /** Per role holder key: the instant each staff member is next free. */
  pools: Map<string, number[]>;
  steps: Map<string, StepTally>;
  busyMinutes: Map<string, number>;
  dossiers: SimulatedDossier[];
  lastEnd: number;
}

function checkOptions(options: SimulationOptions): void {
  const bad = (field: string, vi: string, en: string) => AppError.badInput(field, { vi, en });
  if (!Number.isInteger(options.dossiers) || options.dossiers < 1 || options.dossiers > MAX_DOSSIERS) {
    throw bad('dossiers', `số hồ sơ mô phỏng từ 1 đến ${MAX_DOSSIERS}`, `simulate 1 to ${MAX_DOSSIERS} dossiers`);
  }
  if (!(options.arrivalsPerDay > 0) || !Number.isFinite(options.arrivalsPerDay)) throw bad('arrivalsPerDay', 'số hồ sơ mỗi ngày phải lớn hơn 0', 'arrivals per day must be greater than 0');
  for (const field of ['supplementProbability', 'returnProbability'] as const) {
    const p = options[field] ?? 0;
    if (!(p >= 0 && p <= 1)) throw bad(field, 'xác suất từ 0 đến 1', 'a probability is between 0 and 1');
  }
}

function newRun(definition: ProcessDefinition, calendar: CalendarSnapshot, input: SimulationOptions): SimulationRun {
  checkOptions(input);
  const options: Required<SimulationOptions> = {
    arrivals: 'POISSON', serviceTime: DEFAULT_SERVICE_TIME, supplementProbability: DEFAULT_SUPPLEMENT_PROBABILITY,
    returnProbability: DEFAULT_RETURN_PROBABILITY, applicantResponseMinutes: 2 * calendar.standardDayMinutes, ...input,
  };
  return {
    definition, calendar, graph: stepGraph(definition), options, random: seededRandom(options.seed), queue: new EventQueue(),
    pools: new Map(), steps: new Map(), busyMinutes: new Map(), dossiers: [], lastEnd: input.start.getTime(),
  };
}

/** Arrival instants in working time, from the first working instant at or after `start`. */
function arrivalInstants(run: SimulationRun): number[] {
  const { calendar, options } = run;
  const meanGap = calendar.standardDayMinutes / options.arrivalsPerDay;
  const instants = [nextWorkingInstant(calendar, options.start.getTime())];
  while (instants.length < options.dossiers) {
    const gap = options.arrivals === 'EVEN' ? meanGap : exponential(run.random, meanGap);
    instants.push(consumeWorkingTime(calendar, instants[instants.length - 1], gap * MINUTE_MS, []).endsAt);
  }
  return instants;
}

function scheduleArrivals(run: SimulationRun): void {
  arrivalInstants(run).forEach((arrivedAt, index) => {
    const ledger = startClock(run.calendar, { receivedAt: new Date(arrivedAt), limit: run.definition.statutoryLimit });
    const dossier: SimulatedDossier = {
      index, arrivedAt, ledger, liveTokens: 1, supplements: 0, returns: 0, moves: 0, spent: new Map(), waitingAt: null, stuck: null, completedAt: null, timeliness: null,
    };
    run.dossiers.push(dossier);
    run.queue.push(arrivedAt, { dossier, stepCode: run.definition.startStepCode, token: { frames: [] } });
  });
}

function stick(dossier: SimulatedDossier, stepCode: string, reason: DeadEndReason): void {
  dossier.stuck ??= { stepCode, reason };
}

/** A token reaching a JOIN: true when it is the last branch of its innermost split to reach this join (and carries on). */
function joined(dossier: SimulatedDossier, token: Token, stepCode: string): boolean {
  const frame = token.frames[token.frames.length - 1];
  if (!frame) return true;
  const arrived = (frame.arrived.get(stepCode) ?? 0) + 1;
  frame.arrived.set(stepCode, arrived);
  if (arrived < frame.branches) {
    dossier.liveTokens -= 1;
    dossier.waitingAt = stepCode;
    return false;
  }
  token.frames = token.frames.slice(0, -1);
  dossier.waitingAt = null;
  return true;
}

function serviceMinutes(run: SimulationRun, step: ProcessStep): number {
  const { distribution, min, mode, max } = run.options.serviceTime;
  const share = distribution === 'FIXED' ? mode : triangular(run.random, min, mode, max);
  return Math.max(0, quotaMinutes(step.quota, run.calendar.standardDayMinutes) * share);
}

function tally<K>(map: Map<K, number>, key: K, add: number): void {
  map.set(key, (map.get(key) ?? 0) + add);
}

/** Queues the work on the role's earliest-free staff member; returns the instant it ends. */
function work(run: SimulationRun, dossier: SimulatedDossier, step: ProcessStep, readyAt: number, staff: number): number {
  const key = roleHolderKey(step.actor);
  if (!run.pools.has(key)) run.pools.set(key, Array(staff).fill(-Infinity));
  const pool = run.pools.get(key)!;
  const member = pool.indexOf(Math.min(...pool));
  const startsAt = nextWorkingInstant(run.calendar, Math.max(readyAt, pool[member]));
  const minutes = serviceMinutes(run, step);
  const endsAt = minutes > 0 ? consumeWorkingTime(run.calendar, startsAt, minutes * MINUTE_MS, []).endsAt : startsAt;
  const waited = countWorkingTime(run.calendar, readyAt, startsAt, []).countedMs / MINUTE_MS;
  pool[member] = endsAt;
  const stats = run.steps.get(step.code) ?? { visits: 0, waitMinutes: 0, workMinutes: 0 };
  run.steps.set(step.code, { visits: stats.visits + 1, waitMinutes: stats.waitMinutes + waited, workMinutes: stats.workMinutes + minutes });
  tally(run.busyMinutes, key, minutes);
  tally(dossier.spent, step.code, waited + minutes);
  run.lastEnd = Math.max(run.lastEnd, endsAt);
  return endsAt;
}

const chance = (run: SimulationRun, p: number) => p > 0 && run.random() < p;

function trySupplement(run: SimulationRun, dossier: SimulatedDossier, step: ProcessStep, at: number): boolean {
  if (!allows(step, StepAction.REQUEST_SUPPLEMENT) || dossier.supplements >= MAX_SUPPLEMENTS || dossier.liveTokens !== 1) return false;
  if (!chance(run, run.options.supplementProbability)) return false;
  const resumesAt = consumeWorkingTime(run.calendar, at, Math.max(1, run.options.applicantResponseMinutes) * MINUTE_MS, []).endsAt;
  dossier.supplements += 1;
  dossier.ledger = pauseClock(dossier.ledger, { at: new Date(at), reason: PauseReason.SUPPLEMENT_REQUESTED });
  dossier.ledger = resumeClock(dossier.ledger, run.calendar, { at: new Date(resumesAt) });
  const target = targetsOf(step, new Set([StepAction.REQUEST_SUPPLEMENT]))[0] ?? step.code;
  run.queue.push(resumesAt, { dossier, stepCode: target, token: { frames: [] } });
  return true;
}

function tryReturn(run: SimulationRun, dossier: SimulatedDossier, step: ProcessStep, at: number): boolean {
  const target = targetsOf(step, new Set([StepAction.RETURN]))[0];
  if (!target || dossier.returns >= MAX_RETURNS || dossier.liveTokens !== 1 || !chance(run, run.options.returnProbability)) return false;
  dossier.returns += 1;
  run.queue.push(at, { dossier, stepCode: target, token: { frames: [] } });
  return true;
}

function fork(run: SimulationRun, dossier: SimulatedDossier, token: Token, branches: string[], at: number): void {
  const frame: Frame = { branches: branches.length, arrived: new Map() };
  dossier.liveTokens += branches.length - 1;
  for (const stepCode of branches) run.queue.push(at, { dossier, stepCode, token: { frames: [...token.frames, frame] } });
}

function complete(run: SimulationRun, dossier: SimulatedDossier, at: number): void {
  dossier.liveTokens -= 1;
  if (dossier.liveTokens > 0) return;
  dossier.completedAt = at;
  dossier.timeliness = judgeClock(dossier.ledger, run.calendar, new Date(at)).timeliness;
}

const MAIN_ACTIONS = new Set([StepAction.FORWARD, StepAction.REQUEST_OPINION, StepAction.SIGN, StepAction.COMPLETE]);

/** The main path of a step: its first forward-like transition with a target, or COMPLETE. */
function mainTransition(step: ProcessStep): { complete: true } | { to: string } | null {
  const main = step.transitions.find((t) => MAIN_ACTIONS.has(t.action) && (t.action === StepAction.COMPLETE || t.to?.length));
  if (!main) return null;
  return main.action === StepAction.COMPLETE ? { complete: true } : { to: main.to![0] };
}

function moveOn(run: SimulationRun, dossier: SimulatedDossier, token: Token, step: ProcessStep, at: number): void {
  if (trySupplement(run, dossier, step, at) || tryReturn(run, dossier, step, at)) return;
  const branches = step.kind === StepKind.PARALLEL_SPLIT ? targetsOf(step, SPLIT_ACTIONS) : [];
  if (branches.length) return fork(run, dossier, token, branches, at);
  const main = mainTransition(step);
  if (!main) return stick(dossier, step.code, DeadEndReason.NO_WAY_OUT);
  if ('complete' in main) return complete(run, dossier, at);
  run.queue.push(at, { dossier, stepCode: main.to, token });
}

function handle(run: SimulationRun, at: number, dossier: SimulatedDossier, stepCode: string, token: Token): void {
  if (dossier.stuck) return;
  const step = run.graph.steps.get(stepCode);
  if (!step) return stick(dossier, stepCode, DeadEndReason.UNKNOWN_STEP);
  if (++dossier.moves > 4 * run.graph.steps.size + 10) return stick(dossier, stepCode, DeadEndReason.LOOP);
  if (step.kind === StepKind.JOIN && !joined(dossier, token, stepCode)) return;
  const staff = countOf(run.options.staffPerRole, roleHolderKey(step.actor));
  if (staff < 1) return stick(dossier, stepCode, DeadEndReason.NO_STAFF);
  moveOn(run, dossier, token, step, work(run, dossier, step, at, Math.floor(staff)));
}

/**
 * Runs synthetic dossiers through a definition and reports dead ends, the on-time share, where
 * time is lost and the load per role, with explanation lines in Vietnamese and English. The
 * same inputs and seed always give the same report. See the module comment for the model.
 *
 * @example
 * const report = simulateProcess(definition, vnGov, {
 *   dossiers: 200, arrivalsPerDay: 6, seed: 42, start: new Date('2026-03-02T07:00:00+07:00'),
 *   staffPerRole: { RECEPTION: 2, SPECIALIST: 3, LEADER: 1 },
 * });
 * report.onTimeShare;   // e.g. 0.93
 * report.timeLostAt;    // e.g. 'THAM_DINH'
 * report.explanation[0].vi;
 */
export function simulateProcess(definition: ProcessDefinition, calendar: CalendarSnapshot, options: SimulationOptions): SimulationReport {
  const run = newRun(definition, calendar, options);
  scheduleArrivals(run);
  for (let next = run.queue.pop(); next; next = run.queue.pop()) handle(run, next.at, next.value.dossier, next.value.stepCode, next.value.token);
  return buildReport(run);
}
