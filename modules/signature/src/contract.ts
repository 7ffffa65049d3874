/**
 * The signature module's public face: the signing core (usable without the API), the key-signer
 * port and its adapters, verification, and start-up configuration of keys and the TSA.
 *
 * @example
 * configureSigning({ keys: { seal: { signer: await Pkcs11Signer.open({ library, slot, pin, label }), role: 'AGENCY_SEAL', operators: [clerkId] } } });
 * const report = await verifyPdf(pdf, trust, { now: new Date() });
 */
export { type KeySigner, type SigningContext, KeyObjectSigner, verifySignatureValue } from './signers/key-signer.js';
export { configureSigning, type RegisteredKey } from './signers/registry.js';
export { type Timestamper, type TimestampAuthority, LocalTsa, HttpTsa, TsaClient } from './cms/timestamp.js';
export { signPdf, preparePades, completePades, SigningError, type PadesLevel, type PadesOptions, type PreparedSignature } from './sign/sign-pdf.js';
export { verifyPdf, type VerifyOptions } from './verify/verifier.js';
export { type VerificationReport, type SignatureVerification, type Indication } from './verify/report.js';
export { type TrustContext } from './verify/trust.js';
export { useBlobStore } from './store/blobs.js';
export { createTestPki, type TestPki } from './testing/test-pki.js';
export { sampleResultPdf } from './pdf/sample.js';
