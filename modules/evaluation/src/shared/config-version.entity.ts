import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** The kinds of versioned evaluation configuration. */
export type ConfigKind = 'QUESTIONNAIRE' | 'INDEX_766' | 'PETITION_LIMITS';

/**
 * One immutable version of a piece of evaluation configuration (the questionnaire, the 766
 * formula table): what the law may change is data, replaced by writing a new version with an
 * effective date. A dossier or a period is judged by the version in force on its day.
 */
@Entity({ tableName: 'evaluation_config_version' })
@Unique({ properties: ['kind', 'number'] })
export class ConfigVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 20 })
  kind!: ConfigKind;

  @Property()
  number!: number;

  /** First local day (`YYYY-MM-DD`) the version applies to. */
  @Property({ length: 10 })
  effectiveFrom!: string;

  @Property({ type: 'json' })
  config!: unknown;

  /** Why it was written, e.g. `seed` or the decision that changed the criteria. */
  @Property({ length: 1000 })
  change!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
