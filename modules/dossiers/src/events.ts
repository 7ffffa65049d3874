import { defineEvent } from '@motcua/kernel/contract';
import type { ClockEffect, DossierAction, DossierEventName, FormKind, TransitionFlag } from './lifecycle/actions.js';
import type { DossierState, NationalStatus } from './lifecycle/states.js';
import type { TransitionId } from './lifecycle/transitions.js';

/** Everything a subscriber learns about one lifecycle transition. */
export interface DossierTransitionedPayload {
  dossierId: string;
  code: string | null;
  transition: TransitionId;
  action: DossierAction;
  from: DossierState;
  to: DossierState;
  nationalStatus: { from: NationalStatus | null; to: NationalStatus | null };
  clock: ClockEffect;
  forms: FormKind[];
  /** The domain events this transition stands for (RECEIVED, SUPPLEMENT_REQUESTED, APOLOGY_ISSUED, DONE, RETURNED…). */
  events: DossierEventName[];
  flags: TransitionFlag[];
  actorId: string | null;
  /** ISO instant of the transition. */
  at: string;
  /** Due instant after the transition (ISO), if the clock has one. */
  dueAt: string | null;
  details: Record<string, unknown>;
}

/**
 * A dossier moved in its lifecycle. One event per transition; subscribers (evaluation,
 * notifications) pick the `events` they care about.
 *
 * @example { name: 'evaluation.onDossier', event: DossierTransitioned.type, handle: async ({ payload }) => payload.events.includes(DossierEventName.DONE) && … }
 */
export const DossierTransitioned = defineEvent<DossierTransitionedPayload>('dossiers.Transitioned');
