import { PDFArray, PDFDocument, PDFHexString, PDFName, rgb } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { completePades, preparePades, signPdf, SigningError } from '../src/sign/sign-pdf.js';
import type { TestPki } from '../src/testing/test-pki.js';
import type { TrustContext } from '../src/verify/trust.js';
import { verifyPdf } from '../src/verify/verifier.js';
import { hasTool, opensslVerifyAll, pdfsig, testPki, testTimestamper } from './support.js';

let pki: TestPki;
let trust: TrustContext;
let unsigned: Uint8Array;
const now = () => new Date();
const HAS_PDFSIG = hasTool('pdfsig') && hasTool('certutil');
const HAS_OPENSSL = hasTool('openssl');

beforeAll(async () => {
  pki = await testPki();
  trust = { anchors: [pki.root.certificate], crls: [], version: 'test-v1' };
  unsigned = await sampleResultPdf({ number: '125/QD-STP', date: '2026-11-26' });
});

/** Officer (B-B) then agency seal (B-T) as an incremental update: the two-signature result. */
async function twoSignatures(kind: 'RSA' | 'EC', pdf = unsigned): Promise<Uint8Array> {
  const officer = await signPdf(pdf, pki.officer[kind].signer(), { fieldName: 'CaNhan', claimedTime: now(), level: 'B_B', reason: 'Phê duyệt kết quả', signerName: 'Nguyễn Văn Ánh' });
  return signPdf(officer, pki.organisation[kind].signer(), { fieldName: 'CoQuan', claimedTime: now(), level: 'B_T', timestamper: testTimestamper(pki), location: 'Thanh Hóa' });
}

