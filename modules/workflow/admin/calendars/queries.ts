import { gql } from '@motcua/kernel/admin';

export const CALENDARS = gql`query Calendars($limit: Int) { calendars(limit: $limit) { nodes { id code name agencyId baseCalendarId version timezone } totalCount } }`;

const CALENDAR_FIELDS = `id code name agencyId baseCalendarId version timezone weekendDays standardDayMinutes
  workingPeriods { start end }
  days(year: $year) { date kind note source inherited weekday }
  versions { number change createdAt actorId baseVersion }`;

export const CALENDAR = gql`query Calendar($id: ID!, $year: Int) { calendar(id: $id) { ${CALENDAR_FIELDS} } }`;

export const SET_CALENDAR_DAYS = gql`mutation SetCalendarDays($input: SetCalendarDaysInput!, $year: Int) { setCalendarDays(input: $input) { calendar { ${CALENDAR_FIELDS} } } }`;

export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export type CalendarDayKind = 'HOLIDAY' | 'DAY_OFF' | 'WORKING_DAY';
export const DAY_KINDS: readonly CalendarDayKind[] = ['HOLIDAY', 'DAY_OFF', 'WORKING_DAY'];

export interface CalendarDay { date: string; kind: CalendarDayKind; note: string | null; source: string | null; inherited: boolean; weekday: Weekday }

export interface CalendarListItem { id: string; code: string; name: string; agencyId: string | null; baseCalendarId: string | null; version: number; timezone: string }

export interface CalendarRecord extends CalendarListItem {
  weekendDays: Weekday[];
  standardDayMinutes: number;
  workingPeriods: { start: string; end: string }[];
  days: CalendarDay[];
  versions: { number: number; change: string; createdAt: string; actorId: string | null; baseVersion: number | null }[];
}
