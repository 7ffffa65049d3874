import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SignatureRoleEnum { OFFICER_PERSONAL = 'OFFICER_PERSONAL', AGENCY_SEAL = 'AGENCY_SEAL' }
export enum PadesLevelEnum { B_B = 'B_B', B_T = 'B_T' }
export enum IndicationEnum { TOTAL_PASSED = 'TOTAL_PASSED', TOTAL_FAILED = 'TOTAL_FAILED', INDETERMINATE = 'INDETERMINATE' }
registerEnumType(SignatureRoleEnum, { name: 'SignatureRole', description: "The officer's personal signature, or the agency's seal applied after it." });
registerEnumType(PadesLevelEnum, { name: 'PadesLevel', description: 'PAdES baseline level to produce: B-B, or B-T with an RFC 3161 signature timestamp.' });
registerEnumType(IndicationEnum, { name: 'Indication', description: 'ETSI EN 319 102-1 main indication.' });

@ObjectType('DocumentVersion', { description: 'An immutable, content-addressed version of a document; a signature makes a new version.' })
export class DocumentVersionNode {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The lineage: id of the first version.' }) documentId!: string;
  @Field(() => ID, { nullable: true }) previousVersionId!: string | null;
  @Field({ description: 'SHA-256 (hex) of the bytes; what a signer confirms as `expectedSha256`.' }) sha256!: string;
  @Field(() => Int) byteLength!: number;
  @Field({ description: '`UPLOADED` or `SIGNED`.' }) kind!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('SignatureRecord', { description: 'One signing of one document version in one role.' })
export class SignatureRecordNode {
  @Field(() => ID) id!: string;
  @Field(() => SignatureRoleEnum) role!: SignatureRoleEnum;
  @Field({ description: '`PREPARED` (client flow waiting for the token), `PENDING_USER_CONFIRMATION` (a remote service waits for the key holder; poll with `pollSignatureRequest`), `COMPLETED` or `FAILED` (see `failureReason`).' }) status!: string;
  @Field(() => PadesLevelEnum) level!: PadesLevelEnum;
  @Field(() => ID) inputVersionId!: string;
  @Field(() => ID, { nullable: true }) outputVersionId!: string | null;
  @Field(() => String, { nullable: true }) signerSubject!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the signer certificate.' }) signerSha256!: string | null;
  @Field(() => Date, { description: 'Claimed signing time (/M).' }) claimedTime!: Date;
  @Field(() => Date, { nullable: true, description: 'Trusted time from the signature timestamp (B-T).' }) timestampTime!: Date | null;
  @Field(() => String, { nullable: true, description: "Remote signing: the service's transaction id (what the key holder sees in their app)." }) remoteTransactionId!: string | null;
  @Field(() => Date, { nullable: true, description: 'Remote signing: when a pending request is given up.' }) expiresAt!: Date | null;
  @Field(() => String, { nullable: true, description: '`FAILED`: why, e.g. `REJECTED: …`, `EXPIRED`, `DOCUMENT_CHANGED: …`.' }) failureReason!: string | null;
}

@ObjectType('ClientSigningSession', { description: 'Phase one of signing with a USB token: the digest the token must sign.' })
export class ClientSigningSessionNode {
  @Field(() => ID, { description: 'Pass to `completeClientSignature`.' }) sessionId!: string;
  @Field({ description: 'SHA-256 of the signed attributes, base64: sign this as a prehashed SHA-256 digest.' }) digestBase64!: string;
  @Field({ description: 'The DER signed attributes themselves, base64, for tokens that hash on board.' }) signedAttributesBase64!: string;
  @Field() digestAlgorithm!: string;
}

@ObjectType('TrustListEntry', { description: 'A trusted root or a stored CRL.' })
export class TrustListEntryNode {
  @Field() sha256!: string;
  @Field() subject!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'CRLs: thisUpdate (ISO 8601).' }) thisUpdate?: string | null;
  @Field(() => String, { nullable: true, description: 'CRLs: nextUpdate (ISO 8601).' }) nextUpdate?: string | null;
}

