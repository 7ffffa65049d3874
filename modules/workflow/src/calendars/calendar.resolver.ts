import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { formatClockTime } from '../clock/calendar.js';
import { isoDay, weekdayOf } from '../clock/zone.js';
import { listCalendars, readCalendar, versionsLoader } from './calendar.read.js';
import { createCalendar, setCalendarDays, updateCalendar } from './calendar.service.js';
import {
  CalendarConnection, CalendarDayNode, CalendarFilter, CalendarNode, CalendarPayload, CalendarVersionNode, CreateCalendarInput,
  SetCalendarDaysInput, UpdateCalendarInput, Weekday, WorkingPeriodNode,
} from './calendar.types.js';

/** Working calendars: public to read (portals show expected return dates), scoped to change. */
@Resolver(() => CalendarNode)
export class CalendarResolver {
  @Query(() => CalendarConnection, { description: 'Working calendars, by code. Public. Example: `calendars { nodes { code name version } }`.' })
  calendars(
    @Args() page: PageArgs,
    @Arg('filter', () => CalendarFilter, { nullable: true }) filter: CalendarFilter | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return listCalendars(ctx, page, filter);
  }

  @Query(() => CalendarNode, {
    description: 'One calendar by id or code (e.g. `VN-GOV`), at its current version or at `version`. Public. Example: `calendar(id: "VN-GOV") { days(year: 2025) { date kind note } }`.',
  })
  calendar(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true }) version: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarNode> {
    return readCalendar(ctx, id, version);
  }

  @FieldResolver(() => String, { description: 'IANA time zone, e.g. `Asia/Ho_Chi_Minh`.' })
  timezone(@Root() calendar: CalendarNode): string {
    return calendar.rules.timezone;
  }

  @FieldResolver(() => [WorkingPeriodNode], { description: 'Working periods of a working day, in order.' })
  workingPeriods(@Root() calendar: CalendarNode): WorkingPeriodNode[] {
    return calendar.rules.workingPeriods.map((p) => ({ start: formatClockTime(p.start), end: formatClockTime(p.end) }));
  }

  @FieldResolver(() => [Weekday], { description: 'Weekly rest days.' })
  weekendDays(@Root() calendar: CalendarNode): Weekday[] {
    return [...calendar.rules.weekendDays];
  }

  @FieldResolver(() => Int, { description: 'Length of a standard working day in minutes (the sum of the periods; 480 by default).' })
  standardDayMinutes(@Root() calendar: CalendarNode): number {
    return calendar.rules.workingPeriods.reduce((sum, p) => sum + p.end - p.start, 0);
  }

  @FieldResolver(() => [CalendarDayNode], { description: 'Dated exceptions (holidays, swaps), by date; optionally of one year.' })
  days(@Root() calendar: CalendarNode, @Arg('year', () => Int, { nullable: true }) year: number | undefined): CalendarDayNode[] {
    return calendar.rules.days
      .filter((day) => !year || day.date.startsWith(`${year}-`))
      .map((day) => ({ ...day, weekday: weekdayOf(isoDay(day.date)) as number as Weekday }));
  }

  @FieldResolver(() => [CalendarVersionNode], { description: 'Every version, newest first.' })
  versions(@Root() calendar: CalendarNode, @Ctx() ctx: RequestContext): Promise<CalendarVersionNode[]> {
    return versionsLoader(ctx).load(calendar.id);
  }

  @Mutation(() => CalendarPayload, { description: 'Creates a calendar, optionally derived from a base calendar (`calendar.manage` over the agency; global for a national one).' })
  async createCalendar(@Arg('input') input: CreateCalendarInput, @Ctx() ctx: RequestContext): Promise<CalendarPayload> {
    return { calendar: await createCalendar(ctx, input) };
  }

  @Mutation(() => CalendarPayload, { description: "Edits a calendar's name, time zone, working periods or weekend days, as a new version." })
  async updateCalendar(@Arg('input') input: UpdateCalendarInput, @Ctx() ctx: RequestContext): Promise<CalendarPayload> {
    return { calendar: await updateCalendar(ctx, input) };
  }

  @Mutation(() => CalendarPayload, {
    description: 'Sets and removes dated exceptions (holidays, swapped days) as a new version; calendars derived from this one follow. Deadlines already computed keep their version.',
  })
  async setCalendarDays(@Arg('input') input: SetCalendarDaysInput, @Ctx() ctx: RequestContext): Promise<CalendarPayload> {
    return { calendar: await setCalendarDays(ctx, input) };
  }
}
