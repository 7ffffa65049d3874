import { Connection } from '@motcua/kernel/contract';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ScorecardKind } from '../scorecards/scorecard.service.js';

registerEnumType(ScorecardKind, {
  name: 'ScorecardKind',
  description: 'Whose scorecard.',
  valuesConfig: { OFFICER: { description: 'One officer (cán bộ).' }, UNIT: { description: 'One org unit (phòng).' }, AGENCY: { description: 'One agency (cơ quan).' } },
});

@ObjectType('ScorecardFigures', { description: 'What a scorecard counts over its period; every count drills down through `scorecardFacts`.' })
export class ScorecardFiguresNode {
  @Field(() => Int, { description: 'Steps of the internal procedure handled (early + on time + late).' }) stepsHandled!: number;
  @Field(() => Int) stepsEarly!: number;
  @Field(() => Int) stepsOnTime!: number;
  @Field(() => Int) stepsLate!: number;
  @Field(() => Int, { description: 'Dossiers received.' }) received!: number;
  @Field(() => Int, { description: 'Dossiers resolved.' }) done!: number;
  @Field(() => Int) doneEarly!: number;
  @Field(() => Int) doneOnTime!: number;
  @Field(() => Int) doneLate!: number;
  @Field(() => Float, { nullable: true, description: 'Early + on-time share of handled steps, 0–1.' }) onTimeRate!: number | null;
  @Field(() => Int) supplementRequests!: number;
  @Field(() => Float, { nullable: true, description: 'Supplement requests per handled step.' }) supplementRate!: number | null;
  @Field(() => Int, { description: 'Citizen ratings.' }) ratings!: number;
  @Field(() => Float, { nullable: true, description: 'Mean citizen rating, 1 (rất không hài lòng) … 5 (rất hài lòng).' }) averageSatisfaction!: number | null;
  @Field(() => Int, { description: 'Complaints still counted (dismissed ones removed).' }) complaints!: number;
  @Field(() => Int, { description: 'Apology letters issued.' }) apologies!: number;
  @Field(() => Float, { nullable: true, description: 'Composite score 0–100 (null when nothing applies).' }) composite!: number | null;
  @Field({ description: 'How the composite is computed, as shown on the scorecard page.' }) compositeFormula!: string;
}

@ObjectType('Scorecard', { description: 'An officer, unit or agency scorecard for a period, over the rows the caller may see.' })
export class ScorecardNode {
  @Field(() => ScorecardKind) kind!: ScorecardKind;
  @Field(() => ID, { description: 'The officer (user id), unit or agency id.' }) subjectId!: string;
  @Field({ description: 'Period code: `2026`, `2026-Q3` or `2026-11`.' }) period!: string;
  @Field(() => ScorecardFiguresNode) figures!: ScorecardFiguresNode;
}

@ObjectType({ description: 'A page of scorecards.' })
export class ScorecardConnection extends Connection(ScorecardNode, 'Scorecard') {}

@ObjectType('EvaluationFact', { description: 'One fact about a dossier that a number counts (the drill-down).' })
export class FactNode {
  @Field(() => ID) id!: string;
  @Field({ description: 'RECEIVED, STEP_COMPLETED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, APOLOGY_ISSUED, DONE, RETURNED, RATED, COMPLAINT or COMPLAINT_DISMISSED.' }) kind!: string;
  @Field(() => ID) dossierId!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => ID, { nullable: true }) officerId!: string | null;
  @Field(() => ID) procedureId!: string;
  @Field({ description: 'Local day it counts on.' }) day!: string;
  @Field() occurredAt!: Date;
  @Field(() => String, { nullable: true, description: 'Step or dossier timeliness (EARLY, ON_TIME, LATE) where the fact has one.' }) timeliness!: string | null;
  @Field(() => Int, { nullable: true, description: 'The rating 1–5 of a RATED fact.' }) satisfaction!: number | null;
  @Field(() => ID, { description: 'The unit the dossiers module reported (differs from `unitId` after an accepted re-attribution dispute).' }) reportedUnitId!: string;
  @Field(() => ID, { nullable: true, description: 'The officer the dossiers module reported.' }) reportedOfficerId!: string | null;
  @Field(() => String, { nullable: true, description: 'The dossier code (mã hồ sơ), when its RECEIVED fact carried one.' }) dossierCode!: string | null;
}

