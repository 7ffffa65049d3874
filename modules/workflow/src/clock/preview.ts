import type { Bilingual } from '@motcua/kernel/contract';
import type { CalendarSnapshot } from './calendar.js';
import type { TimeLimit, Timeliness } from './deadline.js';
import { explainClock } from './explain.js';
import { type ClockLedger, clockConsumption, extendClock, judgeClock, pauseClock, PauseReason, resumeClock, startClock } from './ledger.js';

/** A hypothetical clock: receipt, limit, ended pauses, an optional extension and end. */
export interface PreviewInput {
  start: Date;
  limit: TimeLimit;
  pauses?: ReadonlyArray<{ from: Date; to: Date; reason?: PauseReason | null }>;
  extension?: { requestedAt: Date; dueAt: Date; reason?: string | null } | null;
  end?: Date | null;
}

/** The clock a preview ran, its judgement when an end was given, and its explanation. */
export interface Preview {
  ledger: ClockLedger;
  timeliness: Timeliness | null;
  consumedMinutes: number | null;
  explanation: Bilingual[];
}

/**
 * Runs a clock through the ledger functions exactly as a dossier would: start, each pause
 * and resumption in order, the extension, then judges the end. What `deadlinePreview` serves.
 *
 * @example
 * previewClock(vnGov, { start: new Date('2025-04-24T10:15:00+07:00'), limit: { value: 5, unit: TimeLimitUnit.WORKING_DAYS } }).ledger.dueAt;
 * // 2025-05-05T10:15:00+07:00 (example B)
 */
export function previewClock(calendar: CalendarSnapshot, input: PreviewInput): Preview {
  let ledger = startClock(calendar, { receivedAt: input.start, limit: input.limit });
  for (const pause of input.pauses ?? []) {
    ledger = pauseClock(ledger, { at: pause.from, reason: pause.reason ?? PauseReason.SUPPLEMENT_REQUESTED });
    ledger = resumeClock(ledger, calendar, { at: pause.to });
  }
  if (input.extension) ledger = extendClock(ledger, input.extension);
  const end = input.end ?? null;
  return {
    ledger,
    timeliness: end ? judgeClock(ledger, calendar, end).timeliness : null,
    consumedMinutes: end ? clockConsumption(ledger, calendar, end).consumedMinutes : null,
    explanation: explainClock(ledger, calendar, end),
  };
}