@ObjectType('TrustList', { description: 'One immutable version of the trust list; verification reports name the version they used.' })
export class TrustListNode {
  @Field(() => Int) number!: number;
  @Field({ description: 'SHA-256 over the anchors and CRLs.' }) hash!: string;
  @Field({ description: '`v<number>:<hash prefix>`, as recorded in reports.' }) label!: string;
  @Field(() => [TrustListEntryNode]) anchors!: TrustListEntryNode[];
  @Field(() => [TrustListEntryNode]) crls!: TrustListEntryNode[];
  @Field() change!: string;
}

@ObjectType('Certificate', { description: 'An X.509 certificate as reported.' })
export class CertificateNode {
  @Field() subjectDn!: string;
  @Field() commonName!: string;
  @Field() issuerDn!: string;
  @Field() serialHex!: string;
  @Field(() => Date) notBefore!: Date;
  @Field(() => Date) notAfter!: Date;
  @Field() sha256!: string;
}

@ObjectType('SignatureCheck', { description: 'One check of a signature; `passed` is null when not applicable.' })
export class SignatureCheckNode {
  @Field() name!: string;
  @Field(() => Boolean, { nullable: true }) passed!: boolean | null;
  @Field(() => String, { nullable: true }) detail?: string;
}

@ObjectType('RevocationStatus', { description: 'Revocation of one certificate of the path from the stored CRLs.' })
export class RevocationNode {
  @Field() subject!: string;
  @Field() serialHex!: string;
  @Field({ description: '`GOOD`, `REVOKED` or `UNKNOWN` (no CRL from that issuer).' }) status!: string;
  @Field(() => Date, { nullable: true }) revokedAt?: Date;
}

@ObjectType('SignatureVerification', { description: 'The verification of one signature (ETSI EN 319 102-1 style).' })
export class SignatureVerificationNode {
  @Field(() => Int) index!: number;
  @Field(() => IndicationEnum) indication!: IndicationEnum;
  @Field(() => String, { nullable: true, description: 'E.g. HASH_FAILURE, NO_CERTIFICATE_CHAIN_FOUND, REVOKED_NO_POE, OUT_OF_BOUNDS_NO_POE, MODIFIED_AFTER_SIGNING.' }) subIndication?: string;
  @Field(() => CertificateNode, { nullable: true }) signer?: CertificateNode;
  @Field(() => [CertificateNode]) chain!: CertificateNode[];
  @Field(() => Date) validationTime!: Date;
  @Field({ description: '`TIMESTAMP` or `CURRENT_TIME`.' }) validationTimeSource!: string;
  @Field(() => Date, { nullable: true }) claimedTime?: Date;
  @Field(() => Date, { nullable: true }) timestampTime?: Date;
  @Field({ description: 'PADES_B_B, PADES_B_T, PKCS7_DETACHED or NOT_PADES.' }) level!: string;
  @Field() coversWholeDocument!: boolean;
  @Field(() => [String], { description: 'Changes after this signature that signatures may not make (the overlay attack).' }) modificationsAfterSigning!: string[];
  @Field(() => [RevocationNode]) revocation!: RevocationNode[];
  @Field(() => [SignatureCheckNode]) checks!: SignatureCheckNode[];
}

@ObjectType('VerificationReport', { description: 'The verification of every signature of a document.' })
export class VerificationReportNode {
  @Field(() => ID) id!: string;
  @Field() documentSha256!: string;
  @Field(() => Date) verifiedAt!: Date;
  @Field(() => IndicationEnum) overall!: IndicationEnum;
  @Field({ description: 'The trust-list version used.' }) trustListVersion!: string;
  @Field(() => [SignatureVerificationNode]) signatures!: SignatureVerificationNode[];
}

@InputType({ description: 'A PDF as base64 (at most 700 000 bytes decoded: the request body cap is 1 MB).' })
export class UploadDocumentInput {
  @Field() contentBase64!: string;
  @Field(() => ID, { nullable: true, description: 'Makes the upload a new version of that document (a revised draft).' }) previousVersionId?: string | null;
}