@ObjectType({ description: 'A page of dossier facts.' })
export class FactConnection extends Connection(FactNode, 'EvaluationFact') {}

@ObjectType('EvaluationSheetLine', { description: 'One criterion of a dossier sheet.' })
export class SheetLineNode {
  @Field(() => Int) number!: number;
  @Field() text!: string;
  @Field({ description: 'The rule that scores it (TOTAL_TIME, UNIT_TIME, CONTACT_COUNT, BODIES_CONTACTED, ATTITUDE, ONE_STOP_MODEL, PUBLICATION, PETITIONS, ONLINE_SERVICE).' }) rule!: string;
  @Field(() => Int, { nullable: true, description: 'Level 0 (worst) … 2 (best); null while it cannot be judged.' }) level!: number | null;
  @Field(() => Float, { nullable: true }) points!: number | null;
  @Field(() => Float) maxPoints!: number;
}

@ObjectType('EvaluationBand', { description: 'A classification band: from `from` (inclusive) to the next band (exclusive).' })
export class BandNode {
  @Field(() => Float) from!: number;
  @Field() label!: string;
  @Field() labelEn!: string;
}

@ObjectType('EvaluationSheet', { description: "A dossier's evaluation sheet (phiếu đánh giá), computed automatically; nothing in it is editable." })
export class SheetNode {
  @Field(() => ID) dossierId!: string;
  @Field(() => Int, { description: 'The questionnaire version in force when the dossier was received.' }) questionnaireVersion!: number;
  @Field({ description: 'The agency period stamped on criteria 5, 6, 8, 9.' }) period!: string;
  @Field(() => [SheetLineNode]) lines!: SheetLineNode[];
  @Field(() => Float) total!: number;
  @Field(() => Float) maxTotal!: number;
  @Field({ description: 'False while a criterion is open (dossier not resolved, agency facts not entered).' }) complete!: boolean;
  @Field(() => BandNode) band!: BandNode;
}

@ObjectType('ConfigVersionInfo', { description: 'One version of evaluation configuration.' })
export class ConfigVersionNode {
  @Field(() => Int) number!: number;
  @Field({ description: 'First local day it applies to.' }) effectiveFrom!: string;
  @Field() change!: string;
  @Field() createdAt!: Date;
  @Field({ description: 'The whole configuration as JSON (questionnaire or formula table).' }) configJson!: string;
}

@ObjectType('IndexIndicator', { description: 'One 766 indicator with every number needed to reconcile it with the national portal.' })
export class IndicatorNode {
  @Field() code!: string;
  @Field(() => Float, { nullable: true }) numerator!: number | null;
  @Field(() => Float, { nullable: true }) denominator!: number | null;
  @Field(() => Float, { nullable: true }) ratio!: number | null;
  @Field(() => Float, { nullable: true }) threshold!: number | null;
  @Field(() => Float) maxScore!: number;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field({ description: 'SCORED, NOT_APPLICABLE (zero denominator excluded) or MISSING_DATA.' }) status!: string;
  @Field(() => [String], { description: 'Measures the formula needed but did not get.' }) missing!: string[];
}

