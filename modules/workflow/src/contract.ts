/**
 * The workflow module's public face for other modules (the dossiers module above all):
 *
 * 1. The statutory clock as pure functions over a calendar snapshot (`startClock`, …), and
 *    persisted per subject and per step (`startSubjectClock`, `pauseSubjectClock`, …), each
 *    explained line by line.
 * 2. The engine: start an instance of an agency's published process for a subject, act on its
 *    tasks, read its state and allowed actions, resume it after a supplement.
 * 3. The events it publishes through the outbox, with their payload types.
 *
 * Every function taking an EntityManager runs in the caller's transaction and flushes.
 *
 * @example
 * // Receiving a dossier: its statutory clock and its process instance.
 * await startSubjectClock(em, { subjectType: 'Dossier', subjectId: dossier.id }, { calendarId: 'VN-GOV', receivedAt: now, limit: { value: 5, unit: TimeLimitUnit.WORKING_DAYS } });
 * const { instance, tasks } = await startInstance(em, { agencyId, processCode: 'CCTP', subjectType: 'Dossier', subjectId: dossier.id, now });
 *
 * // An officer acts (GraphQL `completeTask` does the same for the signed-in officer).
 * const { entered } = await actOnTask(em, { taskId: tasks[0].id, version: tasks[0].version, action: StepAction.REQUEST_OPINION, actorId, now });
 *
 * // Reacting to a supplement request (event SubjectActionRequired, kind SUPPLEMENT_REQUESTED), then to the supplement.
 * await pauseSubjectClock(em, key, { at: now, reason: PauseReason.SUPPLEMENT_REQUESTED, actorId });
 * await resumeSubjectClock(em, key, { at: later });
 * await resumeInstance(em, { instanceId: instance.id, now: later });
 *
 * // What the dossier page shows.
 * const state = await readInstance(em, instance.id); // status, open tasks with their allowed actions
 * const lines = await explainSubjectClock(em, key); // [{ vi: 'Thời hạn: 5 ngày làm việc …', en: '…' }, …]
 *
 * // Pure clock functions over a calendar snapshot, for previews and simulations.
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

// Persisted clocks: a dossier's statutory clock and each step's clock, kept as ledgers.
export {
  type ClockKey, type SubjectClockState, startSubjectClock, pauseSubjectClock, resumeSubjectClock, extendSubjectClock, judgeSubjectClock,
  stopSubjectClock, explainSubjectClock, readSubjectClock, subjectClockConsumption,
} from './clocks/subject-clock.store.js';
export { ClockStatus } from './clocks/subject-clock.entity.js';

// The engine: instances of published process versions for a subject, tasks and their events.
export {
  startInstance, type StartInstanceInput, actOnTask, type ActInput, type ActResult, resumeInstance, cancelInstance,
} from './engine/engine.js';
export { readInstance, instanceOfSubject, type InstanceState, type TaskState } from './engine/instance.read.js';
export {
  StepEntered, StepCompleted, TaskDueSoon, TaskOverdue, TaskEscalated, InstanceCompleted, SubjectActionRequired, SubjectActionKind, type TaskEventBase,
} from './engine/events.js';
export { InstanceStatus } from './engine/instance.entity.js';
export { publishedProcessId } from './engine/definition-run.js';
/** The demo process seeded with demo data (agency, unit and process codes), for other modules' demo seeds. */
export { DEMO_PROCESS } from './definitions/demo-process.js';
export { TaskStatus, EscalationLevel } from './engine/task.entity.js';
export { sweepEscalations, ESCALATION_JOB } from './engine/escalation.js';