@InputType({ description: "Visible signature (Decree 30/2020). The box is the officer's signature box in PDF points; the agency seal is placed over its left third, with the agency name and the ISO 8601 signing time." })
export class SignatureAppearanceInput {
  @Field(() => Int, { defaultValue: 0, description: '0-based page index.' }) page!: number;
  @Field(() => Float) x!: number;
  @Field(() => Float) y!: number;
  @Field(() => Float) width!: number;
  @Field(() => Float) height!: number;
  @Field(() => String, { nullable: true, description: 'PNG, base64: the handwritten signature (officer) or the seal image (agency); a vector seal is drawn when absent.' }) imageBase64?: string | null;
}

@InputType()
export class SignDocumentInput {
  @Field(() => ID) documentVersionId!: string;
  @Field({ description: 'SHA-256 the signer saw; refused if the version differs.' }) expectedSha256!: string;
  @Field(() => SignatureRoleEnum) role!: SignatureRoleEnum;
  @Field(() => PadesLevelEnum, { defaultValue: PadesLevelEnum.B_B }) level!: PadesLevelEnum;
  @Field({ description: 'A server-side key registered at start-up.' }) keyId!: string;
  @Field(() => SignatureAppearanceInput, { nullable: true, description: 'Visible appearance; invisible when absent.' }) appearance?: SignatureAppearanceInput | null;
}

@InputType()
export class PrepareClientSignatureInput {
  @Field(() => ID) documentVersionId!: string;
  @Field() expectedSha256!: string;
  @Field(() => SignatureRoleEnum) role!: SignatureRoleEnum;
  @Field(() => PadesLevelEnum, { defaultValue: PadesLevelEnum.B_B }) level!: PadesLevelEnum;
  @Field({ description: "The token's certificate, DER base64." }) certificateBase64!: string;
  @Field(() => [String], { defaultValue: [], description: 'Issuing CAs, DER base64, nearest first.' }) chainBase64!: string[];
  @Field(() => SignatureAppearanceInput, { nullable: true, description: 'Visible appearance; invisible when absent.' }) appearance?: SignatureAppearanceInput | null;
}

@InputType()
export class CompleteClientSignatureInput {
  @Field(() => ID) sessionId!: string;
  @Field({ description: 'The signature value, base64 (RSA PKCS#1 v1.5, or ECDSA as DER or raw r‖s).' }) signatureValueBase64!: string;
}

@InputType({ description: 'Exactly one of contentBase64 (≤ 700 000 bytes decoded) and documentVersionId.' })
export class VerifyDocumentInput {
  @Field(() => String, { nullable: true }) contentBase64?: string | null;
  @Field(() => ID, { nullable: true }) documentVersionId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Treat unknown revocation as INDETERMINATE/TRY_LATER.' }) requireRevocation?: boolean | null;
}

@InputType()
export class AddTrustAnchorInput {
  @Field() name!: string;
  @Field({ description: 'Root certificate, DER base64.' }) certificateBase64!: string;
}

@InputType()
export class UploadCrlInput {
  @Field({ description: 'CRL, DER or PEM, base64.' }) crlBase64!: string;
  @Field(() => String, { nullable: true, description: 'The issuing CA certificate (DER base64) when the issuer is not a root; it must chain to a trusted root.' }) issuerCertificateBase64?: string | null;
}

@ObjectType('SigningKey', { description: 'A server-side key (HSM, remote service) the caller may sign with; no key material, only its certificate.' })
export class SigningKeyNode {
  @Field({ description: 'Pass as `keyId` to `signDocument`.' }) keyId!: string;
  @Field(() => SignatureRoleEnum) role!: SignatureRoleEnum;
  @Field(() => CertificateNode) certificate!: CertificateNode;
}

export enum KeyCustodyEnum { PKCS12_FILE = 'PKCS12_FILE', PKCS11_HSM = 'PKCS11_HSM', REMOTE_SIGN_HASH = 'REMOTE_SIGN_HASH', DEVELOPMENT_TEST_PKI = 'DEVELOPMENT_TEST_PKI', IN_MEMORY = 'IN_MEMORY' }
export enum CertificateStatusEnum { OK = 'OK', EXPIRING_SOON = 'EXPIRING_SOON', EXPIRED = 'EXPIRED', NOT_YET_VALID = 'NOT_YET_VALID' }
registerEnumType(KeyCustodyEnum, {
  name: 'KeyCustody',
  description: 'Where a signing key lives: a PKCS#12 file (development only), an HSM over PKCS#11, a remote sign-hash service, the generated development PKI, or in memory (tests).',
});
registerEnumType(CertificateStatusEnum, { name: 'CertificateStatus', description: 'Validity now: `EXPIRING_SOON` within 30 days of notAfter.' });

