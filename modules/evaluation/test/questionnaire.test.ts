/**
 * Acceptance 1: the questionnaire scores the worked example of one-stop-domain §9.3 at 14/18,
 * "Tốt"; every band edge classifies by half-open intervals (table-driven and fast-check);
 * each automatic rule follows Circular 01/2018 Art. 13 line by line; bad versions are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DossierFact } from '../src/facts/dossier-fact.js';
import {
  type AgencyPeriodFacts, attitudeLevel, bodiesContactedLevel, contactCountLevel, dossierEvidence, type DossierEvidence, onlineServiceLevel,
  oneStopModelLevel, petitionsLevel, publicationLevel, scoreSheet, totalTimeLevel, unitTimeLevel,
} from '../src/questionnaire/criteria.js';
import { bandOf, DEFAULT_QUESTIONNAIRE, maxTotal, type QuestionnaireConfig, validateQuestionnaire } from '../src/questionnaire/questionnaire.js';

const IDS = {
  dossierId: '01900000-0000-7000-8000-000000000001', agencyId: '01900000-0000-7000-8000-000000000002',
  unitId: '01900000-0000-7000-8000-000000000003', officerId: '01900000-0000-7000-8000-000000000004', procedureId: '01900000-0000-7000-8000-000000000005',
};
const at = (day: number, hour = 9) => `2025-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`;
const PARAMS = DEFAULT_QUESTIONNAIRE.params;

/** Dossier A of §6.5/§9.3: received 27/10, supplemented once through the desk, every unit early, done early on 02/11. */
const DOSSIER_A: DossierFact[] = [
  { ...IDS, kind: 'RECEIVED', online: false, occurredAt: at(27) },
  { ...IDS, kind: 'SUPPLEMENT_REQUESTED', contactPoint: 'ONE_STOP_DESK', applicantFault: false, occurredAt: at(27, 10) },
  { ...IDS, kind: 'SUPPLEMENT_RECEIVED', occurredAt: at(28) },
  { ...IDS, kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: at(29) },
  { ...IDS, kind: 'STEP_COMPLETED', stepCode: 'PHE_DUYET', timeliness: 'EARLY', occurredAt: at(30) },
  { ...IDS, kind: 'DONE', timeliness: 'EARLY', occurredAt: '2025-11-02T10:00:00+07:00' },
];

/** The agency's period in §9.3: all received/returned at the desk, under 20% approved there, published both ways, no petitions, 22% online. */
const AGENCY_A: AgencyPeriodFacts = {
  deskReceiveReturnShare: 1, deskApprovalShare: 0.1, publishedAtDesk: true, publishedOnline: true,
  petitions: 0, petitionsOnTime: 0, petitionsProtracted: 0, onlineOfferedShare: 0.5, onlineDossierShare: 0.22, onlineLateOrUnresolved: 0,
};

describe('the worked example (§9.3)', () => {
  it('scores 2, 2, 1, 1, 1, 2, 2, 2, 1 = 14/18, band Tốt', () => {
    const sheet = scoreSheet(DEFAULT_QUESTIONNAIRE, dossierEvidence(DOSSIER_A), AGENCY_A);
    expect(sheet.lines.map((line) => [line.number, line.points])).toEqual([[1, 2], [2, 2], [3, 1], [4, 1], [5, 1], [6, 2], [7, 2], [8, 2], [9, 1]]);
    expect(sheet).toMatchObject({ total: 14, maxTotal: 18, complete: true, band: { label: 'Tốt', from: 12 } });
  });

  it('is incomplete without the agency-period facts: criteria 5, 6, 8, 9 stay open', () => {
    const sheet = scoreSheet(DEFAULT_QUESTIONNAIRE, dossierEvidence(DOSSIER_A), null);
    expect(sheet.lines.filter((line) => line.points === null).map((line) => line.number)).toEqual([5, 6, 8, 9]);
    expect(sheet).toMatchObject({ total: 8, complete: false });
  });

  it('does not depend on the order facts arrive in', () => {
    fc.assert(fc.property(fc.shuffledSubarray(DOSSIER_A, { minLength: DOSSIER_A.length }), (facts) => {
      expect(scoreSheet(DEFAULT_QUESTIONNAIRE, dossierEvidence(facts), AGENCY_A).total).toBe(14);
    }));
  });
});

