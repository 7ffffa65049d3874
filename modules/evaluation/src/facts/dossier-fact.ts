import type { EntityManager } from '@mikro-orm/knex';
import { AppError, defineEvent, isUuid, publish } from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';

/**
 * How a dossier or one of its steps ended against its statutory due time (one-stop-domain
 * §6.3): earlier than due, exactly on the due day (or minute, for hour limits), or after it.
 */
export type Timeliness = 'EARLY' | 'ON_TIME' | 'LATE';
export const TIMELINESS: readonly Timeliness[] = ['EARLY', 'ON_TIME', 'LATE'];

/** Where an applicant had to go to complete a dossier (criterion 4): the one-stop desk, or another body. */
export type ContactPoint = 'ONE_STOP_DESK' | 'OTHER_BODY';

/**
 * Who a fact is about. `unitId` is the org unit the fact counts against (the agency's own id
 * when no unit applies); `officerId` the officer (null for facts of no one, such as a rating
 * of a dossier nobody was assigned to). Every id is a UUID of the owning module.
 */
export interface DossierFactBase {
  dossierId: string;
  /** The competent agency (identity agency id). */
  agencyId: string;
  /** The org unit the fact is attributed to (an identity agency id of kind UNIT, or the agency itself). */
  unitId: string;
  officerId: string | null;
  /** The administrative procedure (catalog id). */
  procedureId: string;
  /** When it happened, ISO 8601 with offset, e.g. `2025-11-02T10:00:00+07:00`. */
  occurredAt: string;
}

/**
 * What the evaluation module learns about a dossier: the input contract the dossiers module
 * publishes through {@link recordDossierFact}. One variant per `kind`:
 *
 * - `RECEIVED`: the dossier was received (complete), `online` when submitted through the portal; optionally its
 *   `code` (mã hồ sơ, typed at the kiosk) and the signed-in applicant's user id (`applicantId`, who may rate it);
 * - `STEP_COMPLETED`: one step of the internal procedure ended, with its timeliness, by `officerId` in `unitId`;
 * - `SUPPLEMENT_REQUESTED`: the applicant was asked to complete the dossier (`contactPoint`: where they must go;
 *   `applicantFault`: the request was caused by the applicant, so it does not count against criterion 3);
 * - `SUPPLEMENT_RECEIVED`: the applicant supplied what was asked;
 * - `APOLOGY_ISSUED`: an apology letter (Mẫu 04) was issued for a late dossier;
 * - `DONE`: the dossier was resolved (first terminal status), with its overall timeliness;
 * - `RETURNED`: the result was returned to the applicant;
 * - `RATED`: the applicant rated the dossier, `satisfaction` 1 (rất không hài lòng) … 5 (rất hài lòng),
 *   attributed to the officer who handled it;
 * - `COMPLAINT`: a complaint about harassment, nuisance or non-compliance names the officer (criterion 7);
 * - `COMPLAINT_DISMISSED`: such a complaint was found untrue and leaves the scores.
 */
export type DossierFact =
  | (DossierFactBase & { kind: 'RECEIVED'; online: boolean; code?: string | null; applicantId?: string | null })
  | (DossierFactBase & { kind: 'STEP_COMPLETED'; stepCode: string; timeliness: Timeliness })
  | (DossierFactBase & { kind: 'SUPPLEMENT_REQUESTED'; contactPoint: ContactPoint; applicantFault: boolean })
  | (DossierFactBase & { kind: 'SUPPLEMENT_RECEIVED' })
  | (DossierFactBase & { kind: 'APOLOGY_ISSUED' })
  | (DossierFactBase & { kind: 'DONE'; timeliness: Timeliness })
  | (DossierFactBase & { kind: 'RETURNED' })
  | (DossierFactBase & { kind: 'RATED'; satisfaction: 1 | 2 | 3 | 4 | 5 })
  | (DossierFactBase & { kind: 'COMPLAINT' })
  | (DossierFactBase & { kind: 'COMPLAINT_DISMISSED' });

export type DossierFactKind = DossierFact['kind'];
export const DOSSIER_FACT_KINDS: readonly DossierFactKind[] = [
  'RECEIVED', 'STEP_COMPLETED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED', 'APOLOGY_ISSUED', 'DONE', 'RETURNED', 'RATED',
  'COMPLAINT', 'COMPLAINT_DISMISSED',
];