describe.each(['RSA', 'EC'] as const)('officer then agency (%s)', (kind) => {
  let signed: Uint8Array;
  beforeAll(async () => {
    signed = await twoSignatures(kind);
  });

  test('keeps the first revision byte for byte and verifies both signatures', async () => {
    const officerOnly = await signPdf(unsigned, pki.officer[kind].signer(), { fieldName: 'X', claimedTime: now(), level: 'B_B' });
    expect(Buffer.from(officerOnly.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(true);
    const report = await verifyPdf(signed, trust, { now: now() });
    expect(report.overall).toBe('TOTAL_PASSED');
    expect(report.trustListVersion).toBe('test-v1');
    expect(report.signatures.map((s) => [s.indication, s.level, s.coversWholeDocument])).toEqual([
      ['TOTAL_PASSED', 'PADES_B_B', false],
      ['TOTAL_PASSED', 'PADES_B_T', true],
    ]);
    expect(report.signatures[0]!.signer!.commonName).toBe(kind === 'RSA' ? 'Nguyễn Văn Ánh' : 'Trần Thị Bình');
    expect(report.signatures[1]!.validationTimeSource).toBe('TIMESTAMP');
    expect(report.signatures[1]!.chain.at(-1)!.sha256).toBe(report.signatures[0]!.chain.at(-1)!.sha256);
  });

  test.skipIf(!HAS_PDFSIG)('pdfsig reports both signatures valid with the test root trusted', () => {
    const output = pdfsig(signed, pki.root.certificate);
    expect(output.match(/Signature is Valid/g)).toHaveLength(2);
    expect(output.match(/Certificate is Trusted/g)).toHaveLength(2);
  });

  test.skipIf(!HAS_OPENSSL)('openssl cms -verify accepts each extracted CMS', () => {
    expect(opensslVerifyAll(signed, pki.root.certificate)).toEqual([0, 0]);
  });
});

describe('negative cases', () => {
  let signed: Uint8Array;
  beforeAll(async () => {
    signed = await twoSignatures('RSA');
  });

  test('one flipped byte inside the signed range: HASH_FAILURE for both', async () => {
    const tampered = new Uint8Array(signed);
    const at = Buffer.from(tampered).indexOf('Helvetica', 0, 'latin1');
    tampered[at] ^= 0x01;
    const report = await verifyPdf(tampered, trust, { now: now() });
    expect(report.overall).toBe('TOTAL_FAILED');
    expect(report.signatures.map((s) => s.subIndication)).toEqual(['HASH_FAILURE', 'HASH_FAILURE']);
    if (HAS_OPENSSL) expect(opensslVerifyAll(tampered, pki.root.certificate)).not.toContain(0);
  });

  test('a signer outside the trust list: INDETERMINATE/NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const rogue = await signPdf(unsigned, pki.rogueOfficer.signer(), { fieldName: 'CaNhan', claimedTime: now(), level: 'B_B' });
    const report = await verifyPdf(rogue, trust, { now: now() });
    expect([report.overall, report.signatures[0]!.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
  });

  test('a certificate revoked per an uploaded CRL: REVOKED_NO_POE at B-B, TOTAL_FAILED/REVOKED with a later timestamp', async () => {
    const crl = await pki.crl(pki.issuing.RSA, [pki.revokedOfficer]);
    const withCrl = { ...trust, crls: [crl] };
    const bb = await signPdf(unsigned, pki.revokedOfficer.signer(), { fieldName: 'CaNhan', claimedTime: now(), level: 'B_B' });
    const bt = await signPdf(unsigned, pki.revokedOfficer.signer(), { fieldName: 'CaNhan', claimedTime: now(), level: 'B_T', timestamper: testTimestamper(pki) });
    const [rbb, rbt, rclean] = await Promise.all([verifyPdf(bb, withCrl, { now: now() }), verifyPdf(bt, withCrl, { now: now() }), verifyPdf(bb, trust, { now: now() })]);
    expect([rbb.overall, rbb.signatures[0]!.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE']);
    expect([rbt.overall, rbt.signatures[0]!.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(rclean.overall).toBe('TOTAL_PASSED');
    expect(rbb.signatures[0]!.revocation[0]).toMatchObject({ status: 'REVOKED' });
  });

  test('a timestamp before the revocation keeps the signature valid', async () => {
    const crl = await pki.crl(pki.issuing.RSA, [pki.revokedOfficer], new Date(Date.now() - 3_600_000));
    const early = await signPdf(unsigned, pki.revokedOfficer.signer(), { fieldName: 'CaNhan', claimedTime: now(), level: 'B_T', timestamper: testTimestamper(pki, new Date(Date.now() - 7_200_000)) });
    const report = await verifyPdf(early, { ...trust, crls: [crl] }, { now: now() });
    expect(report.overall).toBe('TOTAL_PASSED');
  });

  test('an expired certificate: INDETERMINATE/OUT_OF_BOUNDS_NO_POE', async () => {
    const expired = await signPdf(unsigned, pki.expiredOfficer.signer(), { fieldName: 'CaNhan', claimedTime: now(), level: 'B_B' });
    const report = await verifyPdf(expired, trust, { now: now() });
    expect([report.overall, report.signatures[0]!.subIndication]).toEqual(['INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE']);
  });

  test('unknown revocation under a requireRevocation policy: INDETERMINATE/TRY_LATER', async () => {
    const report = await verifyPdf(signed, trust, { now: now(), requireRevocation: true });
    expect(report.signatures.map((s) => s.subIndication)).toEqual(['TRY_LATER', 'TRY_LATER']);
  });

  test('a page overlay appended after both signatures: MODIFIED_AFTER_SIGNING from the revision diff', async () => {
    const doc = await PDFDocument.load(signed, { forIncrementalUpdate: true, updateMetadata: false });
    doc.getPage(0).drawText('DA HUY', { x: 150, y: 500, size: 72, color: rgb(1, 0, 0) });
    const attacked = await doc.commit({ useObjectStreams: false });
    expect(Buffer.from(attacked.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const report = await verifyPdf(attacked, trust, { now: now() });
    expect(report.signatures.map((s) => s.subIndication)).toEqual(['MODIFIED_AFTER_SIGNING', 'MODIFIED_AFTER_SIGNING']);
    expect(report.signatures[1]!.modificationsAfterSigning.join('\n')).toMatch(/Page object .* modified \(.*Contents/);
    if (HAS_PDFSIG) expect(pdfsig(attacked, pki.root.certificate).match(/Signature is Valid/g)).toHaveLength(2); // what ByteRange-only tools miss
  });

  test('an annotation overlay (FreeText) added after signing is flagged, unlike a signature widget', async () => {
    const doc = await PDFDocument.load(signed, { forIncrementalUpdate: true, updateMetadata: false });
    const page = doc.getPage(0);
    const note = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [100, 400, 500, 500], Contents: PDFHexString.fromText('ĐÃ HỦY'), DA: '/Helv 48 Tf 1 0 0 rg' }));
    (page.node.lookup(PDFName.of('Annots')) as PDFArray).push(note);
    const attacked = await doc.commit({ useObjectStreams: false });
    const report = await verifyPdf(attacked, trust, { now: now() });
    expect(report.signatures.map((s) => s.subIndication)).toEqual(['MODIFIED_AFTER_SIGNING', 'MODIFIED_AFTER_SIGNING']);
    expect(report.signatures[1]!.modificationsAfterSigning).toEqual([expect.stringMatching(/^Annot object .* added \(FreeText\)$/)]);
  });

  test('two-phase client flow: a document changed between prepare and complete is refused', async () => {
    const token = pki.officer.EC;
    const prepared = await preparePades(unsigned, token.certificate, token.chain, { fieldName: 'CaNhan', claimedTime: now(), level: 'B_B' });
    const value = await token.signer().sign(prepared.cms.tbs);
    const changed = { ...prepared, pdf: { ...prepared.pdf, bytes: new Uint8Array(prepared.pdf.bytes) } };
    changed.pdf.bytes[10] ^= 0x01;
    await expect(completePades(changed, value)).rejects.toMatchObject({ code: 'DOCUMENT_CHANGED' });
    await expect(completePades(prepared, value.map((b, i) => (i === 8 ? b ^ 1 : b)))).rejects.toBeInstanceOf(SigningError);
    const good = await completePades(prepared, value);
    expect((await verifyPdf(good, trust, { now: now() })).overall).toBe('TOTAL_PASSED');
  });
});
