import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** What a petition is about. */
export type PetitionSubject = 'DOSSIER' | 'OFFICER' | 'REGULATION';

/** Filed → accepted (or rejected as out of scope) → answered → closed. */
export type PetitionStatus = 'FILED' | 'ACCEPTED' | 'REJECTED' | 'ANSWERED' | 'CLOSED';

/**
 * A citizen's feedback or petition (phản ánh, kiến nghị) to an agency about a dossier, an
 * officer or a regulation/procedure, handled by the agency's staff against the limits of
 * `PETITION_LIMITS` on two persisted workflow clocks (`Petition`/id: the answer;
 * step `DECIDE`: acceptance or refusal). `unitId`/`unitPath` are the agency's (CASL scope).
 * The tracking secret is stored only as its SHA-256.
 */
@Entity({ tableName: 'evaluation_petition' })
@Unique({ properties: ['code'] })
@Index({ properties: ['unitId', 'status'] })
@Index({ properties: ['unitId', 'handledDay'] })
export class Petition {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Tracking code given to the filer, e.g. `PAKN-2026-3F9A1C`. */
  @Property({ length: 20 })
  code!: string;

  @Property({ length: 64 })
  secretHash!: string;

  @Property({ length: 12 })
  subject!: PetitionSubject;

  /** The agency the petition is addressed to. */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ length: 1000 })
  unitPath!: string;

  @Property({ type: 'uuid', nullable: true })
  dossierId?: string | null;

  @Property({ length: 50, nullable: true })
  dossierCode?: string | null;

  @Property({ length: 36, nullable: true })
  officerId?: string | null;

  /** The regulation or procedure named (free text, e.g. a procedure code). */
  @Property({ length: 500, nullable: true })
  regulation?: string | null;

  @Property({ length: 4000 })
  content!: string;

  /** The signed-in citizen, or null for an anonymous filer with contact details. */
  @Property({ type: 'uuid', nullable: true })
  filerId?: string | null;

  @Property({ length: 200, nullable: true })
  contactName?: string | null;

  @Property({ length: 200, nullable: true })
  contactEmail?: string | null;

  @Property({ length: 30, nullable: true })
  contactPhone?: string | null;

  @Property({ length: 10 })
  status!: PetitionStatus;

  /** The `PETITION_LIMITS` version in force on the filing day. */
  @Property()
  limitsVersion!: number;

  @Property({ length: 4000, nullable: true })
  rejectReason?: string | null;

  @Property({ length: 8000, nullable: true })
  answer?: string | null;

  /** EARLY / ON_TIME / LATE of the handling (answer, or refusal against the acceptance limit). */
  @Property({ length: 10, nullable: true })
  timeliness?: string | null;

  /** Kéo dài: answered after its limit. */
  @Property({ default: false })
  protracted: boolean = false;

  /** Local day (Asia/Ho_Chi_Minh) it was answered or refused: the period it counts in. */
  @Property({ length: 10, nullable: true })
  handledDay?: string | null;

  /** Found untrue: the complaint leaves every score; the reason is kept. */
  @Property({ length: 2000, nullable: true })
  dismissedReason?: string | null;

  @Property({ type: 'uuid', nullable: true })
  handledBy?: string | null;

  @Property({ type: 'datetime' })
  filedAt!: Date;

  /** The answer's statutory due instant on the answer clock. */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  answeredAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;
}