describe('bands are half-open intervals', () => {
  const bands = DEFAULT_QUESTIONNAIRE.bands;
  it.each([
    [18, 'Xuất sắc'], [15, 'Xuất sắc'], [14.99, 'Tốt'], [12, 'Tốt'], [11.99, 'Khá'], [9, 'Khá'], [8.99, 'Trung bình'],
    [6, 'Trung bình'], [5.99, 'Yếu'], [0, 'Yếu'],
  ])('%s → %s', (total, label) => {
    expect(bandOf(bands, total).label).toBe(label);
  });

  it('every total falls in exactly the band whose [from, next from) contains it', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 18, noNaN: true }), (total) => {
      const containing = bands.filter((band, i) => total >= band.from && (i === bands.length - 1 || total < bands[i + 1].from));
      expect(containing).toHaveLength(1);
      expect(bandOf(bands, total)).toBe(containing[0]);
    }));
  });

  it('is monotone: a higher total never gets a lower band', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 18, noNaN: true }), fc.double({ min: 0, max: 18, noNaN: true }), (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(bandOf(bands, high).from).toBeGreaterThanOrEqual(bandOf(bands, low).from);
    }));
  });
});

describe('automatic criteria (Circular 01/2018 Art. 13)', () => {
  const evidence = (e: Partial<DossierEvidence>): DossierEvidence => ({ done: 'ON_TIME', steps: [], supplements: [], complaints: 0, ...e });
  const desk = { contactPoint: 'ONE_STOP_DESK' as const, applicantFault: false };

  it.each([
    ['criterion 1, shorter than the limit', totalTimeLevel(evidence({ done: 'EARLY' })), 2],
    ['criterion 1, equal', totalTimeLevel(evidence({ done: 'ON_TIME' })), 1],
    ['criterion 1, longer', totalTimeLevel(evidence({ done: 'LATE' })), 0],
    ['criterion 1, still open', totalTimeLevel(evidence({ done: null })), null],
    ['criterion 2, every unit faster', unitTimeLevel(evidence({ steps: ['EARLY', 'EARLY'] })), 2],
    ['criterion 2, the slowest unit counts', unitTimeLevel(evidence({ steps: ['EARLY', 'ON_TIME', 'EARLY'] })), 1],
    ['criterion 2, one unit late', unitTimeLevel(evidence({ steps: ['EARLY', 'LATE'] })), 0],
    ['criterion 2, no step yet', unitTimeLevel(evidence({ steps: [] })), null],
    ['criterion 3, no contact', contactCountLevel(evidence({})), 2],
    ['criterion 3, exactly one', contactCountLevel(evidence({ supplements: [desk] })), 1],
    ['criterion 3, two', contactCountLevel(evidence({ supplements: [desk, desk] })), 0],
    ['criterion 3, the second by the applicant\'s fault', contactCountLevel(evidence({ supplements: [desk, { ...desk, applicantFault: true }] })), 1],
    ['criterion 4, none', bodiesContactedLevel(evidence({})), 2],
    ['criterion 4, only the desk', bodiesContactedLevel(evidence({ supplements: [desk, desk] })), 1],
    ['criterion 4, another body', bodiesContactedLevel(evidence({ supplements: [desk, { contactPoint: 'OTHER_BODY', applicantFault: false }] })), 0],
    ['criterion 7, early, no complaint', attitudeLevel(evidence({ done: 'EARLY' })), 2],
    ['criterion 7, on time, no complaint', attitudeLevel(evidence({ done: 'ON_TIME' })), 1],
    ['criterion 7, late, no complaint', attitudeLevel(evidence({ done: 'LATE' })), 0],
    ['criterion 7, early with a complaint', attitudeLevel(evidence({ done: 'EARLY', complaints: 1 })), 0],
  ])('%s', (_label, level, expected) => {
    expect(level).toBe(expected);
  });

  it('a complaint found untrue no longer counts', () => {
    const complaint = { ...IDS, occurredAt: at(31) };
    const facts: DossierFact[] = [...DOSSIER_A, { ...complaint, kind: 'COMPLAINT' }, { ...complaint, kind: 'COMPLAINT_DISMISSED', occurredAt: at(31, 11) }];
    expect(attitudeLevel(dossierEvidence(facts))).toBe(2);
    expect(attitudeLevel(dossierEvidence(facts.slice(0, -1)))).toBe(0);
  });
});

