/**
 * Periodic reviews: the lifecycle (submitted → approved → locked; a change after locking is a
 * new version with a reason) as a table of transitions, and through GraphQL a unit leader
 * reviewing an officer, the agency leader approving and locking, the officer reading their
 * own history, refusals for everyone else.
 */
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newVersionAllowed, type ReviewAction, type ReviewStatus, reviewTransition } from '../src/reviews/lifecycle.js';
import { dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp, writeCounter } from './support.js';

describe('review lifecycle', () => {
  it.each<[ReviewStatus, ReviewAction, ReviewStatus | 'INVALID_TRANSITION']>([
    ['SUBMITTED', 'APPROVE', 'APPROVED'], ['SUBMITTED', 'LOCK', 'INVALID_TRANSITION'],
    ['APPROVED', 'LOCK', 'LOCKED'], ['APPROVED', 'APPROVE', 'INVALID_TRANSITION'],
    ['LOCKED', 'APPROVE', 'INVALID_TRANSITION'], ['LOCKED', 'LOCK', 'INVALID_TRANSITION'],
  ])('%s + %s → %s', (status, action, expected) => {
    if (expected === 'INVALID_TRANSITION') expect(() => reviewTransition(status, action)).toThrow(expect.objectContaining({ code: expected }));
    else expect(reviewTransition(status, action)).toBe(expected);
  });

  it.each<[ReviewStatus | null, string | null, string | null]>([
    [null, null, null], ['LOCKED', 'Sai số liệu quý', null], ['LOCKED', ' ', 'BAD_USER_INPUT'], ['LOCKED', null, 'BAD_USER_INPUT'],
    ['SUBMITTED', 'x', 'CONFLICT'], ['APPROVED', 'x', 'CONFLICT'],
  ])('a new version over %s with reason %j: %s', (latest, reason, refusal) => {
    if (refusal) expect(() => newVersionAllowed(latest, reason)).toThrow(expect.objectContaining({ code: refusal }));
    else expect(() => newVersionAllowed(latest, reason)).not.toThrow();
  });
});

const SUBMIT = `mutation($input: SubmitReviewInput!) { submitReview(input: $input) { review { id version status automatic citizen self superior combined
  advisedGrade advisedGradeLabel reason weights { automatic citizen self superior } } } }`;
const APPROVE = 'mutation($id: ID!) { approveReview(input: { id: $id }) { review { status } } }';
const LOCK = 'mutation($id: ID!) { lockReview(input: { id: $id }) { review { status } } }';
const REVIEWS = 'query($kind: ScorecardKind!, $id: ID!, $period: String!) { reviews(kind: $kind, subjectId: $id, period: $period) { version status reason combined } }';
const { expectRefusedWithoutWrites } = writeCounter(['evaluation_review', 'kernel_audit']);

