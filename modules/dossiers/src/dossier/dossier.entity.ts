import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Submission and return channel (national `KenhThucHien`). */
export enum Channel {
  DIRECT = 1,
  ONLINE = 2,
  POSTAL = 3,
}

/** A supplement or completion request as kept on the dossier (`supplements` history). */
export interface SupplementEntry {
  ordinal: number;
  missing: string[];
  requestedAt: string;
  receivedAt: string | null;
  beforeReceipt: boolean;
  countsLate: boolean;
}

/** An apology with its new appointment (`apologies` history). */
export interface ApologyEntry {
  reason: string;
  issuedAt: string;
  previousDueAt: string;
  newDueAt: string;
}

/** A signature on the result PDF (`signatures` history). */
export interface SignatureEntry {
  role: 'OFFICER' | 'AGENCY';
  signerName: string;
  signedAt: string;
  documentSha256: string;
}

/** A generated form stored as a blob (`forms` history). */
export interface FormEntry {
  kind: string;
  number: string;
  sha256: string;
  createdAt: string;
}

/**
 * A dossier: the applicant's request for one procedure at one agency, through its lifecycle.
 * It pins the catalog procedure version and the offering's limit it was created and received
 * under, keeps its e-form data, histories (supplements, apologies, signatures, forms) as JSON,
 * and a folded `search_text` (code + applicant name without diacritics) for list search.
 */
@Entity({ tableName: 'dossiers_dossier' })
@Index({ properties: ['unitCode', 'receivedAt'] })
// The lists of one person's dossiers (the handling officer's queue, the last actor's, a citizen's)
// filter on open statuses and a due range and sort by creation: with these four columns SQLite and
// PostgreSQL count them and find the page's ids from the index alone (1M dossiers on SQLite: the
// officer's list went from 70 ms of SQL to 3 ms).
@Index({ name: 'dossiers_dossier_handler_list_index', properties: ['handlerId', 'nationalStatus', 'dueAt', 'createdAt', 'id'] })
@Index({ name: 'dossiers_dossier_officer_list_index', properties: ['officerId', 'nationalStatus', 'dueAt', 'createdAt', 'id'] })
@Index({ name: 'dossiers_dossier_applicant_list_index', properties: ['applicantUserId', 'nationalStatus', 'dueAt', 'createdAt', 'id'] })
export class Dossier {
  [OptionalProps]?: 'version' | 'createdAt' | 'caseCode' | 'searchText' | 'applicantKind' | 'boundaryFree';

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

  /** Competent agency (identity id). */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  agencyId?: string | null;

  /** Materialised path of the competent agency (`/root/…/agency/`): leaders' scope. */
  @Property({ length: 1000, nullable: true })
  agencyPath?: string | null;

  /** Materialised path of the receiving unit: reception officers' scope. */
  @Property({ length: 1000, nullable: true })
  unitPath?: string | null;

  /** Receiving unit (identity id): the reception desk where the dossier was lodged, which owns it at the desk (return, supplements). */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  unitId?: string | null;

  /**
   * The competent agency's receiving unit (the offering's): where the competent agency receives
   * the dossier. The same as `unitId`, except for a boundary-free dossier lodged elsewhere.
   */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  competentUnitId?: string | null;

  /** Materialised path of `competentUnitId`: the competent agency's reception officers' scope. */
  @Property({ length: 1000, nullable: true })
  competentUnitPath?: string | null;

  /**
   * Lodged regardless of administrative boundary at a desk outside the offering's receiving
   * units (Decree 118 Art. 14): the clock starts when the competent agency receives it.
   */
  @Property({ default: false })
  boundaryFree: boolean = false;

  /** When the competent agency received a boundary-free dossier (`NgayCoQuanNhan`): its clock starts then (Art. 17(3)). */
  @Property({ type: 'datetime', nullable: true })
  competentReceivedAt?: Date | null;

  /** Catalog procedure id. */
  @Property({ type: 'uuid', nullable: true })
  @Index()
  procedureId?: string | null;

  /** Catalog procedure version pinned at creation and kept at receipt (§0.1). */
  @Property({ type: 'uuid', nullable: true })
  procedureVersionId?: string | null;

  @Property({ length: 100, default: '' })
  caseCode: string = '';

  /** The citizen who created the draft (owner), if signed in. */
  @Property({ type: 'uuid', nullable: true })
  applicantUserId?: string | null;

  /** E-form data, validated against the case schema. */
  @Property({ type: 'json', nullable: true })
  formData?: Record<string, unknown> | null;

  /** The effective limit applied at receipt (`{ value, unit }`). */
  @Property({ type: 'json', nullable: true })
  limit?: { value: number; unit: string } | null;

  @Property({ type: 'json', nullable: true })
  supplements?: SupplementEntry[] | null;

  @Property({ type: 'json', nullable: true })
  apologies?: ApologyEntry[] | null;

  @Property({ type: 'json', nullable: true })
  signatures?: SignatureEntry[] | null;

  @Property({ type: 'json', nullable: true })
  forms?: FormEntry[] | null;

  /** Workflow process instance started at receipt. */
  @Property({ type: 'uuid', nullable: true })
  processInstanceId?: string | null;

  /** The handling officer (thụ lý): who acted on the first workflow step; keeps the processing actions (supplement, apology, result). */
  @Property({ type: 'uuid', nullable: true })
  handlerId?: string | null;

  /** The officer who last acted on a workflow step (lists, the officer filter). */
  @Property({ type: 'uuid', nullable: true })
  officerId?: string | null;

  /** Overall timeliness (`EARLY`/`ON_TIME`/`LATE`), judged at the end of processing. */
  @Property({ length: 10, nullable: true })
  timeliness?: string | null;

  @Property({ length: 100, nullable: true })
  resultNumber?: string | null;

  @Property({ type: 'datetime', nullable: true })
  resultSignedOn?: Date | null;

  /** SHA-256 of the latest result PDF (after each signature). */
  @Property({ length: 64, nullable: true })
  resultSha256?: string | null;

  /** Secret printed on the receipt slip: `trackDossier(code, secret)` needs both. */
  @Property({ length: 64, nullable: true })
  trackingSecret?: string | null;

  /** Code and applicant name folded (lower case, no diacritics) for search. */
  @Property({ length: 500, default: '' })
  searchText: string = '';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ version: true })
  version!: number;
}

/** A document attached to a dossier for one component: a content-addressed blob. */
@Entity({ tableName: 'dossiers_document' })
@Index({ properties: ['dossierId', 'componentCode'] })
export class DossierDocument {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dossierId!: string;

  @Property({ length: 100 })
  componentCode!: string;

  @Property({ length: 300 })
  fileName!: string;

  @Property({ length: 100 })
  mediaType!: string;

  @Property({ type: 'integer' })
  byteLength!: number;

  @Property({ length: 64 })
  sha256!: string;

  @Property({ default: false })
  digitised: boolean = false;

  @Property({ default: false })
  reused: boolean = false;

  @Property({ default: false })
  fromNationalStore: boolean = false;

  @Property({ type: 'datetime' })
  attachedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  attachedBy?: string | null;
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
