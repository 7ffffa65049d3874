/**
 * Persisted clocks through the contract, as the dossiers module keeps a dossier's statutory
 * clock: examples C (supplement pause) and D (apology) of one-stop-domain §6.5 stored, changed,
 * judged and explained; step clocks restart on a new visit; bad moves are refused, nothing written.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClockStatus, explainSubjectClock, extendSubjectClock, judgeSubjectClock, pauseSubjectClock, PauseReason, readSubjectClock, resumeSubjectClock,
  startSubjectClock, stopSubjectClock, TimeLimitUnit, Timeliness,
} from '../src/contract.js';
import { at, vn } from './fixtures.js';

const FIVE_WORKING_DAYS = { value: 5, unit: TimeLimitUnit.WORKING_DAYS };

describe('persisted clocks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(at('2025-04-24 10:15')), demo: false });
  });
  afterAll(() => t.close());

  const tx = <T>(work: (em: EntityManager) => Promise<T>) => t.app.orm.em.fork().transactional(work as never) as Promise<T>;
  const key = (subjectId: string, stepCode?: string) => ({ subjectType: 'Dossier', subjectId, stepCode });
  const startB = (subjectId: string) => tx((em) => startSubjectClock(em, key(subjectId), { calendarId: 'VN-GOV', receivedAt: at('2025-04-24 10:15'), limit: FIVE_WORKING_DAYS }));

  it('example C: pauses for the supplement and resumes with the remaining budget, explained line by line', async () => {
    expect(vn((await startB('C')).ledger.dueAt)).toBe('2025-05-05T10:15:00+07:00');
    const paused = await tx((em) => pauseSubjectClock(em, key('C'), { at: at('2025-04-29 09:00'), reason: PauseReason.SUPPLEMENT_REQUESTED, actorId: null }));
    expect(paused.status).toBe(ClockStatus.PAUSED);
    const resumed = await tx((em) => resumeSubjectClock(em, key('C'), { at: at('2025-05-07 14:00') }));
    expect([resumed.status, vn(resumed.ledger.dueAt), vn(resumed.ledger.originalDueAt)]).toEqual([ClockStatus.RUNNING, '2025-05-08T15:15:00+07:00', '2025-05-05T10:15:00+07:00']);
    const lines = await tx((em) => explainSubjectClock(em, key('C')));
    expect(lines.map((line) => line.vi).slice(-4)).toEqual([
      'Tạm dừng từ 09:00 thứ Ba 29/04/2025 đến 14:00 thứ Tư 07/05/2025 (yêu cầu bổ sung hồ sơ): không tính thời gian này.',
      '07/05/2025 (thứ Tư): tính 3 giờ, lũy kế 33 giờ 45 phút.',
      '08/05/2025 (thứ Năm): tính 6 giờ 15 phút, lũy kế 40 giờ → đủ thời hạn lúc 15:15.',
      'Hạn giải quyết: 15:15 thứ Năm 08/05/2025 (hạn khi tiếp nhận: 10:15 thứ Hai 05/05/2025, lùi do tạm dừng).',
    ]);
    const judgement = await tx((em) => stopSubjectClock(em, key('C'), { end: at('2025-05-08 10:00') }));
    expect(judgement.timeliness).toBe(Timeliness.ON_TIME);
    const stored = await tx((em) => readSubjectClock(em, key('C')));
    expect(stored).toMatchObject({ status: ClockStatus.STOPPED, judgement: { timeliness: Timeliness.ON_TIME } });
    expect((await tx((em) => explainSubjectClock(em, key('C')))).at(-2)?.en).toMatch(/on time/);
  });

  it('example D: the apology sets a new appointment once; timeliness stays judged against the statutory due', async () => {
    await startB('D');
    const extended = await tx((em) => extendSubjectClock(em, key('D'), { requestedAt: at('2025-05-02 09:00'), dueAt: at('2025-05-09 17:00'), reason: 'Chờ kết quả xác minh' }));
    expect([vn(extended.ledger.dueAt), vn(extended.ledger.statutoryDueAt)]).toEqual(['2025-05-09T17:00:00+07:00', '2025-05-05T10:15:00+07:00']);
    expect((await tx((em) => judgeSubjectClock(em, key('D'), at('2025-05-09 10:00')))).timeliness).toBe(Timeliness.LATE);
    await expect(tx((em) => extendSubjectClock(em, key('D'), { requestedAt: at('2025-05-08 09:00'), dueAt: at('2025-05-12 17:00') }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(vn((await tx((em) => readSubjectClock(em, key('D'))))!.ledger.dueAt)).toBe('2025-05-09T17:00:00+07:00');
  });

  it("refuses a second start of a subject's clock and moves of a stopped one; a step's clock restarts on a new visit", async () => {
    await startB('E');
    await expect(startB('E')).rejects.toMatchObject({ code: 'CONFLICT' });
    await tx((em) => stopSubjectClock(em, key('E'), { end: at('2025-04-25 10:00') }));
    await expect(tx((em) => pauseSubjectClock(em, key('E'), { at: at('2025-04-28 10:00'), reason: PauseReason.WAITING_FOR_APPLICANT }))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(tx((em) => readSubjectClock(em, key('none')))).resolves.toBeNull();
    await expect(tx((em) => explainSubjectClock(em, key('none')))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const step = (receivedAt: Date) => tx((em) => startSubjectClock(em, key('E', 'THAM_DINH'), { calendarId: 'VN-GOV', receivedAt, limit: { value: 4, unit: TimeLimitUnit.WORKING_HOURS } }));
    expect(vn((await step(at('2025-04-24 10:15'))).ledger.dueAt)).toBe('2025-04-24T16:15:00+07:00');
    expect(vn((await step(at('2025-04-25 08:00'))).ledger.dueAt)).toBe('2025-04-25T14:00:00+07:00');
  });
});