describe('agency-period criteria', () => {
  const f = (patch: Partial<AgencyPeriodFacts>): AgencyPeriodFacts => ({ ...AGENCY_A, ...patch });
  it.each([
    ['5: desk approves 20%', oneStopModelLevel(f({ deskApprovalShare: 0.2 }), PARAMS), 2],
    ['5: all received/returned, under 20% approved', oneStopModelLevel(f({ deskApprovalShare: 0.19 }), PARAMS), 1],
    ['5: under 100% at the desk', oneStopModelLevel(f({ deskReceiveReturnShare: 0.99, deskApprovalShare: 0.5 }), PARAMS), 0],
    ['6: both', publicationLevel(f({})), 2],
    ['6: online only', publicationLevel(f({ publishedAtDesk: false })), 1],
    ['6: neither', publicationLevel(f({ publishedAtDesk: false, publishedOnline: false })), 0],
    ['8: none', petitionsLevel(f({}), PARAMS), 2],
    ['8: 100% on time', petitionsLevel(f({ petitions: 4, petitionsOnTime: 4 }), PARAMS), 2],
    ['8: 90% on time', petitionsLevel(f({ petitions: 10, petitionsOnTime: 9 }), PARAMS), 1],
    ['8: 89% on time', petitionsLevel(f({ petitions: 100, petitionsOnTime: 89 }), PARAMS), 0],
    ['8: one protracted', petitionsLevel(f({ petitions: 4, petitionsOnTime: 4, petitionsProtracted: 1 }), PARAMS), 0],
    ['9: 20% offered, 30% online', onlineServiceLevel(f({ onlineOfferedShare: 0.2, onlineDossierShare: 0.3 }), PARAMS), 2],
    ['9: 22% online', onlineServiceLevel(f({}), PARAMS), 1],
    ['9: 15% online', onlineServiceLevel(f({ onlineDossierShare: 0.15 }), PARAMS), 1],
    ['9: 14.9% online', onlineServiceLevel(f({ onlineDossierShare: 0.149 }), PARAMS), 0],
    ['9: one online dossier late', onlineServiceLevel(f({ onlineDossierShare: 0.4, onlineLateOrUnresolved: 1 }), PARAMS), 0],
    ['9: nothing offered online', onlineServiceLevel(f({ onlineOfferedShare: 0 }), PARAMS), 0],
  ])('criterion %s', (_label, level, expected) => {
    expect(level).toBe(expected);
  });
});

describe('questionnaire versions', () => {
  it('the default version is valid and totals 18', () => {
    expect(() => validateQuestionnaire(DEFAULT_QUESTIONNAIRE)).not.toThrow();
    expect(maxTotal(DEFAULT_QUESTIONNAIRE)).toBe(18);
  });

  it('a replacement can re-weight criteria and move bands without code', () => {
    const heavier: QuestionnaireConfig = {
      ...DEFAULT_QUESTIONNAIRE,
      criteria: DEFAULT_QUESTIONNAIRE.criteria.map((c) => (c.number === 1 ? { ...c, points: [0, 2, 4] } : c)),
      bands: [{ from: 0, label: 'Chưa đạt', labelEn: 'Not met' }, { from: 16, label: 'Đạt', labelEn: 'Met' }],
    };
    validateQuestionnaire(heavier);
    const sheet = scoreSheet(heavier, dossierEvidence(DOSSIER_A), AGENCY_A);
    expect(sheet).toMatchObject({ total: 16, maxTotal: 20, band: { label: 'Đạt' } });
  });

  it.each([
    ['bands not starting at 0', { bands: [{ from: 1, label: 'A', labelEn: 'A' }] }, 'bands'],
    ['bands out of order', { bands: [{ from: 0, label: 'A', labelEn: 'A' }, { from: 9, label: 'B', labelEn: 'B' }, { from: 6, label: 'C', labelEn: 'C' }] }, 'bands'],
    ['a band above the maximum', { bands: [{ from: 0, label: 'A', labelEn: 'A' }, { from: 19, label: 'B', labelEn: 'B' }] }, 'bands'],
    ['two criteria numbered 1', { criteria: [DEFAULT_QUESTIONNAIRE.criteria[0], DEFAULT_QUESTIONNAIRE.criteria[0]] }, 'criteria'],
    ['an unknown rule', { criteria: [{ ...DEFAULT_QUESTIONNAIRE.criteria[0], rule: 'GUESS' }] }, 'criteria'],
    ['negative points', { criteria: [{ ...DEFAULT_QUESTIONNAIRE.criteria[0], points: [-1, 1, 2] }] }, 'criteria'],
    ['a 3-level satisfaction question', { satisfactionQuestions: [{ code: 'X', text: 'x', levels: ['a', 'b', 'c'] }] }, 'satisfactionQuestions'],
    ['a share above 1', { params: { ...PARAMS, onlineDossierShareFor2: 30 } }, 'params.onlineDossierShareFor2'],
  ])('refuses %s with a bilingual BAD_USER_INPUT', (_label, patch, field) => {
    expect(() => validateQuestionnaire({ ...DEFAULT_QUESTIONNAIRE, ...patch } as QuestionnaireConfig)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field }) }),
    );
  });
});
