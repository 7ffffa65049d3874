import type { ContactPoint, DossierFact, Timeliness } from '../facts/dossier-fact.js';
import { bandOf, type Band, type CriterionRule, maxTotal, type QuestionnaireConfig, type QuestionnaireParams } from './questionnaire.js';

/** A level of a criterion: 2 best, 1 middle, 0 worst; null when it cannot be judged yet. */
export type Level = 0 | 1 | 2;

/** What the automatic criteria read about one dossier, summarised from its facts. */
export interface DossierEvidence {
  /** Overall timeliness once done; null while the dossier is open. */
  done: Timeliness | null;
  /** Timeliness of every completed step (all units, coordinating ones included). */
  steps: Timeliness[];
  /** Each supplement request: where the applicant had to go, and whether it was their own fault. */
  supplements: Array<{ contactPoint: ContactPoint; applicantFault: boolean }>;
  /** Complaints about the officers' conduct still counted (dismissed ones removed). */
  complaints: number;
}

/** Facts of the agency for the period, for criteria 5, 6, 8 and 9 (computed once, stamped on every sheet). */
export interface AgencyPeriodFacts {
  /** Share (0–1) of non-exempt TTHC both received and returned at the one-stop desk. */
  deskReceiveReturnShare: number;
  /** Share (0–1) of listed TTHC the desk itself appraises and approves (or submits). */
  deskApprovalShare: number;
  /** TTHC published accurately, fully and on time at the desk, and electronically. */
  publishedAtDesk: boolean;
  publishedOnline: boolean;
  /** Petitions (phản ánh, kiến nghị) of the period, those handled on time, and those protracted. */
  petitions: number;
  petitionsOnTime: number;
  petitionsProtracted: number;
  /** Share (0–1) of eligible TTHC offered as partial or full online services (legacy "level 3/4"). */
  onlineOfferedShare: number;
  /** Share (0–1) of the period's dossiers received online. */
  onlineDossierShare: number;
  /** Online dossiers unresolved past due or resolved late. */
  onlineLateOrUnresolved: number;
}

/** Criterion 8's numbers: computed from the agency's petitions when it has any, else the entered period facts. */
export type PetitionFacts = Pick<AgencyPeriodFacts, 'petitions' | 'petitionsOnTime' | 'petitionsProtracted'>;

const TIME_LEVEL: Record<Timeliness, Level> = { EARLY: 2, ON_TIME: 1, LATE: 0 };

/**
 * Summarises a dossier's facts (in any order) for the automatic criteria.
 *
 * @example
 * dossierEvidence(facts) // { done: 'EARLY', steps: ['EARLY', 'EARLY'], supplements: [...], complaints: 0 }
 */
export function dossierEvidence(facts: readonly DossierFact[]): DossierEvidence {
  const evidence: DossierEvidence = { done: null, steps: [], supplements: [], complaints: 0 };
  for (const fact of [...facts].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))) {
    if (fact.kind === 'DONE' && evidence.done === null) evidence.done = fact.timeliness; // the first terminal status counts
    if (fact.kind === 'STEP_COMPLETED') evidence.steps.push(fact.timeliness);
    if (fact.kind === 'SUPPLEMENT_REQUESTED') evidence.supplements.push({ contactPoint: fact.contactPoint, applicantFault: fact.applicantFault });
    if (fact.kind === 'COMPLAINT') evidence.complaints++;
    if (fact.kind === 'COMPLAINT_DISMISSED') evidence.complaints = Math.max(0, evidence.complaints - 1);
  }
  return evidence;
}

/** Criterion 1: the total time against the limit. */
export function totalTimeLevel(e: DossierEvidence): Level | null {
  return e.done === null ? null : TIME_LEVEL[e.done];
}

/** Criterion 2: each unit's time against its quota; with several units, the worst one counts (§9.3). */
export function unitTimeLevel(e: DossierEvidence): Level | null {
  if (!e.steps.length) return null;
  return Math.min(...e.steps.map((t) => TIME_LEVEL[t])) as Level;
}

/** Criterion 3: contacts needed to complete the dossier; requests caused by the applicant do not count. */
export function contactCountLevel(e: DossierEvidence): Level {
  const counted = e.supplements.filter((s) => !s.applicantFault).length;
  return counted === 0 ? 2 : counted === 1 ? 1 : 0;
}

/** Criterion 4: bodies the applicant had to contact: none, only the one-stop desk, or another body. */
export function bodiesContactedLevel(e: DossierEvidence): Level {
  if (!e.supplements.length) return 2;
  return e.supplements.every((s) => s.contactPoint === 'ONE_STOP_DESK') ? 1 : 0;
}

