import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * Who rates. The link in the result email, the kiosk at the desk and the applicant's own
 * account are three channels of one rater, the citizen who applied, so they share one type
 * and a dossier is rated once by them whichever channel comes first. `SURVEY` is the other
 * rater type: an independent satisfaction survey (e.g. by the province office) of the same
 * dossier, which does not replace the citizen's own rating.
 */
export type RaterType = 'CITIZEN' | 'SURVEY';
/** How a citizen's rating arrived. */
export type RatingChannel = 'LINK' | 'KIOSK' | 'APPLICANT';

/** One rating of a dossier: the answers to the questionnaire's satisfaction questions and a comment. */
@Entity({ tableName: 'evaluation_rating' })
@Unique({ properties: ['dossierId', 'raterType'] })
export class Rating {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dossierId!: string;

  @Property({ length: 10 })
  raterType!: RaterType;

  @Property({ length: 10 })
  channel!: RatingChannel;

  /** Question code → level 1 (rất không hài lòng) … 5 (rất hài lòng). */
  @Property({ type: 'json' })
  answers!: Record<string, number>;

  /** The level the RATED fact carries: the OVERALL answer, else the rounded mean. */
  @Property()
  satisfaction!: number;

  @Property({ length: 2000, nullable: true })
  comment?: string | null;

  /** The officers who completed the dossier's steps when it was rated (the rating is about their work). */
  @Property({ type: 'json' })
  officerIds!: string[];

  /** The kiosk's signed-in staff member or the applicant; null for a link. */
  @Property({ type: 'uuid', nullable: true })
  recordedBy?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