@ObjectType('MeasureValue', { description: 'A named measure of an agency and period.' })
export class MeasureNode {
  @Field() name!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('ShadowIndex', { description: "An agency's local shadow of the Decision 766 index for a period." })
export class ShadowIndexNode {
  @Field(() => ID) agencyId!: string;
  @Field() period!: string;
  @Field(() => Int) formulaVersion!: number;
  @Field(() => Float) total!: number;
  @Field(() => Float, { description: 'Sum of the maxima of the indicators that could be scored.' }) maxScored!: number;
  @Field(() => Float, { description: 'Total rescaled to 100 over `maxScored`.' }) score100!: number;
  @Field() band!: string;
  @Field(() => [MeasureNode]) measures!: MeasureNode[];
  @Field() computedAt!: Date;
  @Field(() => [IndicatorNode]) indicators!: IndicatorNode[];
}

@ObjectType('AgencyRanking', { description: "One agency's public results for a period." })
export class AgencyRankingNode {
  @Field(() => Int) rank!: number;
  @Field(() => ID) agencyId!: string;
  @Field(() => Int) received!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) doneInTime!: number;
  @Field(() => Float, { nullable: true, description: 'Early + on-time share of resolved dossiers, 0–1.' }) onTimeRate!: number | null;
  @Field(() => Int) ratings!: number;
  @Field(() => Float, { nullable: true }) averageSatisfaction!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of ratings of 4 or 5.' }) satisfiedRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Shadow 766 index on 100, when computed.' }) indexScore!: number | null;
  @Field(() => String, { nullable: true }) indexBand!: string | null;
}

@ObjectType('TransparencyReport', { description: 'Published agency-level results of a period, for portals.' })
export class TransparencyNode {
  @Field() period!: string;
  @Field() published!: boolean;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => ID, { nullable: true }) procedureId!: string | null;
  @Field(() => [AgencyRankingNode]) agencies!: AgencyRankingNode[];
}

@ObjectType('EvaluationPeriodPublication', { description: 'A published period.' })
export class PublicationNode {
  @Field() period!: string;
  @Field() publishedAt!: Date;
}

@ObjectType('AgencyPeriodFacts', { description: 'Facts of an agency for a period read by criteria 5, 6, 8 and 9.' })
@InputType('AgencyPeriodFactsInput')
export class AgencyPeriodFactsNode {
  @Field(() => Float, { description: 'Share (0–1) of non-exempt TTHC received and returned at the one-stop desk.' }) deskReceiveReturnShare!: number;
  @Field(() => Float, { description: 'Share (0–1) of listed TTHC the desk itself appraises and approves.' }) deskApprovalShare!: number;
  @Field({ description: 'TTHC published accurately, fully and on time at the desk.' }) publishedAtDesk!: boolean;
  @Field({ description: '… and electronically.' }) publishedOnline!: boolean;
  @Field(() => Int) petitions!: number;
  @Field(() => Int) petitionsOnTime!: number;
  @Field(() => Int) petitionsProtracted!: number;
  @Field(() => Float, { description: 'Share (0–1) of eligible TTHC offered as partial or full online services.' }) onlineOfferedShare!: number;
  @Field(() => Float, { description: 'Share (0–1) of dossiers received online.' }) onlineDossierShare!: number;
  @Field(() => Int) onlineLateOrUnresolved!: number;
}

@InputType({ description: 'A named measure supplied to the 766 computation.' })
export class MeasureInput {
  @Field() name!: string;
  @Field(() => Float) value!: number;
}

@InputType({ description: 'Computes the shadow 766 index of an agency for a period.' })
export class ComputeShadowIndexInput {
  @Field(() => ID) agencyId!: string;
  @Field() period!: string;
  @Field(() => [MeasureInput], { defaultValue: [], description: 'Measures not derived from dossier facts (catalog, sync, payments, petitions); they override derived ones.' })
  measures!: MeasureInput[];
}

@InputType({ description: "Sets an agency's facts for a period." })
export class SetAgencyPeriodFactsInput {
  @Field(() => ID) agencyId!: string;
  @Field() period!: string;
  @Field(() => AgencyPeriodFactsNode) facts!: AgencyPeriodFactsNode;
}

@InputType({ description: 'Publishes a new version of evaluation configuration.' })
export class PublishConfigInput {
  @Field({ description: 'The whole configuration as JSON (see `evaluationQuestionnaire` / `indexFormulaTable` for the shape).' }) configJson!: string;
  @Field({ description: 'First local day it applies to, `YYYY-MM-DD`.' }) effectiveFrom!: string;
  @Field({ description: 'Why it changes (e.g. the decision that changed the criteria).' }) change!: string;
}

