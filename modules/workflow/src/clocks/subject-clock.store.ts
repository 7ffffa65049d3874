/**
 * Persisted statutory clocks: one ledger per subject (a dossier) and per step of it, changed
 * only through the pure ledger functions and explained line by line. What the dossiers module
 * calls through the contract; the engine keeps each step's clock with the same functions.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { AppError, type Bilingual, uuid7 } from '@motcua/kernel/contract';
import { loadCalendarSnapshot } from '../calendars/calendar.read.js';
import type { CalendarSnapshot } from '../clock/calendar.js';
import type { TimeLimit } from '../clock/deadline.js';
import { explainClock } from '../clock/explain.js';
import {
  type ClockJudgement, type ClockLedger, clockConsumption, extendClock, judgeClock, openPause, pauseClock, type PauseReason, resumeClock, startClock,
} from '../clock/ledger.js';
import { ClockStatus, SubjectClock } from './subject-clock.entity.js';

/** Which clock: a subject's own (no `stepCode`) or one of its steps. */
export interface ClockKey {
  subjectType: string;
  subjectId: string;
  stepCode?: string | null;
}

/** A persisted clock as callers read it. */
export interface SubjectClockState {
  key: Required<ClockKey>;
  status: ClockStatus;
  ledger: ClockLedger;
  /** Set once stopped. */
  judgement: ClockJudgement | null;
}

const CLOCK_ENTITY = { vi: 'đồng hồ thời hạn', en: 'Clock' };
const DATE_FIELDS = ['receivedAt', 'effectiveStart', 'originalDueAt', 'statutoryDueAt', 'dueAt'] as const;

const revive = (value: unknown) => (value == null ? null : new Date(value as string));

/** A ledger from its stored JSON (instants as ISO strings). */
export function ledgerFromJson(json: Record<string, any>): ClockLedger {
  const ledger = { ...json } as Record<string, unknown>;
  for (const field of DATE_FIELDS) ledger[field] = revive(json[field]);
  ledger.pauses = (json.pauses ?? []).map((p: Record<string, unknown>) => ({ ...p, from: revive(p.from), to: revive(p.to) }));
  ledger.extension = json.extension ? { ...json.extension, requestedAt: revive(json.extension.requestedAt), dueAt: revive(json.extension.dueAt) } : null;
  return ledger as unknown as ClockLedger;
}

const keyOf = (key: ClockKey) => ({ subjectType: key.subjectType, subjectId: key.subjectId, stepCode: key.stepCode ?? '' });

function stateOf(row: SubjectClock): SubjectClockState {
  const ledger = ledgerFromJson(row.ledger);
  const judgement = row.status === ClockStatus.STOPPED && row.endedAt != null
    ? { end: new Date(row.endedAt), due: ledger.statutoryDueAt ?? ledger.originalDueAt, atPause: false, timeliness: row.timeliness! }
    : null;
  return { key: { ...keyOf(row), stepCode: row.stepCode || null } as Required<ClockKey>, status: row.status, ledger, judgement };
}

function write(row: SubjectClock, ledger: ClockLedger, now: Date): void {
  row.ledger = JSON.parse(JSON.stringify(ledger));
  row.dueAt = ledger.dueAt?.getTime() ?? null;
  row.status = row.status === ClockStatus.STOPPED ? ClockStatus.STOPPED : openPause(ledger) ? ClockStatus.PAUSED : ClockStatus.RUNNING;
  row.updatedAt = now;
}

async function rowOrFail(em: EntityManager, key: ClockKey): Promise<SubjectClock> {
  const row = await em.findOne(SubjectClock, keyOf(key));
  if (!row) throw AppError.notFound(CLOCK_ENTITY, `${key.subjectType}/${key.subjectId}${key.stepCode ? `/${key.stepCode}` : ''}`);
  return row;
}

function assertRunning(row: SubjectClock): void {
  if (row.status === ClockStatus.STOPPED) throw new AppError('INVALID_TRANSITION', { reason: { vi: 'đồng hồ đã dừng', en: 'the clock has stopped' } });
}

async function calendarOf(em: EntityManager, ledger: ClockLedger): Promise<CalendarSnapshot> {
  return loadCalendarSnapshot(em, ledger.calendarId!, ledger.calendarVersion);
}

async function flushClock(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if ((error as Error).name === 'OptimisticLockError') throw AppError.conflict({ vi: 'đồng hồ vừa được thay đổi', en: 'the clock was just changed' });
    throw error;
  }
}

/**
 * Stores a newly started ledger under a key. A step's clock that exists is replaced (the step
 * is visited again); a subject's own clock that exists is a CONFLICT unless `restart` is set.
 */
