import { Connection } from '@motcua/kernel/contract';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDayKind, type CalendarRules } from '../clock/calendar.js';
import { DateTimeScalar, ZonedDateTime } from '../shared/date-time.scalar.js';

/** Days of the week, numbered as ISO 8601 does (Monday = 1). */
export enum Weekday {
  MONDAY = 1,
  TUESDAY = 2,
  WEDNESDAY = 3,
  THURSDAY = 4,
  FRIDAY = 5,
  SATURDAY = 6,
  SUNDAY = 7,
}
registerEnumType(Weekday, { name: 'Weekday', description: 'A day of the week.' });

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'A dated exception to the weekly pattern (one-stop-domain §6.2).',
  valuesConfig: {
    HOLIDAY: { description: 'Ngày nghỉ lễ, tết hoặc nghỉ bù: a weekday off by law, or a make-up day.' },
    DAY_OFF: { description: 'Ngày nghỉ hoán đổi: a weekday swapped off.' },
    WORKING_DAY: { description: 'Ngày làm việc hoán đổi: a weekend day worked, with the standard working periods.' },
  },
});

@ObjectType('WorkingPeriod', { description: 'A working period of the day, local time, start included and end excluded.' })
export class WorkingPeriodNode {
  @Field({ description: 'Start, `HH:MM`.' })
  start!: string;

  @Field({ description: 'End, `HH:MM` (`24:00` allowed).' })
  end!: string;
}

@ObjectType('CalendarDay', { description: 'A dated exception of a calendar.' })
export class CalendarDayNode {
  @Field({ description: 'Local date, `YYYY-MM-DD`.' })
  date!: string;

  @Field(() => Weekday)
  weekday!: Weekday;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field(() => String, { nullable: true, description: 'What the day is, e.g. "Giỗ Tổ Hùng Vương (10/3 âm lịch)".' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the rule comes from (law, notice).' })
  source!: string | null;

  @Field({ description: 'True when the day comes from the base calendar.' })
  inherited!: boolean;
}

@ObjectType('CalendarVersionInfo', { description: 'One version of a calendar: each change writes one; deadlines record the one they used.' })
export class CalendarVersionNode {
  @Field(() => Int)
  number!: number;

  @Field({ description: 'What changed.' })
  change!: string;

  @Field(() => Int, { nullable: true, description: "The base calendar's version the inherited days come from." })
  baseVersion!: number | null;

  @Field(() => ID, { nullable: true, description: 'Who changed it; null for the built-in seed.' })
  actorId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: ZonedDateTime;
}

@ObjectType('Calendar', {
  description: 'A working calendar (lịch làm việc): time zone, working periods, weekend days and dated exceptions, versioned.',
})
export class CalendarNode {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable code, e.g. `VN-GOV`; accepted in place of the id by `deadlinePreview`.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Owning agency; null for a national calendar.' })
  agencyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The calendar this one derives its dated exceptions from.' })
  baseCalendarId!: string | null;

  @Field(() => Int, { description: 'The version shown (the current one unless another was asked for); send the current one back when editing.' })
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: ZonedDateTime;

  @Field(() => DateTimeScalar)
  updatedAt!: ZonedDateTime;

  /** The rules of the version shown; exposed through field resolvers. */
  rules!: CalendarRules;
}

@ObjectType()
export class CalendarConnection extends Connection(CalendarNode, 'Calendar') {}

@InputType({ description: 'Filters for the calendars list.' })
export class CalendarFilter {
  @Field(() => ID, { nullable: true, description: 'Only the calendars of this agency.' })
  agencyId?: string;
}

@InputType({ description: 'A working period, local time `HH:MM`.' })
export class WorkingPeriodInput {
  @Field()
  start!: string;

  @Field()
  end!: string;
}

@InputType({ description: 'A new calendar. Omitted rules come from the base calendar, else the national defaults.' })
export class CreateCalendarInput {
  @Field({ description: 'Unique code: letters, digits, `.`, `-`, `_` (2–50).' })
  code!: string;

  @Field()
  name!: string;

  @Field({ nullable: true, description: 'IANA time zone; default `Asia/Ho_Chi_Minh`.' })
  timezone?: string;

  @Field(() => [WorkingPeriodInput], { nullable: true, description: 'Default 07:00–11:30 and 13:30–17:00.' })
  workingPeriods?: WorkingPeriodInput[];

  @Field(() => [Weekday], { nullable: true, description: 'Default Saturday and Sunday.' })
  weekendDays?: Weekday[];

  @Field(() => ID, { nullable: true, description: 'Owning agency; omit for a national calendar (system administrators only).' })
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Derive from this calendar: inherit its dated exceptions, now and as they change.' })
  baseCalendarId?: string;
}

@InputType({ description: 'Changes to a calendar; omitted fields stay as they are. Writes a new version.' })
export class UpdateCalendarInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you edited; a newer one is a STALE_VERSION error.' })
  version!: number;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  timezone?: string;

  @Field(() => [WorkingPeriodInput], { nullable: true })
  workingPeriods?: WorkingPeriodInput[];

  @Field(() => [Weekday], { nullable: true })
  weekendDays?: Weekday[];
}

@InputType({ description: 'A dated exception to set.' })
export class CalendarDayInput {
  @Field({ description: '`YYYY-MM-DD`.' })
  date!: string;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field({ nullable: true })
  note?: string;

  @Field({ nullable: true, description: 'Where the rule comes from, e.g. "Thông báo 9441/TB-BNV".' })
  source?: string;
}

@InputType({ description: "Sets (adds or replaces) and removes a calendar's own dated exceptions. Writes a new version." })
export class SetCalendarDaysInput {
  @Field(() => ID)
  calendarId!: string;

  @Field(() => Int, { nullable: true, description: 'When given, the version you edited (STALE_VERSION if the calendar has moved on).' })
  version?: number;

  @Field(() => [CalendarDayInput], { defaultValue: [] })
  days!: CalendarDayInput[];

  @Field(() => [String], { nullable: true, description: "Dates (`YYYY-MM-DD`) of the calendar's own exceptions to remove." })
  removeDates?: string[];
}

@ObjectType()
export class CalendarPayload {
  @Field(() => CalendarNode)
  calendar!: CalendarNode;
}
