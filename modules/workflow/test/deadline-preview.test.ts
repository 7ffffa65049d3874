/**
 * Acceptance: the worked examples A–D of one-stop-domain §6.5 through the public
 * `deadlinePreview` query (anonymous, on the seeded VN-GOV calendar), explanations in both
 * languages, and every bad input refused with a typed bilingual error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { expectOk, expectRefused, GQL } from './support.js';

const FIVE_WORKING_DAYS = { value: 5, unit: 'WORKING_DAYS' };

describe('deadlinePreview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  const preview = async (input: Record<string, unknown>, lang?: 'vi' | 'en') =>
    expectOk(await t.gql(GQL.deadlinePreview, { input: { calendarId: 'VN-GOV', ...input } }, { lang }), 'deadlinePreview').deadlinePreview;

  it('A: 5 working days from Friday 27/10/2023 09:32 are due Friday 03/11/2023 09:32; finishing 03/11 10:00 is on time', async () => {
    const result = await preview({ start: '2023-10-27T09:32:00+07:00', limit: FIVE_WORKING_DAYS, end: '2023-11-03T10:00:00+07:00' });
    expect(result).toMatchObject({
      calendarVersion: 1, effectiveStart: '2023-10-27T09:32:00+07:00', dueAt: '2023-11-03T09:32:00+07:00', budgetMinutes: 2400,
      timeliness: 'ON_TIME', consumedWorkingMinutes: 2428,
    });
    expect(result.explanation).toContain('30/10/2023 – 02/11/2023: 4 ngày làm việc, tính 32 giờ, lũy kế 37 giờ 28 phút.');
    expect((await preview({ start: '2023-10-27T09:32:00+07:00', limit: FIVE_WORKING_DAYS, end: '2023-11-02T16:00:00+07:00' })).timeliness).toBe('EARLY');
  });

  it('B: 5 working days from Thursday 24/04/2025 10:15 are due Monday 05/05/2025 10:15, counting Saturday 26/04', async () => {
    const result = await preview({ start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS });
    expect(result).toMatchObject({ dueAt: '2025-05-05T10:15:00+07:00', statutoryDueAt: '2025-05-05T10:15:00+07:00', originalDueAt: '2025-05-05T10:15:00+07:00', timeliness: null, consumedWorkingMinutes: null });
    expect(result.explanation).toContain('26/04/2025 (thứ Bảy): ngày làm việc hoán đổi — Làm bù cho ngày nghỉ thứ Sáu 02/05/2025, tính 8 giờ, lũy kế 20 giờ 45 phút.');
    expect(result.explanation.at(-1)).toBe('Hạn giải quyết: 10:15 thứ Hai 05/05/2025.');
  });

  it('C: a supplement from Tue 29/04 09:00 to Wed 07/05 14:00 moves the due date to Thursday 08/05/2025 15:15, keeping 05/05 10:15', async () => {
    const result = await preview({
      start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS,
      pauses: [{ from: '2025-04-29T09:00:00+07:00', to: '2025-05-07T14:00:00+07:00', reason: 'SUPPLEMENT_REQUESTED' }],
      end: '2025-05-08T15:00:00+07:00',
    });
    expect(result).toMatchObject({
      dueAt: '2025-05-08T15:15:00+07:00', statutoryDueAt: '2025-05-08T15:15:00+07:00', originalDueAt: '2025-05-05T10:15:00+07:00',
      timeliness: 'ON_TIME', consumedWorkingMinutes: 40 * 60 - 15,
    });
    expect(result.explanation).toContain('Tạm dừng từ 09:00 thứ Ba 29/04/2025 đến 14:00 thứ Tư 07/05/2025 (yêu cầu bổ sung hồ sơ): không tính thời gian này.');
  });

  it('D: the apology sets 09/05 as the new appointment, yet finishing on 09/05 is late against 05/05', async () => {
    const result = await preview({
      start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS,
      extension: { requestedAt: '2025-05-02T09:00:00+07:00', dueAt: '2025-05-09T17:00:00+07:00', reason: 'Chờ kết quả xác minh' },
      end: '2025-05-09T10:00:00+07:00',
    });
    expect(result).toMatchObject({ dueAt: '2025-05-09T17:00:00+07:00', statutoryDueAt: '2025-05-05T10:15:00+07:00', timeliness: 'LATE' });
    expect(result.explanation).toContain('Kết thúc 10:00 thứ Sáu 09/05/2025: sau ngày hạn 05/05/2025 → trễ hạn.');
  });

  it('explains in English when asked, and writes instants given in UTC back in the calendar zone', async () => {
    const result = await preview({ start: '2025-04-25T09:30:00Z', limit: { value: 1, unit: 'SAME_DAY' } }, 'en');
    expect(result.effectiveStart).toBe('2025-04-25T16:30:00+07:00');
    expect(result.dueAt).toBe('2025-04-26T17:00:00+07:00');
    expect(result.explanation).toContain('The clock starts at or after 15:00 → due at the close of the next working day (17:00 Saturday 26/04/2025), i.e. 8 h 30 min of working time.');
  });

  it.each([
    ['a start without offset', { start: '2025-04-24T10:15:00', limit: FIVE_WORKING_DAYS }, 'BAD_USER_INPUT'],
    ['a date that does not exist', { start: '2025-02-29T10:15:00+07:00', limit: FIVE_WORKING_DAYS }, 'BAD_USER_INPUT'],
    ['a limit of zero', { start: '2025-04-24T10:15:00+07:00', limit: { value: 0, unit: 'WORKING_DAYS' } }, 'BAD_USER_INPUT'],
    ['half a calendar day', { start: '2025-04-24T10:15:00+07:00', limit: { value: 1.5, unit: 'CALENDAR_DAYS' } }, 'BAD_USER_INPUT'],
    ['an unknown unit', { start: '2025-04-24T10:15:00+07:00', limit: { value: 1, unit: 'MONTHS' } }, 'BAD_USER_INPUT'],
    ['pauses out of order', {
      start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS,
      pauses: [{ from: '2025-04-29T09:00:00+07:00', to: '2025-04-30T09:00:00+07:00' }, { from: '2025-04-25T09:00:00+07:00', to: '2025-04-26T09:00:00+07:00' }],
    }, 'BAD_USER_INPUT'],
    ['overlapping pauses', {
      start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS,
      pauses: [{ from: '2025-04-25T09:00:00+07:00', to: '2025-04-28T09:00:00+07:00' }, { from: '2025-04-26T09:00:00+07:00', to: '2025-04-29T09:00:00+07:00' }],
    }, 'BAD_USER_INPUT'],
    ['a pause ending before it starts', { start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS, pauses: [{ from: '2025-04-25T09:00:00+07:00', to: '2025-04-25T08:00:00+07:00' }] }, 'BAD_USER_INPUT'],
    ['an end before the receipt', { start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS, end: '2025-04-23T10:15:00+07:00' }, 'BAD_USER_INPUT'],
    ['an extension earlier than the due date', {
      start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS, extension: { requestedAt: '2025-05-02T09:00:00+07:00', dueAt: '2025-05-05T09:00:00+07:00' },
    }, 'BAD_USER_INPUT'],
    ['an unknown calendar', { calendarId: 'VN-XYZ', start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS }, 'NOT_FOUND'],
    ['an unknown calendar version', { calendarVersion: 99, start: '2025-04-24T10:15:00+07:00', limit: FIVE_WORKING_DAYS }, 'NOT_FOUND'],
  ])('refuses %s', async (_name, input, code) => {
    const error = expectRefused(await t.gql(GQL.deadlinePreview, { input: { calendarId: 'VN-GOV', ...input } }), code);
    expect(error.message).toBe(error.extensions.messages.vi);
  });

  it('names the field and says why, in both languages', async () => {
    const result = await t.gql(GQL.deadlinePreview, { input: { calendarId: 'VN-GOV', start: '2025-04-24T10:15:00', limit: FIVE_WORKING_DAYS } }, { lang: 'en' });
    const error = expectRefused(result, 'BAD_USER_INPUT');
    expect(error.extensions.messages.vi).toMatch(/ISO-8601 có múi giờ/);
    expect(error.message).toMatch(/ISO-8601 with an offset/);
  });
});
