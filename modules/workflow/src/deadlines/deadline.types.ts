import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TimeLimitUnit, Timeliness } from '../clock/deadline.js';
import { PauseReason } from '../clock/ledger.js';
import { DateTimeScalar, type ZonedDateTime } from '../shared/date-time.scalar.js';

registerEnumType(TimeLimitUnit, {
  name: 'TimeLimitUnit',
  description: 'How a time limit is stated.',
  valuesConfig: {
    WORKING_HOURS: { description: 'Giờ làm việc: n hours of working time (fractions allowed).' },
    WORKING_DAYS: { description: "Ngày làm việc: n × the calendar's standard working day (8 h by default; fractions allowed)." },
    CALENDAR_DAYS: { description: 'Ngày (lịch): the close of the n-th calendar day after the receipt date, or of the next working day.' },
    SAME_DAY: { description: 'Giải quyết trong ngày: the close of the day if the clock starts before 15:00, else of the next working day. Value 1.' },
  },
});

registerEnumType(Timeliness, {
  name: 'Timeliness',
  description: 'Early, on time or late, judged by date for day-based units and to the minute for WORKING_HOURS.',
  valuesConfig: {
    EARLY: { description: 'Trước hạn.' },
    ON_TIME: { description: 'Đúng hạn.' },
    LATE: { description: 'Trễ hạn (quá hạn).' },
  },
});

registerEnumType(PauseReason, {
  name: 'PauseReason',
  description: 'Why the statutory clock stopped.',
  valuesConfig: {
    SUPPLEMENT_REQUESTED: { description: 'Yêu cầu bổ sung, hoàn thiện hồ sơ.' },
    FINANCIAL_OBLIGATION: { description: 'Chờ thực hiện nghĩa vụ tài chính.' },
    WAITING_FOR_APPLICANT: { description: 'Chờ người nộp hồ sơ.' },
  },
});

@InputType({ description: 'A time limit, e.g. `{ value: 5, unit: WORKING_DAYS }`.' })
export class TimeLimitInput {
  @Field(() => Float)
  value!: number;

  @Field(() => TimeLimitUnit)
  unit!: TimeLimitUnit;
}

@InputType({ description: 'A stop of the clock; pauses are given in time order and must not overlap.' })
export class PauseInput {
  @Field(() => DateTimeScalar)
  from!: Date;

  @Field(() => DateTimeScalar)
  to!: Date;

  @Field(() => PauseReason, { defaultValue: PauseReason.SUPPLEMENT_REQUESTED })
  reason!: PauseReason;
}

@InputType({ description: 'The apology and new appointment (Mẫu 04): a new due instant, once.' })
export class ExtensionInput {
  @Field(() => DateTimeScalar, { description: 'When the apology was issued.' })
  requestedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'The new appointment.' })
  dueAt!: Date;

  @Field({ nullable: true })
  reason?: string;
}

@InputType({ description: 'A hypothetical dossier clock to compute.' })
export class DeadlinePreviewInput {
  @Field(() => ID, { description: 'Calendar id or code, e.g. `VN-GOV`.' })
  calendarId!: string;

  @Field(() => Int, { nullable: true, description: 'A past version of the calendar; the current one by default.' })
  calendarVersion?: number;

  @Field(() => DateTimeScalar, { description: 'Receipt of the complete dossier (ngày tiếp nhận).' })
  start!: Date;

  @Field(() => TimeLimitInput)
  limit!: TimeLimitInput;

  @Field(() => [PauseInput], { nullable: true })
  pauses?: PauseInput[];

  @Field(() => ExtensionInput, { nullable: true })
  extension?: ExtensionInput;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When processing ended; gives `timeliness` and `consumedWorkingMinutes`.' })
  end?: Date;
}

@ObjectType({ description: 'A computed deadline with its explanation, line by line.' })
export class DeadlinePreview {
  @Field(() => ID)
  calendarId!: string;

  @Field(() => Int, { description: 'The calendar version used; a dossier records it and keeps it.' })
  calendarVersion!: number;

  @Field(() => DateTimeScalar, { description: 'The receipt moved forward into working time.' })
  effectiveStart!: ZonedDateTime;

  @Field(() => DateTimeScalar, { description: 'The appointment: the extension if one was given, else `statutoryDueAt`.' })
  dueAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { description: 'Budget plus pauses; timeliness is judged against it (never against an extension).' })
  statutoryDueAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { description: 'The due instant at receipt, before pauses and extension.' })
  originalDueAt!: ZonedDateTime;

  @Field(() => Float, { nullable: true, description: 'Working-time budget in minutes; null for CALENDAR_DAYS.' })
  budgetMinutes!: number | null;

  @Field(() => Timeliness, { nullable: true, description: 'When `end` was given.' })
  timeliness!: Timeliness | null;

  @Field(() => Int, { nullable: true, description: 'Working minutes from the effective start to `end`, pauses left out (when `end` was given).' })
  consumedWorkingMinutes!: number | null;

  @Field(() => [String], { description: 'How the due instant was reached, one line per step, in the language of the request (`Accept-Language`).' })
  explanation!: string[];
}
