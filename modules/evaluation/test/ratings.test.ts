/**
 * Citizen ratings: the signed link token (tamper, foreign secret and expiry are refused), the
 * public link rating, the kiosk at the desk and the signed-in applicant; one citizen rating per
 * dossier whichever channel; the rating counts against the officer who finished the dossier.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRatingToken, verifyRatingToken } from '../src/contract.js';
import { scoreAnswers } from '../src/ratings/rating.service.js';
import { dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp, writeCounter } from './support.js';

const SECRET = randomBytes(32);
const NOW = new Date('2026-11-26T02:00:00Z');

describe('rating link tokens', () => {
  const dossierId = uuid7();
  const token = signRatingToken(SECRET, dossierId, new Date(NOW.getTime() + 60_000));

  it('verifies its own dossier until the expiry, exclusive', () => {
    expect(verifyRatingToken(SECRET, token, NOW)).toBe(dossierId);
    expect(() => verifyRatingToken(SECRET, token, new Date(NOW.getTime() + 60_000))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses another secret and any altered character', () => {
    expect(() => verifyRatingToken(randomBytes(32), token, NOW)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    fc.assert(fc.property(fc.nat(token.length - 1), fc.constantFrom(...'0123456789abcdef-.xyzAZ_'), (at, char) => {
      fc.pre(token[at] !== char);
      const altered = token.slice(0, at) + char + token.slice(at + 1);
      expect(() => verifyRatingToken(SECRET, altered, NOW)).toThrow();
    }));
  });
});

describe('scoring answers', () => {
  const questions = [{ code: 'CONVENIENCE' }, { code: 'OVERALL' }];
  it.each<[Array<{ code: string; level: number }>, number | string]>([
    [[{ code: 'CONVENIENCE', level: 2 }, { code: 'OVERALL', level: 5 }], 5],
    [[{ code: 'CONVENIENCE', level: 1 }, { code: 'OVERALL', level: 1 }], 1],
    [[{ code: 'CONVENIENCE', level: 4 }], 'BAD_USER_INPUT'],
    [[{ code: 'CONVENIENCE', level: 4 }, { code: 'OVERALL', level: 6 }], 'BAD_USER_INPUT'],
    [[{ code: 'CONVENIENCE', level: 4 }, { code: 'OVERALL', level: 4 }, { code: 'OVERALL', level: 4 }], 'BAD_USER_INPUT'],
    [[{ code: 'CONVENIENCE', level: 4 }, { code: 'SPEED', level: 4 }], 'BAD_USER_INPUT'],
  ])('%j → %s', (answers, expected) => {
    if (typeof expected === 'string') expect(() => scoreAnswers(questions, answers)).toThrow(expect.objectContaining({ code: expected }));
    else expect(scoreAnswers(questions, answers).satisfaction).toBe(expected);
  });

  it('without an OVERALL question the level is the rounded mean', () => {
    expect(scoreAnswers([{ code: 'A' }, { code: 'B' }], [{ code: 'A', level: 2 }, { code: 'B', level: 5 }]).satisfaction).toBe(4);
  });
});

const LINK = 'mutation($id: ID!) { issueRatingLink(dossierId: $id) { token path expiresAt } }';
const FORM = 'query($token: String!) { ratingForm(token: $token) { dossierCode rated questions { code levels } } }';
const RATE = `mutation($token: String!, $answers: [RatingAnswerInput!]!) { rateDossier(token: $token, answers: $answers, comment: "Cán bộ nhiệt tình") {
  rating { channel raterType satisfaction comment answers { code level } } } }`;
const KIOSK = 'mutation($code: String!, $answers: [RatingAnswerInput!]!) { rateDossierAtKiosk(dossierCode: $code, answers: $answers) { rating { channel satisfaction } } }';
const MINE = 'mutation($id: ID!, $answers: [RatingAnswerInput!]!) { rateMyDossier(dossierId: $id, answers: $answers) { rating { channel satisfaction } } }';
const CARD = 'query($kind: ScorecardKind!, $id: ID!) { scorecard(kind: $kind, id: $id, period: "2026-Q4") { figures { ratings averageSatisfaction } } }';
const answers = (overall: number) => [{ code: 'CONVENIENCE', level: 4 }, { code: 'OVERALL', level: overall }];
const { expectRefusedWithoutWrites } = writeCounter(['evaluation_rating', 'evaluation_fact', 'kernel_outbox']);

describe('citizen ratings through GraphQL', () => {
  let app: EvaluationApp;
  let token: Record<string, string>;
  const ids = { a: uuid7(), b: uuid7(), c: uuid7() };

  beforeAll(async () => {
    app = await startEvaluationApp();
    token = {};
    for (const name of ['chuyenvien', 'truongphong', 'tiepnhan', 'congdan', 'giamdoc']) token[name] = await app.t.login(name);
    const [officer, leader, citizen] = [await app.user('chuyenvien'), await app.user('truongphong'), await app.user('congdan')];
    const base = { agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: officer, procedureId: uuid7() };
    for (const [key, code] of [['a', 'H56.10-261001-0001'], ['b', 'H56.10-261001-0002'], ['c', 'H56.10-261001-0003']] as const) {
      await feed(app.t, app.clock, dossier({ ...base, dossierId: ids[key] },
        { kind: 'RECEIVED', online: false, code, applicantId: key === 'c' ? citizen : null, officerId: null, occurredAt: '2026-11-02T08:00:00+07:00' },
        { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'ON_TIME', occurredAt: '2026-11-03T08:00:00+07:00' },
        { kind: 'STEP_COMPLETED', stepCode: 'PHE_DUYET', timeliness: 'EARLY', officerId: leader, occurredAt: '2026-11-04T08:00:00+07:00' }));
    }
  });
  afterAll(() => app?.t.close());

  it('desk staff issue a link; others cannot', async () => {
    for (const who of ['chuyenvien', 'congdan']) expectRefused(await app.t.gql(LINK, { id: ids.a }, { token: token[who] }), 'FORBIDDEN', who);
    expectRefused(await app.t.gql(LINK, { id: uuid7() }, { token: token.tiepnhan }), 'NOT_FOUND');
    const link = expectOk(await app.t.gql(LINK, { id: ids.a }, { token: token.tiepnhan })).issueRatingLink;
    expect(link.path).toBe(`/admin/danh-gia/${link.token}`);
    expect(new Date(link.expiresAt).getTime() - app.clock.now().getTime()).toBe(30 * 86_400_000);
  });

  it('a citizen rates from the link without signing in, once; the rating counts against whoever finished the dossier', async () => {
    const { token: link } = expectOk(await app.t.gql(LINK, { id: ids.a }, { token: token.tiepnhan })).issueRatingLink;
    expect(expectOk(await app.t.gql(FORM, { token: link })).ratingForm).toMatchObject({ dossierCode: 'H56.10-261001-0001', rated: false, questions: [{ code: 'CONVENIENCE' }, { code: 'OVERALL' }] });
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'tampered', () => app.t.gql(RATE, { token: `${link}x`, answers: answers(5) }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'unanswered', () => app.t.gql(RATE, { token: link, answers: answers(5).slice(0, 1) }));
    const { rating } = expectOk(await app.t.gql(RATE, { token: link, answers: answers(5) })).rateDossier;
    expect(rating).toMatchObject({ channel: 'LINK', raterType: 'CITIZEN', satisfaction: 5, comment: 'Cán bộ nhiệt tình' });
    await app.t.app.dispatcher.drain();
    const leaderId = await app.user('truongphong');
    expect(expectOk(await app.t.gql(CARD, { kind: 'OFFICER', id: leaderId }, { token: token.truongphong })).scorecard.figures).toEqual({ ratings: 1, averageSatisfaction: 5 });
    expect(expectOk(await app.t.gql(CARD, { kind: 'AGENCY', id: app.agency.justice }, { token: token.giamdoc })).scorecard.figures.ratings).toBe(1);
    expect(expectOk(await app.t.gql(FORM, { token: link })).ratingForm.rated).toBe(true);
    await expectRefusedWithoutWrites(app.t, 'CONFLICT', 'second rating by link', () => app.t.gql(RATE, { token: link, answers: answers(1) }));
    await expectRefusedWithoutWrites(app.t, 'CONFLICT', 'then at the kiosk', () =>
      app.t.gql(KIOSK, { code: 'H56.10-261001-0001', answers: answers(1) }, { token: token.tiepnhan }));
  });

  it('an expired link is refused', async () => {
    const { token: link } = expectOk(await app.t.gql(LINK, { id: ids.b }, { token: token.tiepnhan })).issueRatingLink;
    const now = app.clock.now();
    app.clock.set(new Date(now.getTime() + 31 * 86_400_000));
    try {
      await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'expired', () => app.t.gql(RATE, { token: link, answers: answers(4) }));
    } finally {
      app.clock.set(now);
    }
  });

  it('the kiosk rates by dossier code for signed-in desk staff only', async () => {
    await expectRefusedWithoutWrites(app.t, 'UNAUTHENTICATED', 'anonymous kiosk', () => app.t.gql(KIOSK, { code: 'H56.10-261001-0002', answers: answers(4) }));
    for (const who of ['chuyenvien', 'congdan']) {
      await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', who, () => app.t.gql(KIOSK, { code: 'H56.10-261001-0002', answers: answers(4) }, { token: token[who] }));
    }
    await expectRefusedWithoutWrites(app.t, 'NOT_FOUND', 'unknown code', () => app.t.gql(KIOSK, { code: 'H56.10-000000-9999', answers: answers(4) }, { token: token.tiepnhan }));
    expect(expectOk(await app.t.gql(KIOSK, { code: 'H56.10-261001-0002', answers: answers(2) }, { token: token.tiepnhan })).rateDossierAtKiosk.rating)
      .toEqual({ channel: 'KIOSK', satisfaction: 2 });
  });

  it('the signed-in applicant rates their own dossier, nobody else\'s', async () => {
    await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', 'not the applicant', () => app.t.gql(MINE, { id: ids.b, answers: answers(4) }, { token: token.congdan }));
    await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', 'staff', () => app.t.gql(MINE, { id: ids.c, answers: answers(4) }, { token: token.chuyenvien }));
    expect(expectOk(await app.t.gql(MINE, { id: ids.c, answers: answers(3) }, { token: token.congdan })).rateMyDossier.rating).toEqual({ channel: 'APPLICANT', satisfaction: 3 });
  });
});