/** The outbox event carrying one {@link DossierFact}; the evaluation module consumes it. */
export const DossierFactRecorded = defineEvent<DossierFact>('evaluation.DossierFactRecorded');

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(field: string, vi: string, en: string): AppError {
  return AppError.badInput(field, { vi, en });
}

/** Refuses a fact that the evaluation could not count, naming the first bad field. */
export function validateDossierFact(fact: DossierFact): void {
  if (!DOSSIER_FACT_KINDS.includes(fact?.kind)) throw invalid('kind', `loại sự kiện hồ sơ không hợp lệ: ${fact?.kind}`, `unknown dossier fact kind: ${fact?.kind}`);
  for (const field of ['dossierId', 'agencyId', 'unitId', 'procedureId'] as const) {
    if (!isUuid(fact[field])) throw invalid(field, `${field} phải là UUID`, `${field} must be a UUID`);
  }
  if (fact.officerId !== null && !isUuid(fact.officerId)) throw invalid('officerId', 'officerId phải là UUID hoặc null', 'officerId must be a UUID or null');
  if (!ISO_WITH_OFFSET.test(fact.occurredAt) || Number.isNaN(Date.parse(fact.occurredAt))) {
    throw invalid('occurredAt', 'thời điểm phải theo ISO 8601 có múi giờ', 'occurredAt must be ISO 8601 with an offset');
  }
  if ((fact.kind === 'DONE' || fact.kind === 'STEP_COMPLETED') && !TIMELINESS.includes(fact.timeliness)) {
    throw invalid('timeliness', 'mức đúng hạn phải là EARLY, ON_TIME hoặc LATE', 'timeliness must be EARLY, ON_TIME or LATE');
  }
  if (fact.kind === 'RATED' && !(Number.isInteger(fact.satisfaction) && fact.satisfaction >= 1 && fact.satisfaction <= 5)) {
    throw invalid('satisfaction', 'mức hài lòng phải từ 1 đến 5', 'satisfaction must be an integer from 1 to 5');
  }
  if (fact.kind === 'RECEIVED' && fact.code != null && !(typeof fact.code === 'string' && /^[\w.\-/]{1,50}$/.test(fact.code))) {
    throw invalid('code', 'mã hồ sơ không hợp lệ', 'invalid dossier code');
  }
  if (fact.kind === 'RECEIVED' && fact.applicantId != null && !isUuid(fact.applicantId)) throw invalid('applicantId', 'applicantId phải là UUID', 'applicantId must be a UUID');
  if (fact.kind === 'SUPPLEMENT_REQUESTED' && !['ONE_STOP_DESK', 'OTHER_BODY'].includes(fact.contactPoint)) {
    throw invalid('contactPoint', 'nơi liên hệ phải là ONE_STOP_DESK hoặc OTHER_BODY', 'contactPoint must be ONE_STOP_DESK or OTHER_BODY');
  }
}

/**
 * Records a fact about a dossier for evaluation, in the caller's transaction: it is validated
 * now (fields, and the unit is the agency or one of its units), then published through the
 * kernel outbox, so it counts if and only if the caller's transaction commits; the evaluation
 * module applies it exactly once (inbox). Returns the event id. `now` (the outbox time)
 * defaults to the fact's own time.
 *
 * @example
 * await recordDossierFact(ctx.em, {
 *   kind: 'DONE', timeliness: 'EARLY', dossierId, agencyId, unitId, officerId, procedureId,
 *   occurredAt: '2025-11-02T10:00:00+07:00',
 * });
 */
export async function recordDossierFact(em: EntityManager, fact: DossierFact, now: Date = new Date(fact.occurredAt)): Promise<string> {
  validateDossierFact(fact);
  const unit = await agencyUnitOrFail(em, fact.unitId);
  if (!unit.path.includes(`/${fact.agencyId}/`)) {
    throw AppError.badInput('unitId', { vi: 'đơn vị không thuộc cơ quan giải quyết', en: 'the unit is not part of the agency' });
  }
  return publish(em, DossierFactRecorded, fact, now);
}
