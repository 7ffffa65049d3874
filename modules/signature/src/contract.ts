/**
 * The signature module's public face: the signing core (usable without the API), the key-signer
 * port and its adapters, verification, start-up configuration of keys and the TSA (from
 * `SIGNING_*` variables, or `configureSigning` in code), and the audit-log anchors.
 *
 * @example
 * configureSigning({ keys: { seal: { signer: await Pkcs11Signer.open({ library, slot, pin, label }), role: 'AGENCY_SEAL', operators: [clerkId] } } });
 * const report = await verifyPdf(pdf, trust, { now: new Date() });
 */
export { type KeySigner, type SigningContext, KeyObjectSigner, verifySignatureValue } from './signers/key-signer.js';
export { configureSigning, keysOperableBy, ANY_SIGNER, type RegisteredKey, type KeyCustody, type TsaDescription } from './signers/registry.js';
export { RemoteHashSigner, RemoteSigningError, type ConfirmingSigner, type RemoteOutcome, type RemoteHashOptions } from './signers/remote-hash.js';
export { checkAuditAnchors, anchorAuditHead, type AnchorReport, type AnchorCheck } from './anchor/audit-anchor.js';
export { signingSettings, SigningConfigurationError, type SigningSettings } from './config/settings.js';
export { type Timestamper, type TimestampAuthority, LocalTsa, HttpTsa, TsaClient } from './cms/timestamp.js';
export { signPdf, preparePades, completePades, SigningError, type PadesLevel, type PadesOptions, type PreparedSignature } from './sign/sign-pdf.js';
export { verifyPdf, type VerifyOptions } from './verify/verifier.js';
export { type VerificationReport, type SignatureVerification, type Indication } from './verify/report.js';
export { type TrustContext } from './verify/trust.js';
export { useBlobStore } from './store/blobs.js';
export { createTestPki, type TestPki } from './testing/test-pki.js';
export { sampleResultPdf } from './pdf/sample.js';
