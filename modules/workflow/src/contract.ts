/**
 * The workflow module's public face for other modules: the statutory clock as pure functions
 * over a calendar snapshot, loading a snapshot, and the events the module publishes.
 *
 * @example
 * const calendar = await loadCalendarSnapshot(em, 'VN-GOV');
 * let clock = startClock(calendar, { receivedAt, limit: { value: 5, unit: TimeLimitUnit.WORKING_DAYS } });
 * clock = pauseClock(clock, { at, reason: PauseReason.SUPPLEMENT_REQUESTED, actorId });
 * clock = resumeClock(clock, await loadCalendarSnapshot(em, clock.calendarId!, clock.calendarVersion), { at: later });
 */
import { defineEvent } from '@motcua/kernel/contract';

export {
  type CalendarSnapshot, type CalendarRules, type CalendarDayEntry, type WorkingPeriod, CalendarDayKind, calendarSnapshot, DEFAULT_RULES,
} from './clock/calendar.js';
export { TimeLimitUnit, Timeliness, type TimeLimit, classifyTimeliness, SAME_DAY_CUTOFF_MINUTES } from './clock/deadline.js';
export {
  type ClockLedger, type ClockPause, type ClockExtension, type ClockConsumption, type ClockJudgement, PauseReason,
  startClock, pauseClock, resumeClock, extendClock, clockConsumption, judgeClock,
} from './clock/ledger.js';
export { explainClock } from './clock/explain.js';
export { previewClock, type PreviewInput, type Preview } from './clock/preview.js';
export { loadCalendarSnapshot } from './calendars/calendar.read.js';
export { DateTimeScalar, ZonedDateTime } from './shared/date-time.scalar.js';

/** A calendar got a new version (its own change, or one inherited from its base calendar). */
export const CalendarChanged = defineEvent<{ calendarId: string; version: number }>('workflow.CalendarChanged');

// Process definitions (pure core): the step graph, publishing checks and pre-publish simulation.
export {
  type ProcessDefinition, type ProcessStep, type Step, type StepActor, type StepQuota, type StepTransition, type RoleCounts,
  StepAction, StepKind, roleHolderKey,
} from './processes/definition.js';
export { validateProcess, ProcessProblemCode, type ProcessProblem, type ValidationContext } from './processes/validate.js';
export { quotaMinutes, STANDARD_DAY_MINUTES } from './processes/quota.js';
export {
  simulateProcess, DeadEndReason, type SimulationOptions, type ServiceTime, DEFAULT_SERVICE_TIME, DEFAULT_SUPPLEMENT_PROBABILITY, DEFAULT_RETURN_PROBABILITY,
} from './processes/simulate.js';
export { type SimulationReport, type StepLoad, type RoleLoad, type DeadEnd } from './processes/simulation-report.js';