describe('reviews through GraphQL', () => {
  let app: EvaluationApp;
  let token: Record<string, string>;
  let officer: string;
  let input: Record<string, unknown>;

  beforeAll(async () => {
    app = await startEvaluationApp();
    token = {};
    for (const name of ['chuyenvien', 'truongphong', 'giamdoc', 'quantri', 'congdan']) token[name] = await app.t.login(name);
    officer = await app.user('chuyenvien');
    const base = { agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: officer, procedureId: uuid7() };
    await feed(app.t, app.clock, [
      ...dossier(base, { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: '2026-10-05T09:00:00+07:00' },
        { kind: 'RATED', satisfaction: 5, occurredAt: '2026-10-06T09:00:00+07:00' }),
      ...dossier(base, { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'LATE', occurredAt: '2026-10-07T09:00:00+07:00' },
        { kind: 'RATED', satisfaction: 4, occurredAt: '2026-10-08T09:00:00+07:00' }),
    ]);
    input = { kind: 'OFFICER', subjectId: officer, unitId: app.agency.justiceCivil, period: '2026-Q4', selfScore: 90, superiorScore: 80 };
  });
  afterAll(() => app?.t.close());

  it('a unit leader submits; the automatic and citizen dimensions come from the scorecard', async () => {
    const { review } = expectOk(await app.t.gql(SUBMIT, { input }, { token: token.truongphong })).submitReview;
    // steps 1 early + 1 late: timeliness 0.5, supplements 1, complaints 1, satisfaction (4.5 − 1) / 4 = 0.875
    // composite = 100 × (0.5×0.5 + 0.15 + 0.25×0.875 + 0.1) / 1 = 71.88; citizen = 87.5
    // combined = 0.4×71.88 + 0.2×87.5 + 0.1×90 + 0.3×80 = 79.25
    expect(review).toMatchObject({
      version: 1, status: 'SUBMITTED', automatic: 71.88, citizen: 87.5, self: 90, superior: 80, combined: 79.25,
      advisedGrade: 'GOOD', advisedGradeLabel: 'Hoàn thành tốt nhiệm vụ', reason: null, weights: { automatic: 0.4, citizen: 0.2, self: 0.1, superior: 0.3 },
    });
  });

  it('refuses the officer, other agencies\' staff and citizens, and a second open version', async () => {
    for (const who of ['chuyenvien', 'quantri', 'congdan']) {
      await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', who, () => app.t.gql(SUBMIT, { input }, { token: token[who] }));
    }
    await expectRefusedWithoutWrites(app.t, 'UNAUTHENTICATED', 'anonymous', () => app.t.gql(SUBMIT, { input }));
    await expectRefusedWithoutWrites(app.t, 'CONFLICT', 'open version', () => app.t.gql(SUBMIT, { input }, { token: token.giamdoc }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'score above 100', () =>
      app.t.gql(SUBMIT, { input: { ...input, period: '2026-Q3', superiorScore: 120 } }, { token: token.truongphong }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'officer without unit', () =>
      app.t.gql(SUBMIT, { input: { ...input, period: '2026-Q3', unitId: null } }, { token: token.truongphong }));
  });

  it('a second person approves, then locks; the submitter cannot approve and nothing skips a step', async () => {
    const [first] = expectOk(await app.t.gql(REVIEWS.replace('{ version', '{ id version'), { kind: 'OFFICER', id: officer, period: '2026-Q4' }, { token: token.giamdoc })).reviews;
    expect(first).toMatchObject({ version: 1, status: 'SUBMITTED' });
    const { id } = first;
    await expectRefusedWithoutWrites(app.t, 'CONFLICT', 'submitter approves', () => app.t.gql(APPROVE, { id }, { token: token.truongphong }));
    await expectRefusedWithoutWrites(app.t, 'INVALID_TRANSITION', 'lock before approval', () => app.t.gql(LOCK, { id }, { token: token.giamdoc }));
    await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', 'officer approves', () => app.t.gql(APPROVE, { id }, { token: token.chuyenvien }));
    expect(expectOk(await app.t.gql(APPROVE, { id }, { token: token.giamdoc })).approveReview.review.status).toBe('APPROVED');
    expect(expectOk(await app.t.gql(LOCK, { id }, { token: token.truongphong })).lockReview.review.status).toBe('LOCKED');
    await expectRefusedWithoutWrites(app.t, 'INVALID_TRANSITION', 'lock twice', () => app.t.gql(LOCK, { id }, { token: token.giamdoc }));
    expectRefused(await app.t.gql(APPROVE, { id: uuid7() }, { token: token.giamdoc }), 'NOT_FOUND');
  });

  it('a change after locking is a new version with a reason; the history stays readable to the officer', async () => {
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'no reason', () => app.t.gql(SUBMIT, { input: { ...input, superiorScore: 95 } }, { token: token.truongphong }));
    const { review } = expectOk(await app.t.gql(SUBMIT, { input: { ...input, superiorScore: 95, reason: 'Bổ sung kết quả phúc tra' } }, { token: token.truongphong })).submitReview;
    expect(review).toMatchObject({ version: 2, status: 'SUBMITTED', reason: 'Bổ sung kết quả phúc tra', combined: 83.75 });
    const history = expectOk(await app.t.gql(REVIEWS, { kind: 'OFFICER', id: officer, period: '2026-Q4' }, { token: token.chuyenvien })).reviews;
    expect(history).toEqual([
      { version: 2, status: 'SUBMITTED', reason: 'Bổ sung kết quả phúc tra', combined: 83.75 },
      { version: 1, status: 'LOCKED', reason: null, combined: 79.25 },
    ]);
    for (const who of ['quantri', 'congdan']) {
      expect(expectOk(await app.t.gql(REVIEWS, { kind: 'OFFICER', id: officer, period: '2026-Q4' }, { token: token[who] })).reviews).toEqual([]);
    }
  });
});
