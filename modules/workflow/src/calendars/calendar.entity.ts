import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import type { CalendarRules } from '../clock/calendar.js';

/**
 * A working calendar: time zone, working periods, weekend days and dated exceptions. The
 * rules live in versions; `version` is the number of the current one. A change bumps it and
 * writes the matching {@link CalendarVersion}, whose unique (calendar, number) key makes a
 * concurrent change fail instead of forking the history. A derived calendar (a province's)
 * names its `base` and inherits the base's dated exceptions.
 */
@Entity({ tableName: 'workflow_calendar' })
export class Calendar {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Stable code, e.g. `VN-GOV`; the deadline preview accepts it in place of the id. */
  @Property({ length: 50 })
  @Unique()
  code!: string;

  @Property({ length: 300 })
  name!: string;

  /** The owning agency (identity module, by id); null for a national calendar. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  agencyId?: string | null;

  @ManyToOne(() => Calendar, { ref: true, nullable: true, deleteRule: 'restrict' })
  @Index()
  base?: Ref<Calendar> | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  /** Number of the current version. */
  @Property()
  version!: number;
}

/** One version of a calendar's rules, immutable once written. Clocks record the number they used. */
@Entity({ tableName: 'workflow_calendar_version' })
@Unique({ properties: ['calendar', 'number'] })
export class CalendarVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Calendar, { ref: true, deleteRule: 'cascade' })
  calendar!: Ref<Calendar>;

  @Property()
  number!: number;

  /** The effective rules: zone, periods (minutes), weekend days and every dated exception, inherited ones flagged. */
  @Property({ type: 'json' })
  rules!: CalendarRules;

  /** The base calendar's version the inherited days come from. */
  @Property({ type: 'integer', nullable: true })
  baseVersion?: number | null;

  /** What this version changed, e.g. `days: +2025-04-26, -2025-05-02`. */
  @Property({ length: 1000 })
  change!: string;

  /** Who made the change (for an inherited change, who changed the base); null for the seed. */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