@InputType({ description: 'Rebuilds daily aggregates from the kept facts.' })
export class RecomputeAggregatesInput {
  @Field(() => String, { nullable: true }) fromDay?: string;
  @Field(() => String, { nullable: true }) toDay?: string;
}

@ObjectType({ description: 'Result of a recompute.' })
export class RecomputePayload {
  @Field(() => Int, { description: 'Facts read.' }) facts!: number;
}

@ObjectType({ description: 'The configuration version written.' })
export class ConfigVersionPayload {
  @Field(() => ConfigVersionNode) version!: ConfigVersionNode;
}

@ObjectType({ description: 'The index computed.' })
export class ShadowIndexPayload {
  @Field(() => ShadowIndexNode) index!: ShadowIndexNode;
}

@ObjectType({ description: 'The facts stored.' })
export class AgencyPeriodFactsPayload {
  @Field(() => AgencyPeriodFactsNode) facts!: AgencyPeriodFactsNode;
}

@ObjectType({ description: 'The publication.' })
export class PublicationPayload {
  @Field(() => PublicationNode) publication!: PublicationNode;
}

@InputType({ description: 'A period to publish.' })
export class PublishPeriodInput {
  @Field() period!: string;
}

@ObjectType('ReviewWeights', { description: 'Weights of the review dimensions (normalised over the dimensions given).' })
@InputType('ReviewWeightsInput')
export class ReviewWeightsNode {
  @Field(() => Float) automatic!: number;
  @Field(() => Float) citizen!: number;
  @Field(() => Float) self!: number;
  @Field(() => Float) superior!: number;
}

@ObjectType('Review', { description: 'One version of a periodic review (đánh giá định kỳ) of an officer, unit or agency.' })
export class ReviewNode {
  @Field(() => ID) id!: string;
  @Field(() => ScorecardKind) subjectKind!: ScorecardKind;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { description: 'The unit the review is scoped by.' }) unitId!: string;
  @Field() period!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'SUBMITTED, APPROVED or LOCKED.' }) status!: string;
  @Field(() => Float, { nullable: true, description: 'The scorecard composite, 0–100.' }) automatic!: number | null;
  @Field(() => Float, { nullable: true, description: 'Citizen satisfaction rescaled to 0–100.' }) citizen!: number | null;
  @Field(() => Float, { nullable: true }) self!: number | null;
  @Field(() => Float, { nullable: true }) superior!: number | null;
  @Field(() => Float, { nullable: true }) combined!: number | null;
  @Field(() => String, { nullable: true, description: 'Advice only: EXCELLENT, GOOD, COMPLETED or NOT_COMPLETED (Decree 90/2020 grades).' }) advisedGrade!: string | null;
  @Field(() => String, { nullable: true, description: 'The advised grade in Vietnamese.' }) advisedGradeLabel!: string | null;
  @Field(() => ReviewWeightsNode) weights!: ReviewWeightsNode;
  @Field(() => String, { nullable: true, description: 'Why this version replaced a locked one.' }) reason!: string | null;
  @Field(() => ID) submittedBy!: string;
  @Field(() => ID, { nullable: true }) approvedBy!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@InputType({ description: 'Submits a periodic review; automatic and citizen scores are computed from the scorecard.' })
export class SubmitReviewInput {
  @Field(() => ScorecardKind) kind!: ScorecardKind;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { nullable: true, description: "The officer's unit (officer reviews only)." }) unitId?: string;
  @Field() period!: string;
  @Field(() => Float, { nullable: true, description: 'Self-assessment, 0–100.' }) selfScore?: number;
  @Field(() => Float, { nullable: true, description: "The superior's assessment, 0–100." }) superiorScore?: number;
  @Field(() => ReviewWeightsNode, { nullable: true, description: 'Weights; default automatic 0.4, citizen 0.2, self 0.1, superior 0.3.' }) weights?: ReviewWeightsNode;
  @Field(() => String, { nullable: true, description: 'Required when replacing a locked review.' }) reason?: string;
}

@InputType({ description: 'Names a review.' })
export class ReviewIdInput {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'The review after the change.' })
export class ReviewPayload {
  @Field(() => ReviewNode) review!: ReviewNode;
}
