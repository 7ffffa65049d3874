import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@motcua/kernel/contract';
import { previewClock } from '../clock/preview.js';
import { loadCalendarSnapshot } from '../calendars/calendar.read.js';
import { ZonedDateTime } from '../shared/date-time.scalar.js';
import { DeadlinePreview, DeadlinePreviewInput } from './deadline.types.js';

/** The statutory clock as a public calculator: citizen portals show expected return dates. */
@Resolver()
export class DeadlineResolver {
  @Query(() => DeadlinePreview, {
    description: 'Computes a due date on a calendar, with pauses, an extension and an end, and explains it line by line. Public. '
      + 'Example: `deadlinePreview(input: { calendarId: "VN-GOV", start: "2025-04-24T10:15:00+07:00", limit: { value: 5, unit: WORKING_DAYS } }) { dueAt explanation }`.',
  })
  async deadlinePreview(@Arg('input') input: DeadlinePreviewInput, @Ctx() ctx: RequestContext): Promise<DeadlinePreview> {
    const calendar = await loadCalendarSnapshot(ctx.em, input.calendarId, input.calendarVersion);
    const { ledger, timeliness, consumedMinutes, explanation } = previewClock(calendar, input);
    const zoned = (instant: Date) => new ZonedDateTime(instant, calendar.timezone);
    return {
      calendarId: calendar.calendarId!, calendarVersion: calendar.version,
      effectiveStart: zoned(ledger.effectiveStart), dueAt: zoned(ledger.dueAt!), statutoryDueAt: zoned(ledger.statutoryDueAt!),
      originalDueAt: zoned(ledger.originalDueAt), budgetMinutes: ledger.budgetMinutes, timeliness,
      consumedWorkingMinutes: consumedMinutes === null ? null : Math.round(consumedMinutes),
      explanation: explanation.map((line) => line[ctx.lang]),
    };
  }
}
