import { gql } from '@motcua/kernel/admin';

export type ScorecardKind = 'OFFICER' | 'UNIT' | 'AGENCY';

export interface Figures {
  stepsHandled: number; stepsEarly: number; stepsOnTime: number; stepsLate: number; received: number; done: number; doneLate: number;
  onTimeRate: number | null; supplementRequests: number; supplementRate: number | null; ratings: number; averageSatisfaction: number | null;
  complaints: number; apologies: number; composite: number | null; compositeFormula: string;
}
export interface Scorecard { kind: ScorecardKind; subjectId: string; period: string; figures: Figures }
export interface FactRow {
  id: string; kind: string; dossierId: string; dossierCode: string | null; unitId: string; officerId: string | null; day: string;
  timeliness: string | null; satisfaction: number | null; reportedUnitId: string; agencyId: string;
}
export interface Dispute {
  id: string; factId: string; dossierId: string; factKind: string; unitId: string; officerId: string; reason: string; proposal: string;
  targetUnitId: string | null; status: 'OPEN' | 'ACCEPTED' | 'REJECTED'; decisionReason: string | null; createdAt: string; decidedAt: string | null;
}
export interface Question { code: string; text: string; levels: string[] }

const FIGURES = `stepsHandled stepsEarly stepsOnTime stepsLate received done doneLate onTimeRate supplementRequests supplementRate ratings
  averageSatisfaction complaints apologies composite compositeFormula`;

export const SCORECARD = gql`query EvaluationScorecard($kind: ScorecardKind!, $id: ID!, $period: String!) {
  scorecard(kind: $kind, id: $id, period: $period) { kind subjectId period figures { ${FIGURES} } }
}`;

export const SCORECARDS = gql`query EvaluationScorecards($kind: ScorecardKind!, $period: String!) {
  scorecards(kind: $kind, period: $period, first: 100) { totalCount nodes { subjectId figures { composite onTimeRate stepsHandled } } }
}`;

/** The twelve months of a year in one request (aliases m01…m12), for the trend line. */
export function monthlyTrend(year: string) {
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
  return gql`query EvaluationTrend($kind: ScorecardKind!, $id: ID!) {
    ${months.map((m) => `m${m}: scorecard(kind: $kind, id: $id, period: "${year}-${m}") { figures { composite onTimeRate } }`).join('\n')}
  }`;
}

export const SCORECARD_FACTS = gql`query EvaluationFacts($kind: ScorecardKind!, $id: ID!, $period: String!, $factKinds: [String!], $timeliness: String) {
  scorecardFacts(kind: $kind, id: $id, period: $period, factKinds: $factKinds, timeliness: $timeliness, first: 100) {
    totalCount nodes { id kind dossierId dossierCode unitId officerId day timeliness satisfaction reportedUnitId agencyId }
  }
}`;

export const ME = gql`query EvaluationMe { me { id } }`;

export const AGENCY_TREE = gql`query EvaluationAgencyTree {
  agencyTree { id name children { id name children { id name children { id name } } } }
}`;

const DISPUTE_FIELDS = 'id factId dossierId factKind unitId officerId reason proposal targetUnitId status decisionReason createdAt decidedAt';
export const DISPUTES = gql`query EvaluationDisputes($status: DisputeStatus) { evaluationDisputes(status: $status, first: 100) { totalCount nodes { ${DISPUTE_FIELDS} } } }`;
export const FILE_DISPUTE = gql`mutation FileEvaluationDispute($input: FileDisputeInput!) { fileEvaluationDispute(input: $input) { dispute { ${DISPUTE_FIELDS} } } }`;
export const DECIDE_DISPUTE = gql`mutation DecideEvaluationDispute($input: DecideDisputeInput!) { decideEvaluationDispute(input: $input) { dispute { ${DISPUTE_FIELDS} } } }`;

const REVIEW_FIELDS = 'id version status automatic citizen self superior combined advisedGradeLabel reason createdAt';
export const REVIEWS = gql`query EvaluationReviews($kind: ScorecardKind!, $id: ID!, $period: String!) { reviews(kind: $kind, subjectId: $id, period: $period) { ${REVIEW_FIELDS} } }`;
export const SUBMIT_REVIEW = gql`mutation SubmitEvaluationReview($input: SubmitReviewInput!) { submitReview(input: $input) { review { ${REVIEW_FIELDS} } } }`;
export const APPROVE_REVIEW = gql`mutation ApproveEvaluationReview($input: ReviewIdInput!) { approveReview(input: $input) { review { ${REVIEW_FIELDS} } } }`;
export const LOCK_REVIEW = gql`mutation LockEvaluationReview($input: ReviewIdInput!) { lockReview(input: $input) { review { ${REVIEW_FIELDS} } } }`;

