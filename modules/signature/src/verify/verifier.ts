
import { readTstInfo } from '../cms/timestamp.js';
import { byteRangeContent } from '../pdf/placeholder.js';
import { OID, sha256, sha256Hex } from '../pki/der.js';
import { inspectCms, unsignedValue, type CmsInspection } from './cms-inspect.js';
import { findSignatures, type PdfSignature } from './pdf-signatures.js';
import { certificateInfo, overallIndication, type Indication, type SignatureCheck, type SignatureLevel, type SignatureVerification, type VerificationReport } from './report.js';
import { revisionChanges } from './revision-diff.js';
import { checkRevocation, hasEku, validAt, validateChain, type ChainResult, type RevocationResult, type TrustContext } from './trust.js';

/** Verification policy. */
export interface VerifyOptions {
  /** The current time (validation time when there is no timestamp). */
  now: Date;
  /** Unknown revocation status makes the result INDETERMINATE/TRY_LATER (default false). */
  requireRevocation?: boolean;
}

interface TimestampResult {
  time?: Date;
  check?: SignatureCheck;
}

/** Everything gathered about one signature before deciding its indication. */
interface Evidence {
  cms: CmsInspection;
  timestamp: TimestampResult;
  chain: ChainResult;
  revocation: RevocationResult[];
  modifications: string[];
  validationTime: Date;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/**
 * Checks an RFC 3161 token on its own: token digest and signature, the imprint over `data`, the
 * TSA chain to a trust anchor at genTime, and the timeStamping EKU. Used for signature
 * timestamps and for the audit-log anchors.
 *
 * @example const { time, problems } = await checkTimestampToken(token, signatureValue, trust.anchors);
 */
export async function checkTimestampToken(tokenDer: Uint8Array, data: Uint8Array, anchors: Uint8Array[]): Promise<{ time?: Date; problems: string[] }> {
  try {
    const token = inspectCms(tokenDer);
    const info = readTstInfo(tokenDer);
    const imprintMatches = sameBytes(new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView), sha256(data));
    const chain = token.signer ? await validateChain(token.signer, token.others, anchors, info.genTime) : undefined;
    const problems = [
      !token.digestMatches && 'token digest mismatch', !token.signatureValid && 'token signature invalid', !imprintMatches && 'imprint does not match the stamped data',
      !chain?.trusted && `TSA not trusted (${chain?.message ?? 'no TSA certificate'})`, token.signer && !hasEku(token.signer, OID.ekuTimeStamping) && 'TSA certificate lacks id-kp-timeStamping',
    ].filter((p): p is string => !!p);
    return problems.length ? { problems } : { time: info.genTime, problems };
  } catch (error) {
    return { problems: [`unreadable token: ${(error as Error).message}`] };
  }
}

async function checkTimestamp(cms: CmsInspection, trust: TrustContext): Promise<TimestampResult> {
  const value = unsignedValue(cms.signerInfo, OID.timeStampToken);
  if (!value) return {};
  const { time, problems } = await checkTimestampToken(new Uint8Array(value.toBER(false)), cms.signatureValue, trust.anchors);
  const check = { name: 'signatureTimestamp', passed: !problems.length, detail: problems.length ? problems.join('; ') : `genTime ${time!.toISOString()}` };
  return { time, check };
}

function levelOf(signature: PdfSignature, cms: CmsInspection | undefined, timestamped: boolean): SignatureLevel {
  if (signature.subFilter === 'adbe.pkcs7.detached') return 'PKCS7_DETACHED';
  if (signature.subFilter !== 'ETSI.CAdES.detached' || !cms) return 'NOT_PADES';
  const baseline = cms.signerInfoCount === 1 && !cms.hasSigningTime && cms.signingCertificateMatches && cms.contentType === OID.data && !!signature.claimedTime;
  if (!baseline) return 'NOT_PADES';
  return timestamped ? 'PADES_B_T' : 'PADES_B_B';
}

function revocationVerdict(revocation: RevocationResult[], poe: Date | undefined, requireRevocation: boolean): [Indication, string] | undefined {
  const revoked = revocation.find((r) => r.status === 'REVOKED' && (!poe || !r.revokedAt || r.revokedAt <= poe));
  if (revoked) return poe ? ['TOTAL_FAILED', 'REVOKED'] : ['INDETERMINATE', 'REVOKED_NO_POE'];
  if (requireRevocation && revocation.some((r) => r.status === 'UNKNOWN')) return ['INDETERMINATE', 'TRY_LATER'];
  return undefined;
}

function chainVerdict(evidence: Evidence): [Indication, string] | undefined {
  if (evidence.chain.trusted) return undefined;
  const outOfBounds = [evidence.cms.signer!, ...evidence.cms.others].some((c) => !validAt(c, evidence.validationTime));
  if (outOfBounds) return ['INDETERMINATE', evidence.timestamp.time ? 'EXPIRED' : 'OUT_OF_BOUNDS_NO_POE'];
  return ['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'];
}