/** Criterion 7: early and no complaint = 2, on time and no complaint = 1, otherwise 0. */
export function attitudeLevel(e: DossierEvidence): Level | null {
  if (e.complaints > 0) return 0;
  return e.done === null ? null : TIME_LEVEL[e.done];
}

/** Criterion 5: the desk approves its required share (2), or receives and returns all non-exempt TTHC (1). */
export function oneStopModelLevel(f: AgencyPeriodFacts, p: QuestionnaireParams): Level {
  if (f.deskReceiveReturnShare >= 1 && f.deskApprovalShare >= p.deskApprovalShareFor2) return 2;
  return f.deskReceiveReturnShare >= 1 ? 1 : 0;
}

/** Criterion 6: published both at the desk and electronically (2), one of the two (1), neither (0). */
export function publicationLevel(f: AgencyPeriodFacts): Level {
  return ((f.publishedAtDesk ? 1 : 0) + (f.publishedOnline ? 1 : 0)) as Level;
}

/** Criterion 8: no petitions or all on time (2), at least 90% on time (1); any protracted one gives 0. */
export function petitionsLevel(f: PetitionFacts, p: QuestionnaireParams): Level {
  if (f.petitionsProtracted > 0) return 0;
  if (f.petitions === 0 || f.petitionsOnTime >= f.petitions) return 2;
  return f.petitionsOnTime / f.petitions >= p.petitionsOnTimeShareFor1 ? 1 : 0;
}

/** Criterion 9: online services offered and used, with no online dossier late or unresolved. */
export function onlineServiceLevel(f: AgencyPeriodFacts, p: QuestionnaireParams): Level {
  if (f.onlineLateOrUnresolved > 0 || f.onlineOfferedShare <= 0) return 0;
  if (f.onlineOfferedShare >= p.onlineOfferedShareFor2 && f.onlineDossierShare >= p.onlineDossierShareFor2) return 2;
  return f.onlineDossierShare >= p.onlineDossierShareFor1 ? 1 : 0;
}

/** The level of one rule for a dossier and its agency's period (criterion 8 from `petitions`, which defaults to the period facts). */
export function levelOf(
  rule: CriterionRule, e: DossierEvidence, f: AgencyPeriodFacts | null, p: QuestionnaireParams, petitions: PetitionFacts | null = f,
): Level | null {
  switch (rule) {
    case 'TOTAL_TIME': return totalTimeLevel(e);
    case 'UNIT_TIME': return unitTimeLevel(e);
    case 'CONTACT_COUNT': return contactCountLevel(e);
    case 'BODIES_CONTACTED': return bodiesContactedLevel(e);
    case 'ATTITUDE': return attitudeLevel(e);
    case 'ONE_STOP_MODEL': return f && oneStopModelLevel(f, p);
    case 'PUBLICATION': return f && publicationLevel(f);
    case 'PETITIONS': return petitions && petitionsLevel(petitions, p);
    case 'ONLINE_SERVICE': return f && onlineServiceLevel(f, p);
  }
}

/** One scored line of a sheet; `level` and `points` are null while the criterion cannot be judged. */
export interface SheetLine {
  number: number;
  text: string;
  rule: CriterionRule;
  level: Level | null;
  points: number | null;
  maxPoints: number;
}

/** A dossier's evaluation sheet. `complete` is false while some criterion is still open. */
export interface EvaluationSheet {
  lines: SheetLine[];
  total: number;
  maxTotal: number;
  complete: boolean;
  band: Band;
}

/**
 * Scores a dossier's sheet: automatic criteria from its evidence, agency-period criteria from
 * the agency's facts (left open when absent), criterion 8 from the counted petitions when
 * given (they take precedence over the entered facts). Nothing in it is editable by hand.
 *
 * @example
 * scoreSheet(DEFAULT_QUESTIONNAIRE, evidence, agencyFacts) // { total: 14, maxTotal: 18, band: { label: 'Tốt', ... }, ... }
 */
export function scoreSheet(
  config: QuestionnaireConfig, evidence: DossierEvidence, agency: AgencyPeriodFacts | null, petitions: PetitionFacts | null = null,
): EvaluationSheet {
  const lines = config.criteria.map((criterion) => {
    const level = levelOf(criterion.rule, evidence, agency, config.params, petitions ?? agency);
    return {
      number: criterion.number, text: criterion.text, rule: criterion.rule, level,
      points: level === null ? null : criterion.points[level], maxPoints: Math.max(...criterion.points),
    };
  });
  const total = lines.reduce((sum, line) => sum + (line.points ?? 0), 0);
  return { lines, total, maxTotal: maxTotal(config), complete: lines.every((line) => line.level !== null), band: bandOf(config.bands, total) };
}
