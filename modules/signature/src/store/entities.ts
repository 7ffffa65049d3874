import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One immutable version of a document, addressed by the SHA-256 of its bytes in the kernel's
 * blob store. Signing never overwrites: it writes a new version pointing at the previous one.
 */
@Entity({ tableName: 'signature_document_version' })
export class DocumentVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The lineage: the id of the first version. */
  @Property({ type: 'uuid' })
  @Index()
  documentId!: string;

  @Property({ type: 'uuid', nullable: true })
  previousVersionId?: string | null;

  @Property({ length: 64 })
  @Unique()
  sha256!: string;

  @Property()
  byteLength!: number;

  /** UPLOADED or SIGNED. */
  @Property({ length: 20 })
  kind!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;
}

/**
 * One signing attempt of one document version in one role. The idempotency key
 * `(inputVersionId, role)` is unique, so a retried request finds the earlier record.
 * No key material is stored: keys are referred to by `keyId`, certificates by hash and subject.
 */
@Entity({ tableName: 'signature_record' })
export class SignatureRecord {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 80 })
  @Unique()
  idempotencyKey!: string;

  @Property({ type: 'uuid' })
  @Index()
  inputVersionId!: string;

  @Property({ type: 'uuid', nullable: true })
  outputVersionId?: string | null;

  /** OFFICER_PERSONAL or AGENCY_SEAL. */
  @Property({ length: 20 })
  role!: string;

  /** PREPARED (client flow), PENDING_USER_CONFIRMATION (remote service), COMPLETED, FAILED. */
  @Property({ length: 30 })
  status!: string;

  /** B_B or B_T. */
  @Property({ length: 10 })
  level!: string;

  @Property({ length: 100, nullable: true })
  keyId?: string | null;

  @Property({ length: 500, nullable: true })
  signerSubject?: string | null;

  @Property({ length: 64, nullable: true })
  signerSha256?: string | null;

  /** Two-phase flow: what phase one prepared (blob address, signed attributes, certificates). */
  @Property({ type: 'json', nullable: true })
  prepared?: { pdfSha256: string; byteRange: number[]; tbs: string; certificate: string; chain: string[] } | null;

  /** Remote services that wait for the key holder: their transaction id. */
  @Property({ length: 200, nullable: true })
  remoteTransactionId?: string | null;

  /** When a pending remote request is given up (the service's expiry, capped by ours). */
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime' })
  claimedTime!: Date;

  @Property({ type: 'datetime', nullable: true })
  timestampTime?: Date | null;

  @Property({ length: 500, nullable: true })
  failureReason?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;
}

/** An anchor or CRL in a trust-list version (DER as base64). */
export interface TrustItem {
  sha256: string;
  subject: string;
  der: string;
  name?: string;
  thisUpdate?: string;
  nextUpdate?: string | null;
}

/**
 * One immutable version of the trust list: the roots to trust and the uploaded CRLs. Every
 * change writes the next number; reports record `v<number>:<hash prefix>`.
 */
@Entity({ tableName: 'signature_trust_list' })
export class TrustListVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property()
  @Unique()
  number!: number;

  @Property({ length: 64 })
  hash!: string;

  @Property({ type: 'json' })
  anchors!: TrustItem[];

  @Property({ type: 'json' })
  crls!: TrustItem[];

  @Property({ length: 300 })
  change!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;
}

/** A stored verification report (the full ETSI-style report as JSON). */
@Entity({ tableName: 'signature_verification' })
export class VerificationRecord {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 64 })
  @Index()
  documentSha256!: string;

  @Property({ type: 'datetime' })
  verifiedAt!: Date;

  @Property({ length: 20 })
  overall!: string;

  @Property({ length: 80 })
  trustListVersion!: string;

  @Property({ type: 'json' })
  report!: unknown;
}

/**
 * An RFC 3161 timestamp of the head of the kernel's hash-chained audit log: proof that the chain
 * up to `seq` existed, unchanged, at `genTime`. Rewriting history before `seq` (or truncating the
 * log below it) no longer matches the anchor.
 */
@Entity({ tableName: 'signature_audit_anchor' })
export class AuditAnchor {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The audit row stamped (the head when the job ran). */
  @Property()
  @Unique()
  seq!: number;

  /** That row's hash. */
  @Property({ length: 64 })
  headHash!: string;

  /** The TimeStampToken (DER ContentInfo) as base64. */
  @Property({ type: 'text' })
  token!: string;

  @Property({ type: 'datetime' })
  genTime!: Date;

  /** Which TSA stamped it (`HTTP <url>` or `IN_PROCESS`). */
  @Property({ length: 300 })
  tsa!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