@ObjectType('CertificateStanding', { description: 'A certificate of a configured key or TSA, with its key algorithm and status now.' })
export class CertificateStandingNode extends CertificateNode {
  @Field({ description: 'E.g. `RSA-2048`, `EC P-256`.' }) keyAlgorithm!: string;
  @Field(() => CertificateStatusEnum) status!: CertificateStatusEnum;
}

@ObjectType('ConfiguredSigner', { description: 'A server-side signing key configured at start-up; no key material, only where it lives and its certificate.' })
export class ConfiguredSignerNode {
  @Field({ description: 'Pass as `keyId` to `signDocument`.' }) keyId!: string;
  @Field(() => SignatureRoleEnum) role!: SignatureRoleEnum;
  @Field(() => KeyCustodyEnum) custody!: KeyCustodyEnum;
  @Field({ description: 'Anyone holding `signature.sign` may use the key; otherwise only its named operators.' }) openToAllSigners!: boolean;
  @Field(() => Int, { description: 'How many named users may operate the key.' }) operatorCount!: number;
  @Field(() => CertificateStandingNode) certificate!: CertificateStandingNode;
}

@ObjectType('TimestampAuthorityInfo', { description: 'The configured RFC 3161 timestamp authority.' })
export class TimestampAuthorityNode {
  @Field({ description: '`HTTP` (a TSA URL from configuration) or `IN_PROCESS` (development).' }) kind!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => CertificateStandingNode, { nullable: true, description: 'In-process TSAs: their certificate.' }) certificate!: CertificateStandingNode | null;
}

@ObjectType('SigningConfiguration', { description: 'The server-side signers and the TSA configured at start-up.' })
export class SigningConfigurationNode {
  @Field(() => [ConfiguredSignerNode]) signers!: ConfiguredSignerNode[];
  @Field(() => TimestampAuthorityNode, { nullable: true, description: 'Null: no TSA, only PAdES B-B.' }) tsa!: TimestampAuthorityNode | null;
}

@ObjectType('AuditChainCheck', { description: "The kernel audit log's hash chain, walked from the first row." })
export class AuditChainCheckNode {
  @Field() ok!: boolean;
  @Field(() => Int, { description: 'Rows found intact.' }) checked!: number;
  @Field(() => Int, { nullable: true, description: 'The first broken row.' }) firstBrokenSeq?: number | null;
  @Field(() => String, { nullable: true, description: '`HASH_MISMATCH`, `PREVIOUS_HASH_MISMATCH` or `MISSING_ROW`.' }) firstBrokenReason?: string | null;
}

@ObjectType('AuditAnchorCheck', { description: 'One RFC 3161 timestamp of the audit-log head, checked.' })
export class AuditAnchorCheckNode {
  @Field(() => Int, { description: 'The audit row that was the head when stamped.' }) seq!: number;
  @Field() headHash!: string;
  @Field(() => Date, { description: "The TSA's time." }) genTime!: Date;
  @Field({ description: '`HTTP <url>` or `IN_PROCESS`.' }) tsa!: string;
  @Field({ description: 'The token verifies and its TSA chains to the trust list.' }) tokenValid!: boolean;
  @Field({ description: 'The audit row at `seq` still has the stamped hash.' }) hashMatches!: boolean;
  @Field(() => [String]) problems!: string[];
}

@ObjectType('AuditAnchorReport', { description: 'The audit chain and every timestamp of its head, verified now.' })
export class AuditAnchorReportNode {
  @Field({ description: 'The chain is intact and every anchor verifies.' }) ok!: boolean;
  @Field(() => AuditChainCheckNode) chain!: AuditChainCheckNode;
  @Field(() => [AuditAnchorCheckNode]) anchors!: AuditAnchorCheckNode[];
}
