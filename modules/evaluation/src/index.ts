import { defineModule } from '@motcua/kernel/contract';
import { Dispute } from './disputes/dispute.entity.js';
import { DisputeResolver } from './disputes/dispute.resolver.js';
import { Petition } from './petitions/petition.entity.js';
import { PetitionResolver } from './petitions/petition.resolver.js';
import { EvaluatedDossier } from './ratings/dossier.entity.js';
import { Rating } from './ratings/rating.entity.js';
import { RatingResolver } from './ratings/rating.resolver.js';
import { ReportResolver } from './reports/report.resolver.js';
import { dossierFactHandler } from './facts/consume.js';
import { DailyAggregate, EvaluationFact } from './facts/fact.entity.js';
import { AgencyPeriod, IndexIndicator, IndexRun, Publication } from './index766/index.entity.js';
import { Review } from './reviews/review.entity.js';
import { ReviewResolver } from './reviews/review.resolver.js';
import { ConfigVersion } from './shared/config-version.entity.js';
import { seedConfig } from './shared/config.service.js';
import { EvaluationResolver } from './shared/evaluation.resolver.js';
import { evaluationBaseRules, evaluationPermissions } from './shared/permissions.js';

/**
 * Evaluation: per-dossier sheets (the Decree 61 / Circular 01/2018 questionnaire as versioned
 * configuration), daily aggregates kept from dossier facts, officer/unit/agency scorecards,
 * periodic reviews, the Decision 766 shadow index, citizens' petitions, and public transparency. Fed only by `DossierFactRecorded`
 * events (see contract.ts).
 */
export default defineModule({
  name: 'evaluation',
  entities: [EvaluationFact, DailyAggregate, ConfigVersion, IndexRun, IndexIndicator, AgencyPeriod, Publication, Review, Dispute, EvaluatedDossier, Rating, Petition],
  resolvers: [EvaluationResolver, ReviewResolver, DisputeResolver, RatingResolver, ReportResolver, PetitionResolver],
  permissions: evaluationPermissions,
  baseRules: evaluationBaseRules,
  eventHandlers: [dossierFactHandler],
  seed: ({ em, clock }) => seedConfig(em, clock.now()),
});