export async function putClock(em: EntityManager, key: ClockKey, ledger: ClockLedger, options: { restart?: boolean } = {}): Promise<SubjectClockState> {
  let row = await em.findOne(SubjectClock, keyOf(key));
  if (row && !key.stepCode && !options.restart) throw AppError.conflict({ vi: 'đồng hồ của hồ sơ đã chạy', en: 'the subject clock is already running' });
  row ??= em.create(SubjectClock, { id: uuid7(ledger.receivedAt.getTime()), ...keyOf(key), ledger: {}, status: ClockStatus.RUNNING, updatedAt: ledger.receivedAt });
  Object.assign(row, { status: ClockStatus.RUNNING, endedAt: null, timeliness: null });
  write(row, ledger, ledger.receivedAt);
  await flushClock(em);
  return stateOf(row);
}

/**
 * Starts a clock on the calendar's current version (rules 1–5); see {@link putClock} for
 * a clock that already exists.
 */
export async function startSubjectClock(
  em: EntityManager,
  key: ClockKey,
  input: { calendarId: string; receivedAt: Date; limit: TimeLimit; restart?: boolean },
): Promise<SubjectClockState> {
  const ledger = startClock(await loadCalendarSnapshot(em, input.calendarId), { receivedAt: input.receivedAt, limit: input.limit });
  return putClock(em, key, ledger, input);
}

/** Applies a ledger change to a running clock and stores it. */
async function change(em: EntityManager, key: ClockKey, now: Date, apply: (ledger: ClockLedger, calendar: CalendarSnapshot) => ClockLedger): Promise<SubjectClockState> {
  const row = await rowOrFail(em, key);
  assertRunning(row);
  const ledger = ledgerFromJson(row.ledger);
  write(row, apply(ledger, await calendarOf(em, ledger)), now);
  await flushClock(em);
  return stateOf(row);
}

/** Stops consumption (rule 7), e.g. when a supplement is requested. */
export function pauseSubjectClock(em: EntityManager, key: ClockKey, input: { at: Date; reason: PauseReason; actorId?: string | null }): Promise<SubjectClockState> {
  return change(em, key, input.at, (ledger) => pauseClock(ledger, input));
}

/** Resumes with the remaining budget, on the calendar version the clock started with. */
export function resumeSubjectClock(em: EntityManager, key: ClockKey, input: { at: Date }): Promise<SubjectClockState> {
  return change(em, key, input.at, (ledger, calendar) => resumeClock(ledger, calendar, input));
}

/** The apology and new appointment, once; timeliness stays judged against the statutory due. */
export function extendSubjectClock(em: EntityManager, key: ClockKey, input: { requestedAt: Date; dueAt: Date; reason?: string | null; actorId?: string | null }): Promise<SubjectClockState> {
  return change(em, key, input.requestedAt, (ledger) => extendClock(ledger, input));
}

/** Rule 6 at `end` without stopping the clock. */
export async function judgeSubjectClock(em: EntityManager, key: ClockKey, end: Date): Promise<ClockJudgement> {
  const ledger = ledgerFromJson((await rowOrFail(em, key)).ledger);
  return judgeClock(ledger, await calendarOf(em, ledger), end);
}

/** Ends the clock at `end` and records its judgement (the dossier returned, the step completed). */
export async function stopSubjectClock(em: EntityManager, key: ClockKey, input: { end: Date }): Promise<ClockJudgement> {
  const row = await rowOrFail(em, key);
  assertRunning(row);
  const ledger = ledgerFromJson(row.ledger);
  const judgement = judgeClock(ledger, await calendarOf(em, ledger), input.end);
  Object.assign(row, { status: ClockStatus.STOPPED, endedAt: judgement.end.getTime(), timeliness: judgement.timeliness, updatedAt: input.end });
  await flushClock(em);
  return judgement;
}

/** The clock as stored, or null. */
export async function readSubjectClock(em: EntityManager, key: ClockKey): Promise<SubjectClockState | null> {
  const row = await em.findOne(SubjectClock, keyOf(key));
  return row ? stateOf(row) : null;
}

/**
 * The explanation, one line per step in both languages: limit and calendar, receipt and
 * effective start, the walk, pauses, due instants, extension and, given an end (default: when
 * a stopped clock ended), the timeliness and working time used.
 */
export async function explainSubjectClock(em: EntityManager, key: ClockKey, end?: Date | null): Promise<Bilingual[]> {
  const row = await rowOrFail(em, key);
  const ledger = ledgerFromJson(row.ledger);
  const until = end ?? (row.endedAt != null ? new Date(row.endedAt) : null);
  return explainClock(ledger, await calendarOf(em, ledger), until);
}

/** Working minutes used and left at an instant. */
export async function subjectClockConsumption(em: EntityManager, key: ClockKey, at: Date) {
  const ledger = ledgerFromJson((await rowOrFail(em, key)).ledger);
  return clockConsumption(ledger, await calendarOf(em, ledger), at);
}