/** Applies the checks in ETSI order: cryptography first, then modifications, revocation, chain. */
function decide(evidence: Evidence, options: VerifyOptions): [Indication, string?] {
  const { cms } = evidence;
  if (!cms.signer) return ['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND'];
  if (!cms.digestMatches) return ['TOTAL_FAILED', 'HASH_FAILURE'];
  if (!cms.signatureValid) return ['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE'];
  if (!cms.signingCertificateMatches) return ['TOTAL_FAILED', 'FORMAT_FAILURE'];
  if (evidence.modifications.length) return ['TOTAL_FAILED', 'MODIFIED_AFTER_SIGNING'];
  return revocationVerdict(evidence.revocation, evidence.timestamp.time, !!options.requireRevocation) ?? chainVerdict(evidence) ?? ['TOTAL_PASSED'];
}

function checksOf(evidence: Evidence): SignatureCheck[] {
  const { cms, chain } = evidence;
  return [
    { name: 'byteRange', passed: true },
    { name: 'messageDigest', passed: cms.digestMatches },
    { name: 'signatureValue', passed: cms.signatureValid },
    { name: 'signingCertificateV2', passed: cms.signingCertificateMatches },
    ...(evidence.timestamp.check ? [evidence.timestamp.check] : []),
    { name: 'chainToTrustedRoot', passed: chain.trusted, detail: chain.message },
    { name: 'revocation', passed: !evidence.revocation.some((r) => r.status === 'REVOKED'), detail: evidence.revocation.map((r) => `${r.subject}: ${r.status}`).join('; ') },
    { name: 'noSigningTimeAttribute', passed: !cms.hasSigningTime },
    { name: 'revisionDiff', passed: !evidence.modifications.length, detail: evidence.modifications.join('; ') || undefined },
  ];
}

async function gatherEvidence(pdf: Uint8Array, signature: PdfSignature, cms: CmsInspection, trust: TrustContext, options: VerifyOptions): Promise<Evidence> {
  const timestamp = await checkTimestamp(cms, trust);
  const validationTime = timestamp.time ?? options.now;
  const chain = cms.signer ? await validateChain(cms.signer, cms.others, trust.anchors, validationTime) : { trusted: false, path: [], message: 'no signer certificate' };
  const revocation = chain.trusted ? await checkRevocation(chain.path, trust.crls) : [];
  const modifications = await revisionChanges(pdf, signature.signedLength).catch((error: Error) => [`revision diff failed: ${error.message}`]);
  return { cms, timestamp, chain, revocation, modifications, validationTime };
}

function failedFormat(signature: PdfSignature, pdf: Uint8Array, now: Date, detail: string): SignatureVerification {
  return {
    index: signature.index, indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', chain: [], validationTime: now, validationTimeSource: 'CURRENT_TIME',
    claimedTime: signature.claimedTime, level: 'NOT_PADES', coversWholeDocument: signature.signedLength === pdf.length, modificationsAfterSigning: [], revocation: [],
    checks: [{ name: 'byteRange', passed: !signature.byteRangeProblems.length, detail }],
  };
}

/**
 * Verifies one signature of a PDF.
 *
 * @example const result = await verifySignature(pdf, findSignatures(pdf)[0], trust, { now: new Date() });
 */
export async function verifySignature(pdf: Uint8Array, signature: PdfSignature, trust: TrustContext, options: VerifyOptions): Promise<SignatureVerification> {
  if (signature.byteRangeProblems.length) return failedFormat(signature, pdf, options.now, signature.byteRangeProblems.join('; '));
  let cms: CmsInspection;
  try {
    cms = inspectCms(signature.cms, byteRangeContent(pdf, signature.byteRange));
  } catch (error) {
    return failedFormat(signature, pdf, options.now, `unreadable CMS: ${(error as Error).message}`);
  }
  const evidence = await gatherEvidence(pdf, signature, cms, trust, options);
  const [indication, subIndication] = decide(evidence, options);
  return {
    index: signature.index, indication, subIndication,
    signer: cms.signer && certificateInfo(cms.signer),
    chain: evidence.chain.path.map(certificateInfo),
    validationTime: evidence.validationTime,
    validationTimeSource: evidence.timestamp.time ? 'TIMESTAMP' : 'CURRENT_TIME',
    claimedTime: signature.claimedTime,
    timestampTime: evidence.timestamp.time,
    level: levelOf(signature, cms, !!evidence.timestamp.time),
    coversWholeDocument: signature.signedLength === pdf.length,
    modificationsAfterSigning: evidence.modifications,
    revocation: evidence.revocation,
    checks: checksOf(evidence),
  };
}

/**
 * Verifies every signature of a PDF against a trust context and returns an ETSI EN 319 102-1
 * style report.
 *
 * @example
 * const report = await verifyPdf(pdf, { anchors: [rootDer], crls: [], version: 'v1' }, { now: new Date() });
 * report.overall // 'TOTAL_PASSED'
 */
export async function verifyPdf(pdf: Uint8Array, trust: TrustContext, options: VerifyOptions): Promise<VerificationReport> {
  const signatures: SignatureVerification[] = [];
  for (const signature of findSignatures(pdf)) signatures.push(await verifySignature(pdf, signature, trust, options));
  return { documentSha256: sha256Hex(pdf), verifiedAt: options.now, overall: overallIndication(signatures), trustListVersion: trust.version, signatures };
}

