/**
 * Calendars through GraphQL: the seeded national calendar (public, idempotent), versions
 * (every change writes one, old ones stay readable and keep their deadlines), provincial
 * calendars derived from VN-GOV that follow its changes, `calendar.manage` scoped by agency
 * (national calendars need a global grant), and bad input refused with nothing written.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import workflow from '@motcua/workflow';
import { CalendarVersion } from '../src/calendars/calendar.entity.js';
import { expectOk, expectRefused, expectRefusedWithoutWrites, GQL, rowsWrittenBy } from './support.js';

const PROVINCE = '000.00.00.H56';
const JUSTICE = '000.00.10.H56'; // Sở Tư pháp
const JUSTICE_UNIT = '000.02.10.H56'; // Phòng Hành chính tư pháp, under Sở Tư pháp

describe('calendars', () => {
  let t: TestApp;
  let admin: string;
  let quantri: string;
  let agency: (code: string) => string;
  const clock = new FixedClock(new Date('2026-11-26T09:00:00+07:00'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    [admin, quantri] = [await t.login('admin'), await t.login('quantri')];
    const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
    const ids = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
    agency = (code) => ids.get(code)!;
  });
  afterAll(() => t.close());

  const calendar = async (id: string, version?: number) => expectOk(await t.gql(GQL.calendar, { id, version }), `calendar ${id}`).calendar;
  const create = async (input: Record<string, unknown>, token = admin) => expectOk(await t.gql(GQL.createCalendar, { input }, { token }), `create ${input.code}`).createCalendar.calendar;
  const setDays = async (input: Record<string, unknown>, token = admin) => expectOk(await t.gql(GQL.setCalendarDays, { input }, { token }), 'setCalendarDays').setCalendarDays.calendar;
  const dueOn = async (calendarId: string, calendarVersion?: number) => expectOk(await t.gql(GQL.deadlinePreview, {
    input: { calendarId, calendarVersion, start: '2027-04-29T07:00:00+07:00', limit: { value: 1, unit: 'WORKING_DAYS' } },
  })).deadlinePreview.dueAt;

  describe('the national calendar VN-GOV', () => {
    it('is seeded with the 2025 and 2026 days and their sources, readable without signing in', async () => {
      const vnGov = await calendar('VN-GOV');
      expect(vnGov).toMatchObject({
        code: 'VN-GOV', agencyId: null, baseCalendarId: null, version: 1, timezone: 'Asia/Ho_Chi_Minh', standardDayMinutes: 480,
        weekendDays: ['SATURDAY', 'SUNDAY'], workingPeriods: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
      });
      expect(vnGov.days.filter((d: { date: string }) => d.date.startsWith('2025'))).toHaveLength(13);
      expect(vnGov.days.filter((d: { date: string }) => d.date.startsWith('2026'))).toHaveLength(16);
      expect(vnGov.days).toEqual(expect.arrayContaining([
        { date: '2025-04-26', weekday: 'SATURDAY', kind: 'WORKING_DAY', note: 'Làm bù cho ngày nghỉ thứ Sáu 02/05/2025', source: expect.stringMatching(/Hoán đổi/), inherited: false },
        { date: '2025-05-02', weekday: 'FRIDAY', kind: 'DAY_OFF', note: expect.any(String), source: expect.any(String), inherited: false },
        { date: '2026-11-24', weekday: 'TUESDAY', kind: 'HOLIDAY', note: 'Ngày Văn hóa Việt Nam', source: expect.stringMatching(/28\/2026\/QH16/), inherited: false },
      ]));
      expect(vnGov.versions).toEqual([{ number: 1, change: 'seed', baseVersion: null, actorId: null, createdAt: '2026-11-26T09:00:00+07:00' }]);
      const { calendars } = expectOk(await t.gql(GQL.calendars));
      expect(calendars.nodes).toContainEqual({ code: 'VN-GOV', version: 1 });
    });

    it('seeding again writes nothing; a release with new national days adds them as one version, never re-adding removed days', async () => {
      const seed = () => t.app.orm.em.fork().transactional((em) => workflow.seed!({ em, clock, log: t.app.log, demo: false }));
      expect((await rowsWrittenBy(t, seed)).written).toEqual({});
      // An installation seeded by an older release: VN-GOV without 2026.
      const em = t.app.orm.em.fork();
      const first = await em.findOneOrFail(CalendarVersion, { calendar: { code: 'VN-GOV' }, number: 1 });
      first.rules = { ...first.rules, days: first.rules.days.filter((day) => !day.date.startsWith('2026')) };
      await em.flush();
      expect((await rowsWrittenBy(t, seed)).written).toEqual({ workflow_calendar_version: 1, kernel_outbox: 1 });
      const vnGov = await calendar('VN-GOV');
      expect(vnGov.versions[0]).toMatchObject({ number: 2, change: expect.stringMatching(/^seed: \+2026-01-01 HOLIDAY, \+2026-01-02 DAY_OFF/) });
      expect(vnGov.days).toHaveLength(29);
      expect((await calendar('VN-GOV', 1)).days).toHaveLength(13);
    });
  });

  describe('versions and derived calendars', () => {
    let province: { id: string };

    beforeAll(async () => {
      province = await create({
        code: 'TH', name: 'Lịch làm việc tỉnh Thanh Hóa', agencyId: agency(PROVINCE), baseCalendarId: 'VN-GOV',
        workingPeriods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }],
      });
    });

    it('a derived calendar inherits the base days and has its own hours', async () => {
      const th = await calendar('TH');
      expect(th).toMatchObject({ version: 1, baseCalendarId: expect.any(String), standardDayMinutes: 480, timezone: 'Asia/Ho_Chi_Minh', agencyId: agency(PROVINCE) });
      expect(th.days.every((day: { inherited: boolean }) => day.inherited)).toBe(true);
      expect(th.days.map((day: { date: string }) => day.date)).toEqual((await calendar('VN-GOV')).days.map((day: { date: string }) => day.date));
    });

    it('a change to VN-GOV is a new version there and in the calendars derived from it; old versions keep their deadlines', async () => {
      const vnGovBefore = (await calendar('VN-GOV')).version;
      expect(await dueOn('VN-GOV')).toBe('2027-04-29T17:00:00+07:00');
      const { written } = await rowsWrittenBy(t, () => setDays({
        calendarId: 'VN-GOV', version: vnGovBefore,
        days: [{ date: '2027-04-30', kind: 'HOLIDAY', note: 'Ngày Chiến thắng (30/4)', source: 'Bộ luật Lao động 2019' }, { date: '2027-04-29', kind: 'DAY_OFF', note: 'Thử nghiệm' }],
      }));
      expect(written, 'a version of VN-GOV and one of TH, their events, one audit record').toEqual({ workflow_calendar_version: 2, kernel_audit: 1, kernel_outbox: 2 });
      expect(await dueOn('VN-GOV')).toBe('2027-05-03T17:00:00+07:00');
      expect(await dueOn('VN-GOV', vnGovBefore)).toBe('2027-04-29T17:00:00+07:00');
      const th = await calendar('TH');
      expect(th.version).toBe(2);
      expect(th.versions[0]).toMatchObject({ number: 2, change: 'VN-GOV v3: days: +2027-04-30 HOLIDAY, +2027-04-29 DAY_OFF', baseVersion: 3 });
      expect(th.days).toContainEqual(expect.objectContaining({ date: '2027-04-30', kind: 'HOLIDAY', inherited: true }));
      expect(await dueOn('TH')).toBe('2027-05-03T17:30:00+07:00');
    });

    it("a province's own day overrides the base on that date and survives the base's later changes", async () => {
      await setDays({ calendarId: 'TH', days: [{ date: '2027-04-29', kind: 'HOLIDAY', note: 'Ngày giải phóng tỉnh (giả định)' }] });
      await setDays({ calendarId: 'VN-GOV', removeDates: ['2027-04-29'] });
      const th = await calendar('TH');
      expect(th.days.filter((day: { date: string }) => day.date === '2027-04-29')).toEqual([
        { date: '2027-04-29', weekday: 'THURSDAY', kind: 'HOLIDAY', note: 'Ngày giải phóng tỉnh (giả định)', source: null, inherited: false },
      ]);
      expect(await dueOn('VN-GOV')).toBe('2027-04-29T17:00:00+07:00');
      expect(await dueOn('TH')).toBe('2027-05-03T17:30:00+07:00');
    });

    it('editing the hours writes a new version; previews on the old version keep the old hours', async () => {
      const { version } = await calendar('TH');
      const updated = expectOk(await t.gql(GQL.updateCalendar, {
        input: { id: province.id, version, name: 'Lịch tỉnh Thanh Hóa', workingPeriods: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] },
      }, { token: admin })).updateCalendar.calendar;
      expect(updated).toMatchObject({ version: version + 1, name: 'Lịch tỉnh Thanh Hóa', workingPeriods: [{ start: '07:00', end: '11:00' }, { start: '13:00', end: '17:00' }] });
      expect(await dueOn('TH')).toBe('2027-05-03T17:00:00+07:00');
      expect(await dueOn('TH', version)).toBe('2027-05-03T17:30:00+07:00');
    });

    it('refuses edits based on a version someone else already changed', async () => {
      await expectRefusedWithoutWrites(t, 'STALE_VERSION', 'stale setCalendarDays', () =>
        t.gql(GQL.setCalendarDays, { input: { calendarId: 'TH', version: 1, days: [{ date: '2027-05-04', kind: 'HOLIDAY' }] } }, { token: admin }));
      await expectRefusedWithoutWrites(t, 'STALE_VERSION', 'stale updateCalendar', () =>
        t.gql(GQL.updateCalendar, { input: { id: province.id, version: 1, name: 'x' } }, { token: admin }));
    });
  });

  describe('who may manage calendars', () => {
    const input = (code: string, agencyCode: string | null) => ({ code, name: `Lịch ${code}`, agencyId: agencyCode && agency(agencyCode) });

    it('nobody without calendar.manage, and nobody anonymous', async () => {
      await expectRefusedWithoutWrites(t, 'UNAUTHENTICATED', 'anonymous', () => t.gql(GQL.createCalendar, { input: input('ANON', JUSTICE) }));
      const leader = await t.login('giamdoc');
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'agency leader without calendar.manage', () =>
        t.gql(GQL.createCalendar, { input: input('STP', JUSTICE) }, { token: leader }));
    });

    it('the agency administrator template carries calendar.manage over Sở Tư pháp and its subtree: its calendars and its units\', not the province\'s, not national ones', async () => {
      const { me } = expectOk(await t.gql('{ me { grants { permission unitId includeSubtree } } }', {}, { token: quantri }));
      expect(me.grants).toContainEqual({ permission: 'calendar.manage', unitId: agency(JUSTICE), includeSubtree: true });

      const own = await create(input('STP', JUSTICE), quantri);
      expect(own.agencyId).toBe(agency(JUSTICE));
      await create(input('STP-HCTP', JUSTICE_UNIT), quantri);
      await setDays({ calendarId: 'STP', days: [{ date: '2027-01-04', kind: 'DAY_OFF' }] }, quantri);
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'province calendar', () => t.gql(GQL.createCalendar, { input: input('TH-2', PROVINCE) }, { token: quantri }));
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'national calendar', () => t.gql(GQL.createCalendar, { input: input('VN-2', null) }, { token: quantri }));
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'VN-GOV days', () =>
        t.gql(GQL.setCalendarDays, { input: { calendarId: 'VN-GOV', days: [{ date: '2027-01-04', kind: 'DAY_OFF' }] } }, { token: quantri }));
      const { calendars } = expectOk(await t.gql(GQL.calendars, { filter: { agencyId: agency(JUSTICE) } }));
      expect(calendars).toEqual({ totalCount: 1, nodes: [{ code: 'STP', version: 2 }] });
    });
  });

  describe('bad input is refused with a typed bilingual error and writes nothing', () => {
    const attempt = (mutation: string, input: Record<string, unknown>) => () => t.gql(mutation, { input }, { token: admin });

    it.each([
      ['a code with spaces', GQL.createCalendar, { code: 'lich moi', name: 'x' }, 'BAD_USER_INPUT', 'code'],
      ['a code in use', GQL.createCalendar, { code: 'VN-GOV', name: 'x' }, 'CONFLICT', 'code'],
      ['an empty name', GQL.createCalendar, { code: 'EMPTY', name: '  ' }, 'BAD_USER_INPUT', 'name'],
      ['an unknown time zone', GQL.createCalendar, { code: 'TZ', name: 'x', timezone: 'Asia/Saigon_City' }, 'BAD_USER_INPUT', 'timezone'],
      ['a bad time', GQL.createCalendar, { code: 'T1', name: 'x', workingPeriods: [{ start: '7h', end: '11:30' }] }, 'BAD_USER_INPUT', 'workingPeriods'],
      ['overlapping periods', GQL.createCalendar, { code: 'T2', name: 'x', workingPeriods: [{ start: '07:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }, 'BAD_USER_INPUT', 'workingPeriods'],
      ['a seven-day weekend', GQL.createCalendar, { code: 'T3', name: 'x', weekendDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] }, 'BAD_USER_INPUT', 'weekendDays'],
      ['an unknown agency', GQL.createCalendar, { code: 'T4', name: 'x', agencyId: '0190a1b2-0000-7000-8000-000000000000' }, 'NOT_FOUND', undefined],
      ['an unknown base calendar', GQL.createCalendar, { code: 'T5', name: 'x', baseCalendarId: 'VN-XYZ' }, 'NOT_FOUND', undefined],
      ['a malformed date', GQL.setCalendarDays, { calendarId: 'VN-GOV', days: [{ date: '2027-4-30', kind: 'HOLIDAY' }] }, 'BAD_USER_INPUT', 'days'],
      ['a date that does not exist', GQL.setCalendarDays, { calendarId: 'VN-GOV', days: [{ date: '2027-02-29', kind: 'HOLIDAY' }] }, 'BAD_USER_INPUT', 'days'],
      ['a working day on a weekday', GQL.setCalendarDays, { calendarId: 'VN-GOV', days: [{ date: '2027-05-04', kind: 'WORKING_DAY' }] }, 'BAD_USER_INPUT', 'days'],
      ['a holiday on a Sunday', GQL.setCalendarDays, { calendarId: 'VN-GOV', days: [{ date: '2027-05-02', kind: 'HOLIDAY' }] }, 'BAD_USER_INPUT', 'days'],
      ['the same date twice', GQL.setCalendarDays, { calendarId: 'VN-GOV', days: [{ date: '2027-05-04', kind: 'HOLIDAY' }, { date: '2027-05-04', kind: 'DAY_OFF' }] }, 'BAD_USER_INPUT', 'days'],
      ['removing a day the calendar does not set', GQL.setCalendarDays, { calendarId: 'TH', removeDates: ['2025-04-30'] }, 'BAD_USER_INPUT', 'removeDates'],
      ['nothing to change', GQL.setCalendarDays, { calendarId: 'VN-GOV', days: [] }, 'BAD_USER_INPUT', 'days'],
      ['an unknown calendar', GQL.setCalendarDays, { calendarId: 'VN-XYZ', days: [{ date: '2027-05-04', kind: 'HOLIDAY' }] }, 'NOT_FOUND', undefined],
    ])('%s', async (_name, mutation, input, code, field) => {
      const error = await expectRefusedWithoutWrites(t, code, String(_name), attempt(mutation, input));
      expect(error.extensions.details?.field).toBe(field);
    });

    it('a weekend change that would strand a swapped working day', async () => {
      const { version } = await calendar('VN-GOV');
      const { id } = await calendar('VN-GOV');
      const error = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'weekend', attempt(GQL.updateCalendar, { id, version, weekendDays: ['SUNDAY'] }));
      expect(error.extensions.messages.en).toMatch(/2025-04-26 is not a weekend day/);
      expectRefused(await t.gql(GQL.updateCalendar, { input: { id, version } }, { token: admin }), 'BAD_USER_INPUT');
    });
  });
});
