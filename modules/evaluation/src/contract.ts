/**
 * The evaluation module's public face. The dossiers module (and tests) feed evaluation only
 * through {@link recordDossierFact}: one typed fact per thing that happened to a dossier,
 * published through the kernel outbox in the caller's transaction.
 */
export {
  type DossierFact, type DossierFactBase, type DossierFactKind, type Timeliness, type ContactPoint, DOSSIER_FACT_KINDS, TIMELINESS,
  DossierFactRecorded, recordDossierFact, validateDossierFact,
} from './facts/dossier-fact.js';
export { signRatingToken, verifyRatingToken, RATING_LINK_DAYS } from './ratings/rating-token.js';
