import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ecdsaRawToDer } from '../src/pki/der.js';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { signPdf } from '../src/sign/sign-pdf.js';
import type { KeySigner } from '../src/signers/key-signer.js';
import { findSignatures, parsePdfDate } from '../src/verify/pdf-signatures.js';
import { overallIndication } from '../src/verify/report.js';
import { verifyPdf } from '../src/verify/verifier.js';
import { testPki } from './support.js';

describe('small pieces', () => {
  test('parsePdfDate reads zones, Z and partial dates', () => {
    expect(parsePdfDate("D:20261126073000+07'00'")?.toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(parsePdfDate('D:20261126073000Z')?.toISOString()).toBe('2026-11-26T07:30:00.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('yesterday')).toBeUndefined();
  });

  test('overallIndication: failure dominates, then indeterminate; no signature is indeterminate', () => {
    expect(overallIndication([{ indication: 'TOTAL_PASSED' }, { indication: 'INDETERMINATE' }, { indication: 'TOTAL_FAILED' }])).toBe('TOTAL_FAILED');
    expect(overallIndication([{ indication: 'TOTAL_PASSED' }, { indication: 'INDETERMINATE' }])).toBe('INDETERMINATE');
    expect(overallIndication([{ indication: 'TOTAL_PASSED' }])).toBe('TOTAL_PASSED');
    expect(overallIndication([])).toBe('INDETERMINATE');
  });

  test('ecdsaRawToDer gives DER that node:crypto verifies, for many random signatures (leading zeros, high bits)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 200; i++) {
      const data = Buffer.from(`message ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(verify('sha256', data, publicKey, ecdsaRawToDer(raw))).toBe(true);
    }
  });
});

describe('malformed signatures', () => {
  test('a ByteRange that does not frame exactly the /Contents (signature wrapping) is a FORMAT_FAILURE', async () => {
    const pki = await testPki();
    const signed = await signPdf(await sampleResultPdf({ number: '1', date: '2' }), pki.officer.RSA.signer(), { fieldName: 'A', claimedTime: new Date(), level: 'B_B' });
    const [signature] = findSignatures(signed);
    const [, b] = signature!.byteRange;
    const text = Buffer.from(signed).toString('latin1');
    const moved = text.replace(`[0 ${b} `, `[0 ${String(b - 10).padStart(String(b).length, '0')} `);
    const report = await verifyPdf(new Uint8Array(Buffer.from(moved, 'latin1')), { anchors: [pki.root.certificate], crls: [], version: 't' }, { now: new Date() });
    expect([report.overall, report.signatures[0]!.subIndication]).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
  });

  test('a CMS that itself ends in a zero byte is read whole, not mistaken for /Contents padding', async () => {
    const pki = await testPki();
    const ec = pki.officer.EC.signer();
    const endingInZero: KeySigner = {
      algorithm: ec.algorithm, certificate: () => ec.certificate(), chain: () => ec.chain(),
      async sign(tbs, context) {
        for (;;) {
          const value = await ec.sign(tbs, context);
          if (value.at(-1) === 0) return value;
        }
      },
    };
    const signed = await signPdf(await sampleResultPdf({ number: '1', date: '2' }), endingInZero, { fieldName: 'A', claimedTime: new Date(), level: 'B_B' });
    const [signature] = findSignatures(signed);
    expect(signature!.cms.at(-1)).toBe(0);
    const report = await verifyPdf(signed, { anchors: [pki.root.certificate], crls: [], version: 't' }, { now: new Date() });
    expect(report.overall).toBe('TOTAL_PASSED');
  });

  test('an unsigned PDF has no signature and is INDETERMINATE', async () => {
    const report = await verifyPdf(await sampleResultPdf({ number: '1', date: '2' }), { anchors: [], crls: [], version: 't' }, { now: new Date() });
    expect([report.overall, report.signatures]).toEqual(['INDETERMINATE', []]);
  });
});
