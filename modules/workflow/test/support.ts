/**
 * Helpers of the workflow integration tests: typed refusals, row counts around an operation,
 * and the GraphQL documents the tests send.
 */
import { expectOk, expectRefused, writeCounter } from '@motcua/server/testing';

export { expectOk, expectRefused };

/** Every table a workflow operation writes to. */
export const { rowsWrittenBy, expectRefusedWithoutWrites } = writeCounter(['workflow_calendar', 'workflow_calendar_version', 'kernel_audit', 'kernel_outbox']);

const CALENDAR_FIELDS = `id code name agencyId baseCalendarId version timezone standardDayMinutes weekendDays
  workingPeriods { start end } days { date weekday kind note source inherited }`;

export const GQL = {
  calendar: `query($id: ID!, $version: Int) { calendar(id: $id, version: $version) { ${CALENDAR_FIELDS} versions { number change baseVersion actorId createdAt } } }`,
  calendars: `query($filter: CalendarFilter) { calendars(filter: $filter, limit: 100) { totalCount nodes { code version } } }`,
  createCalendar: `mutation($input: CreateCalendarInput!) { createCalendar(input: $input) { calendar { ${CALENDAR_FIELDS} createdAt } } }`,
  updateCalendar: `mutation($input: UpdateCalendarInput!) { updateCalendar(input: $input) { calendar { ${CALENDAR_FIELDS} } } }`,
  setCalendarDays: `mutation($input: SetCalendarDaysInput!) { setCalendarDays(input: $input) { calendar { ${CALENDAR_FIELDS} } } }`,
  deadlinePreview: `query($input: DeadlinePreviewInput!) { deadlinePreview(input: $input) {
    calendarId calendarVersion effectiveStart dueAt statutoryDueAt originalDueAt budgetMinutes timeliness consumedWorkingMinutes explanation } }`,
};