export const PUBLISHED_PERIODS = gql`query EvaluationPublishedPeriods { publishedEvaluationPeriods { period publishedAt } }`;
export const TRANSPARENCY = gql`query EvaluationTransparency($period: String!) {
  transparency(period: $period) { period published agencies { rank agencyId received done doneInTime onTimeRate ratings averageSatisfaction satisfiedRate indexScore indexBand } }
}`;

export const QUESTIONNAIRE = gql`query EvaluationQuestionnaire { evaluationQuestionnaire { configJson } }`;
export const RATING_FORM = gql`query EvaluationRatingForm($token: String!) { ratingForm(token: $token) { dossierCode rated questions { code text levels } } }`;
export const RATE_BY_LINK = gql`mutation RateDossier($token: String!, $answers: [RatingAnswerInput!]!, $comment: String) {
  rateDossier(token: $token, answers: $answers, comment: $comment) { rating { id satisfaction } }
}`;
export const RATE_AT_KIOSK = gql`mutation RateDossierAtKiosk($code: String!, $answers: [RatingAnswerInput!]!, $comment: String) {
  rateDossierAtKiosk(dossierCode: $code, answers: $answers, comment: $comment) { rating { id satisfaction } }
}`;

export const REPORT_XLSX = gql`query EvaluationReportXlsx($input: EvaluationReportInput!) { evaluationReportXlsx(input: $input) { fileName contentBase64 } }`;

/** Period codes to choose from: the years, quarters and months of this year and the last. */
export function periodOptions(now = new Date()): string[] {
  const years = [now.getFullYear(), now.getFullYear() - 1];
  return years.flatMap((y) => [String(y), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`)]);
}

/** The quarter of a date, e.g. `2026-Q4`. */
export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** Composite bands (the 766 default 90/80/70/50). */
export const COMPOSITE_BANDS = [
  { from: 90, key: 'excellent' }, { from: 80, key: 'good' }, { from: 70, key: 'fair' }, { from: 50, key: 'average' }, { from: 0, key: 'poor' },
] as const;

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
export const number = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? '—' : value.toFixed(digits));

export type PetitionStatus = 'FILED' | 'ACCEPTED' | 'REJECTED' | 'ANSWERED' | 'CLOSED';
export interface Petition {
  id: string; code: string; subject: 'DOSSIER' | 'OFFICER' | 'REGULATION'; status: PetitionStatus; agencyId: string; dossierCode: string | null;
  regulation: string | null; content: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null; filedAt: string;
  dueAt: string; timeliness: string | null; protracted: boolean; answer: string | null; rejectReason: string | null; dismissedReason: string | null;
}
const PETITION_FIELDS = 'id code subject status agencyId dossierCode regulation content contactName contactEmail contactPhone filedAt dueAt timeliness protracted answer rejectReason dismissedReason';
export const PETITIONS = gql`query Petitions($status: PetitionStatus) { petitions(status: $status, first: 100) { totalCount nodes { ${PETITION_FIELDS} } } }`;
export const PETITION_CLOCK = gql`query PetitionClock($id: ID!) { petition(id: $id) { clock { vi en } } }`;
/** The handling mutations, each taking the petition id and, where the dialog asks for one, its text. */
export const PETITION_ACTIONS = {
  accept: gql`mutation AcceptPetition($id: ID!) { acceptPetition(id: $id) { petition { id } } }`,
  reject: gql`mutation RejectPetition($id: ID!, $text: String!) { rejectPetition(id: $id, reason: $text) { petition { id } } }`,
  answer: gql`mutation AnswerPetition($id: ID!, $text: String!) { answerPetition(id: $id, answer: $text) { petition { id } } }`,
  close: gql`mutation ClosePetition($id: ID!) { closePetition(id: $id) { petition { id } } }`,
  dismiss: gql`mutation DismissComplaint($id: ID!, $text: String!) { dismissComplaint(id: $id, reason: $text) { petition { id } } }`,
} as const;
export type PetitionAction = keyof typeof PETITION_ACTIONS;
