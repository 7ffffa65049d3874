import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { sealRectOver, vietnamIsoTime } from '../src/pdf/appearance.js';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { signPdf } from '../src/sign/sign-pdf.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { verifyPdf } from '../src/verify/verifier.js';
import { hasTool, pdfsig, tempDir, testPki, testTimestamper } from './support.js';

/** A solid-colour RGB PNG (a stand-in for the scanned blue signature). */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...Array.from({ length: width }, () => [r, g, b]).flat()])));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

/** Page 1 rendered by pdftoppm at 72 dpi (one pixel per point): the RGB at PDF point (x, y). */
function render(pdf: Uint8Array): (x: number, y: number) => number[] {
  const dir = tempDir();
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  spawnSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', join(dir, 'doc.pdf'), join(dir, 'page')]);
  const ppm = readFileSync(join(dir, 'page-1.ppm'));
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  return (x, y) => {
    const offset = header[0].length + ((height - 1 - Math.round(y)) * width + Math.round(x)) * 3;
    return [...ppm.subarray(offset, offset + 3)];
  };
}

/** Points of a rectangle, every 2 points. */
function pointsIn([x, y, width, height]: number[]): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let dx = 0; dx < width!; dx += 2) for (let dy = 0; dy < height!; dy += 2) points.push([x! + dx, y! + dy]);
  return points;
}

let pki: TestPki;
beforeAll(async () => {
  pki = await testPki();
});

describe('visible appearance (Decree 30/2020)', () => {
  test('vietnamIsoTime and the seal rectangle covering the left third of the signature', () => {
    expect(vietnamIsoTime(new Date('2026-11-26T20:30:00Z'))).toBe('2026-11-27T03:30:00+07:00');
    const [x, , width] = [350, 80, 180, 90];
    const [sx, sy, sw, sh] = sealRectOver([350, 80, 180, 90]);
    expect([sy, sw, sh]).toEqual([80, 90, 90]);
    expect(sx + sw).toBe(x + width / 3);
  });

  test('signature image, then the red seal over its left third: both signatures still verify', async () => {
    const rect: [number, number, number, number] = [350, 80, 180, 90];
    const officer = await signPdf(await sampleResultPdf({ number: '11/QD', date: '2026-11-26' }), pki.officer.RSA.signer(), {
      fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B',
      appearance: { rect, kind: 'SIGNATURE', image: png(60, 30, [20, 40, 200]), lines: ['Nguyễn Văn Ánh'] },
    });
    const at = new Date();
    const sealed = await signPdf(officer, pki.organisation.RSA.signer(), {
      fieldName: 'CoQuan', claimedTime: at, level: 'B_T', timestamper: testTimestamper(pki),
      appearance: { rect: sealRectOver(rect), kind: 'SEAL', lines: ['Sở Tư pháp tỉnh Thanh Hóa', vietnamIsoTime(at)] },
    });
    const report = await verifyPdf(sealed, { anchors: [pki.root.certificate], crls: [], version: 't' }, { now: new Date() });
    expect(report.signatures.map((s) => [s.indication, s.modificationsAfterSigning])).toEqual([['TOTAL_PASSED', []], ['TOTAL_PASSED', []]]);
    if (hasTool('pdfsig')) {
      expect(pdfsig(sealed, pki.root.certificate).match(/Signature is Valid/g)).toHaveLength(2);
      const pixel = render(sealed);
      const [r, g, b] = pixel(450, 140); // inside the signature image, right of the seal
      expect(b! > 150 && r! < 100 && g! < 100, `blue signature pixel, got ${[r, g, b]}`).toBe(true);
      const seal = sealRectOver(rect);
      const red = pointsIn(seal).filter(([x, y]) => { const [pr, pg, pb] = pixel(x, y); return pr! > 150 && pg! < 80 && pb! < 80; });
      expect(red.length, 'red seal pixels').toBeGreaterThan(20);
      expect(red.some(([x]) => x > rect[0]), 'the seal overlaps the signature').toBe(true);
      expect(pointsIn([0, 0, 300, 842]).every(([x, y]) => pixel(x, y)[0]! < 150 || pixel(x, y)[1]! > 80), 'no red outside').toBe(true);
    }
  });
});
