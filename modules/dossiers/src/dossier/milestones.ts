import { NationalStatus } from '../lifecycle/states.js';
import type { TransitionOutcome } from '../lifecycle/machine.js';

/** The dated milestones the national portal and timeliness statistics read. */
export interface Milestones {
  receivedAt: Date | null;
  /** End of processing (`NgayKetThucXuLy`): the first of 9, else 8, else 7 for a received dossier. */
  finishedAt: Date | null;
  returnedAt: Date | null;
  refusedAt: Date | null;
}

/**
 * The milestones after a transition: each is set once, by the first transition that reaches it,
 * and never moved afterwards (a return keeps the end of processing of national 9, §5.1).
 *
 * @example milestonesAfter(none, outcomeOf(SIGN_AS_AGENCY), now).finishedAt // now
 */
export function milestonesAfter(current: Milestones, outcome: Pick<TransitionOutcome, 'nationalStatus'>, now: Date): Milestones {
  const to = outcome.nationalStatus.to;
  const next = { ...current };
  if (to === NationalStatus.DUOC_TIEP_NHAN) next.receivedAt ??= now;
  if (to === NationalStatus.KHONG_DUOC_TIEP_NHAN) next.refusedAt ??= now;
  const ends = to === NationalStatus.DA_XU_LY_XONG || to === NationalStatus.DUNG_XU_LY || (to === NationalStatus.CONG_DAN_RUT_HO_SO && current.receivedAt !== null);
  if (ends) next.finishedAt ??= now;
  if (to === NationalStatus.DA_TRA_KET_QUA) next.returnedAt ??= now;
  return next;
}
