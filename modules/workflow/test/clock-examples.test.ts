/**
 * Acceptance: the worked examples A–D of one-stop-domain §6.5, literally, through the pure
 * clock functions (the same examples run through `deadlinePreview` in deadline-preview.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { CalendarDayKind } from '../src/clock/calendar.js';
import { classifyTimeliness, TimeLimitUnit, Timeliness } from '../src/clock/deadline.js';
import { explainClock } from '../src/clock/explain.js';
import { clockConsumption, extendClock, judgeClock, pauseClock, PauseReason, resumeClock, startClock } from '../src/clock/ledger.js';
import { NATIONAL_DAYS, NATIONAL_RULES } from '../src/calendars/national-calendar.js';
import { at, calendarWith, vn, VN_GOV } from './fixtures.js';

const FIVE_WORKING_DAYS = { value: 5, unit: TimeLimitUnit.WORKING_DAYS };
const vietnamese = (lines: Array<{ vi: string }>) => lines.map((line) => line.vi);

describe('A. real Thanh Hóa slip: 5 working days from Friday 27/10/2023 09:32', () => {
  const ledger = startClock(VN_GOV, { receivedAt: at('2023-10-27 09:32'), limit: FIVE_WORKING_DAYS });

  it('counts Mon 30/10 – Fri 3/11 and is due Friday 03/11/2023 at 09:32 (the slip rounds to 9:00)', () => {
    expect(vn(ledger.effectiveStart)).toBe('2023-10-27T09:32:00+07:00');
    expect(vn(ledger.dueAt)).toBe('2023-11-03T09:32:00+07:00');
    expect(ledger.budgetMinutes).toBe(40 * 60);
    expect(vietnamese(explainClock(ledger, VN_GOV))).toEqual(expect.arrayContaining([
      '27/10/2023 (thứ Sáu): tính 5 giờ 28 phút, lũy kế 5 giờ 28 phút.',
      '28/10/2023 – 29/10/2023: nghỉ cuối tuần, không tính.',
      '30/10/2023 – 02/11/2023: 4 ngày làm việc, tính 32 giờ, lũy kế 37 giờ 28 phút.',
      '03/11/2023 (thứ Sáu): tính 2 giờ 32 phút, lũy kế 40 giờ → đủ thời hạn lúc 09:32.',
      'Hạn giải quyết: 09:32 thứ Sáu 03/11/2023.',
    ]));
  });

  it('finished Thursday 02/11 16:00 is early', () => {
    expect(judgeClock(ledger, VN_GOV, at('2023-11-02 16:00')).timeliness).toBe(Timeliness.EARLY);
  });

  it('finished Friday 03/11 10:00 is on time under the day granularity we chose; strict hours would call it late', () => {
    expect(judgeClock(ledger, VN_GOV, at('2023-11-03 10:00')).timeliness).toBe(Timeliness.ON_TIME);
    expect(classifyTimeliness(VN_GOV, TimeLimitUnit.WORKING_HOURS, at('2023-11-03 10:00'), ledger.dueAt!)).toBe(Timeliness.LATE);
  });
});

describe('B. 2025 with a holiday swap: 5 working days from Thursday 24/04/2025 10:15', () => {
  const ledger = startClock(VN_GOV, { receivedAt: at('2025-04-24 10:15'), limit: FIVE_WORKING_DAYS });

  it('counts Saturday 26/04 (swapped working day), skips 30/04, 01/05 and 02/05, and is due Monday 05/05/2025 10:15', () => {
    expect(vn(ledger.dueAt)).toBe('2025-05-05T10:15:00+07:00');
    expect(vietnamese(explainClock(ledger, VN_GOV))).toEqual([
      'Thời hạn: 5 ngày làm việc = 40 giờ làm việc (1 ngày làm việc = 8 giờ). Lịch VN-GOV phiên bản 1 (Asia/Ho_Chi_Minh; giờ làm việc 07:00–11:30, 13:30–17:00).',
      'Tiếp nhận 10:15 thứ Năm 24/04/2025, trong giờ làm việc: bắt đầu tính ngay.',
      '24/04/2025 (thứ Năm): tính 4 giờ 45 phút, lũy kế 4 giờ 45 phút.',
      '25/04/2025 (thứ Sáu): tính 8 giờ, lũy kế 12 giờ 45 phút.',
      '26/04/2025 (thứ Bảy): ngày làm việc hoán đổi — Làm bù cho ngày nghỉ thứ Sáu 02/05/2025, tính 8 giờ, lũy kế 20 giờ 45 phút.',
      '27/04/2025 (Chủ nhật): nghỉ cuối tuần, không tính.',
      '28/04/2025 – 29/04/2025: 2 ngày làm việc, tính 16 giờ, lũy kế 36 giờ 45 phút.',
      '30/04/2025 (thứ Tư): nghỉ lễ — Ngày Chiến thắng (30/4), không tính.',
      '01/05/2025 (thứ Năm): nghỉ lễ — Ngày Quốc tế Lao động (1/5), không tính.',
      '02/05/2025 (thứ Sáu): nghỉ hoán đổi — Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025, không tính.',
      '03/05/2025 – 04/05/2025: nghỉ cuối tuần, không tính.',
      '05/05/2025 (thứ Hai): tính 3 giờ 15 phút, lũy kế 40 giờ → đủ thời hạn lúc 10:15.',
      'Hạn giải quyết: 10:15 thứ Hai 05/05/2025.',
    ]);
  });

  it('ignoring the swapped Saturday gives Tuesday 06/05, the one-day difference the doc warns about', () => {
    const withoutSaturday = calendarWith({ ...NATIONAL_RULES, days: NATIONAL_DAYS.filter((day) => day.kind !== CalendarDayKind.WORKING_DAY) });
    expect(vn(startClock(withoutSaturday, { receivedAt: at('2025-04-24 10:15'), limit: FIVE_WORKING_DAYS }).dueAt)).toBe('2025-05-06T10:15:00+07:00');
  });
});

describe('C. supplementation during processing: dossier B paused Tue 29/04 09:00 → Wed 07/05 14:00', () => {
  const started = startClock(VN_GOV, { receivedAt: at('2025-04-24 10:15'), limit: FIVE_WORKING_DAYS });
  const paused = pauseClock(started, { at: at('2025-04-29 09:00'), reason: PauseReason.SUPPLEMENT_REQUESTED, actorId: 'officer' });
  const resumed = resumeClock(paused, VN_GOV, { at: at('2025-05-07 14:00') });

  it('has consumed 30.75 h with 9.25 h remaining when the request (Mẫu 02) is issued', () => {
    expect(clockConsumption(started, VN_GOV, at('2025-04-29 09:00'))).toEqual({ consumedMinutes: 30.75 * 60, remainingMinutes: 9.25 * 60, paused: false });
    expect(clockConsumption(paused, VN_GOV, at('2025-05-06 10:00'))).toEqual({ consumedMinutes: 30.75 * 60, remainingMinutes: 9.25 * 60, paused: true });
  });

  it('has no due instant while paused, and keeps the original one', () => {
    expect([paused.dueAt, paused.statutoryDueAt]).toEqual([null, null]);
    expect(vn(paused.originalDueAt)).toBe('2025-05-05T10:15:00+07:00');
  });

  it('resumes with 3 h on 07/05 and 4.5 h + 1.75 h on 08/05: new due Thursday 08/05/2025 15:15, original kept', () => {
    expect(vn(resumed.dueAt)).toBe('2025-05-08T15:15:00+07:00');
    expect(vn(resumed.statutoryDueAt)).toBe('2025-05-08T15:15:00+07:00');
    expect(vn(resumed.originalDueAt)).toBe('2025-05-05T10:15:00+07:00');
    expect(resumed.pauses).toEqual([{ from: at('2025-04-29 09:00'), to: at('2025-05-07 14:00'), reason: PauseReason.SUPPLEMENT_REQUESTED, actorId: 'officer' }]);
    expect(vietnamese(explainClock(resumed, VN_GOV))).toEqual(expect.arrayContaining([
      '29/04/2025 (thứ Ba): tính 2 giờ, lũy kế 30 giờ 45 phút.',
      'Tạm dừng từ 09:00 thứ Ba 29/04/2025 đến 14:00 thứ Tư 07/05/2025 (yêu cầu bổ sung hồ sơ): không tính thời gian này.',
      '07/05/2025 (thứ Tư): tính 3 giờ, lũy kế 33 giờ 45 phút.',
      '08/05/2025 (thứ Năm): tính 6 giờ 15 phút, lũy kế 40 giờ → đủ thời hạn lúc 15:15.',
      'Hạn giải quyết: 15:15 thứ Năm 08/05/2025 (hạn khi tiếp nhận: 10:15 thứ Hai 05/05/2025, lùi do tạm dừng).',
    ]));
  });

  it('judges against the new due date', () => {
    expect(judgeClock(resumed, VN_GOV, at('2025-05-08 16:30')).timeliness).toBe(Timeliness.ON_TIME);
    expect(judgeClock(resumed, VN_GOV, at('2025-05-09 08:00')).timeliness).toBe(Timeliness.LATE);
  });
});

describe('D. apology: dossier B, Mẫu 04 issued 02/05 with the new date 09/05', () => {
  const started = startClock(VN_GOV, { receivedAt: at('2025-04-24 10:15'), limit: FIVE_WORKING_DAYS });
  const extended = extendClock(started, { requestedAt: at('2025-05-02 09:00'), dueAt: at('2025-05-09 17:00'), reason: 'Chờ kết quả xác minh', actorId: 'leader' });

  it('sets the new appointment once and keeps the statutory due date', () => {
    expect(vn(extended.dueAt)).toBe('2025-05-09T17:00:00+07:00');
    expect(vn(extended.statutoryDueAt)).toBe('2025-05-05T10:15:00+07:00');
    expect(() => extendClock(extended, { requestedAt: at('2025-05-08 09:00'), dueAt: at('2025-05-12 17:00') })).toThrow(/only once/);
  });

  it('still marks the dossier late against 05/05, even when it meets the new date', () => {
    expect(judgeClock(extended, VN_GOV, at('2025-05-09 10:00')).timeliness).toBe(Timeliness.LATE);
    expect(judgeClock(extended, VN_GOV, at('2025-05-05 09:00')).timeliness).toBe(Timeliness.ON_TIME);
    expect(vietnamese(explainClock(extended, VN_GOV, at('2025-05-09 10:00'))).slice(-3)).toEqual([
      'Gia hạn (văn bản xin lỗi và hẹn lại ngày trả kết quả) lập 09:00 thứ Sáu 02/05/2025: hẹn trả mới 17:00 thứ Sáu 09/05/2025 (Chờ kết quả xác minh). Đúng, trễ hạn vẫn tính theo hạn 10:15 thứ Hai 05/05/2025.',
      'Kết thúc 10:00 thứ Sáu 09/05/2025: sau ngày hạn 05/05/2025 → trễ hạn.',
      'Thời gian làm việc đã dùng: 71 giờ 45 phút (không kể thời gian tạm dừng).',
    ]);
  });
});
