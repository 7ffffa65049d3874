/**
 * Helpers of the workflow integration tests: typed refusals, row counts around an operation,
 * and the GraphQL documents the tests send.
 */
import { expect } from 'vitest';
import type { GraphqlResult, TestApp } from '@motcua/server/testing';

/** Asserts the operation succeeded and returns its data. */
export function expectOk<T = any>(result: GraphqlResult<T>, label = 'operation'): T {
  expect(result.errors, `${label} failed: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data as T;
}

/** Asserts exactly one error with `code`, messages in Vietnamese and English, and returns it. */
export function expectRefused(result: GraphqlResult, code: string, label = 'operation'): NonNullable<GraphqlResult['errors']>[number] {
  const codes = result.errors?.map((error) => error.extensions.code);
  expect(codes, `${label}: expected ${code}, got ${JSON.stringify(result.errors ?? result.data)}`).toEqual([code]);
  const [error] = result.errors!;
  expect(error.extensions.messages.vi, `${label}: Vietnamese message`).toMatch(/[À-ỹ]/);
  expect(error.extensions.messages.en, `${label}: English message`).toMatch(/\w/);
  return error;
}

/** Every table a workflow operation writes to. */
const TABLES = ['workflow_calendar', 'workflow_calendar_version', 'kernel_audit', 'kernel_outbox'];

/** Runs `action` and reports the rows each table gained (unchanged tables left out). */
export async function rowsWrittenBy<T>(t: TestApp, action: () => Promise<T>): Promise<{ result: T; written: Record<string, number> }> {
  const before = await t.count(...TABLES);
  const result = await action();
  const after = await t.count(...TABLES);
  return { result, written: Object.fromEntries(TABLES.filter((table) => after[table] !== before[table]).map((table) => [table, after[table] - before[table]])) };
}

/** Runs an operation that must be refused with `code` and write nothing; returns the error. */
export async function expectRefusedWithoutWrites(t: TestApp, code: string, label: string, action: () => Promise<GraphqlResult>) {
  const { result, written } = await rowsWrittenBy(t, action);
  const error = expectRefused(result, code, label);
  expect(written, `${label}: a refused operation wrote rows`).toEqual({});
  return error;
}

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
