import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Submission and return channel (national `KenhThucHien`). */
export enum Channel {
  DIRECT = 1,
  ONLINE = 2,
  POSTAL = 3,
}

/**
 * A dossier: the minimal row the code allocator, the forms and the national-portal sync need.
 * The full aggregate (documents, e-form data, supplements, fees, result, process instance and
 * clock ledger ids) grows on this table when the catalog and workflow modules land.
 */
@Entity({ tableName: 'dossiers_dossier' })
@Index({ properties: ['unitCode', 'receivedAt'] })
export class Dossier {
  [OptionalProps]?: 'version' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** `[unit]-YYMMDD-XXXX`, given at receipt (null for drafts and submissions not yet received). */
  @Property({ length: 100, nullable: true })
  @Unique()
  code?: string | null;

  /** Code another portal gave the dossier (`maHoSoKhac`). */
  @Property({ length: 100, nullable: true })
  foreignCode?: string | null;

  /** Internal state (`DossierState`). */
  @Property({ length: 40 })
  state!: string;

  /** National status 1–10 of `state` (null for drafts), kept in a column for lists and sync. */
  @Property({ type: 'integer', nullable: true })
  nationalStatus?: number | null;

  @Property()
  channel!: Channel;

  /** Receiving unit's identifier (the code's prefix). */
  @Property({ length: 100 })
  unitCode!: string;

  /** Competent agency's code (`DonViXuLy`). */
  @Property({ length: 100 })
  agencyCode!: string;

  /** Competent agency's name as the applicant reads it (notifications, forms). */
  @Property({ length: 500 })
  agencyName!: string;

  @Property({ length: 100 })
  procedureCode!: string;

  @Property({ length: 1000 })
  procedureName!: string;

  @Property({ length: 100, nullable: true })
  sectorCode?: string | null;

  @Property({ length: 500, nullable: true })
  sectorName?: string | null;

  @Property({ length: 300 })
  applicantName!: string;

  /** `LoaiDoiTuong`: 1 citizen, 2 enterprise, 3 state agency, 4 other organisation. */
  @Property({ default: 1 })
  applicantKind: number = 1;

  @Property({ length: 50, nullable: true })
  applicantIdNumber?: string | null;

  @Property({ length: 300, nullable: true })
  applicantEmail?: string | null;

  @Property({ length: 50, nullable: true })
  applicantPhone?: string | null;

  @Property({ length: 1000, nullable: true })
  applicantAddress?: string | null;

  /** `TrichYeuHoSo` (at most 1000 characters nationally). */
  @Property({ length: 1000, nullable: true })
  summary?: string | null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  /** Receipt of a complete dossier (starts the clock, picks the rule and form versions). */
  @Property({ type: 'datetime', nullable: true })
  receivedAt?: Date | null;

  /** Due instant on the receipt slip; never changed afterwards. */
  @Property({ type: 'datetime', nullable: true })
  originalDueAt?: Date | null;

  /** Due instant the applicant was last told (after supplements and an apology). */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  /** End of processing (first national 9, else 8/3/7). */
  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  returnedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  refusedAt?: Date | null;

  @Property({ length: 20, nullable: true })
  returnMethod?: string | null;

  @Property({ length: 300, nullable: true })
  returnRecipient?: string | null;

  /** Lifecycle rule set in force at receipt (`LifecycleRules.version`). */
  @Property({ length: 40, nullable: true })
  rulesVersion?: string | null;

  /** Last successful delivery to the national portal. */
  @Property({ type: 'datetime', nullable: true })
  portalSyncedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}

/** One line of the dossier's process log (`QuaTrinhXuLyDongBoDVC`), synced to the national portal. */
@Entity({ tableName: 'dossiers_process_log' })
@Index({ properties: ['dossierId', 'at'] })
export class ProcessLogLine {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dossierId!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ length: 300 })
  actorName!: string;

  @Property({ length: 300, nullable: true })
  actorTitle?: string | null;

  @Property({ length: 500, nullable: true })
  unitName?: string | null;

  @Property({ length: 2000 })
  content!: string;

  /** National status after the action. */
  @Property()
  nationalStatus!: number;

  @Property({ type: 'datetime', nullable: true })
  stepStartedAt?: Date | null;

  /** The step's deadline (`NgayKetThucTheoQuyDinh`). */
  @Property({ type: 'datetime', nullable: true })
  stepDueAt?: Date | null;

  /** Set when the national portal accepted this line. */
  @Property({ type: 'datetime', nullable: true })
  syncedAt?: Date | null;
}
