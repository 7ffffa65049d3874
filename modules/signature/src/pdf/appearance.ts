import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fontkit from '@cantoo/fontkit';
import { degrees, drawEllipse, drawImage, drawText, popGraphicsState, pushGraphicsState, rgb, type PDFDocument, type PDFOperator, type PDFRef } from '@cantoo/pdf-lib';

/**
 * What a signature looks like on the page (Decree 30/2020, Appendix I): the officer's
 * handwritten signature image, or the agency's red seal with the agency name and the ISO 8601
 * signing time in Vietnam time.
 */
export interface SignatureAppearance {
  /** 0-based page index (default 0). */
  page?: number;
  /** [x, y, width, height] in PDF points. */
  rect: [number, number, number, number];
  /** PNG image: the blue handwritten signature, or the real-size seal. A vector seal is drawn for a seal without one. */
  image?: Uint8Array;
  kind: 'SIGNATURE' | 'SEAL';
  /** Text lines under the image (e.g. the agency name and the signing time). */
  lines: string[];
}

const RED = rgb(0.85, 0.05, 0.05);
const BLUE = rgb(0.05, 0.15, 0.7);
let dejaVu: Uint8Array | undefined;

/** DejaVu Sans from the npm package: covers every Vietnamese letter. */
function unicodeFont(): Uint8Array {
  dejaVu ??= new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
  return dejaVu;
}

/**
 * The rectangle of the agency seal over a personal signature: the seal's width is the box height
 * (a round seal) and it covers about the left third of the personal signature.
 *
 * @example sealRectOver([300, 100, 180, 90]) // [240, 100, 90, 90]… a square overlapping x 300–330
 */
export function sealRectOver([x, y, width, height]: [number, number, number, number]): [number, number, number, number] {
  const size = height;
  return [x + width / 3 - size, y, size, size];
}

/**
 * ISO 8601 in Vietnam time (UTC+7), as Decree 30 asks: `2026-11-26T14:30:00+07:00`.
 *
 * @example vietnamIsoTime(new Date('2026-11-26T07:30:00Z')) // '2026-11-26T14:30:00+07:00'
 */
export function vietnamIsoTime(at: Date): string {
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/**
 * Builds the normal appearance stream (a form XObject) of a signature widget and returns its ref.
 * The new objects (font, image, stream) hang only off the new widget, so earlier signatures'
 * revision diffs accept them.
 */
export async function buildAppearance(doc: PDFDocument, appearance: SignatureAppearance): Promise<PDFRef> {
  doc.registerFontkit(fontkit);
  const [, , width, height] = appearance.rect;
  const font = await doc.embedFont(unicodeFont(), { subset: true });
  const image = appearance.image ? await doc.embedPng(appearance.image) : undefined;
  const color = appearance.kind === 'SEAL' ? RED : BLUE;
  const textSize = Math.max(5, Math.min(9, height / 10));
  const textHeight = appearance.lines.length * (textSize + 1);
  const art = { x: 0, y: textHeight, width, height: height - textHeight };
  const ops: PDFOperator[] = [pushGraphicsState()];
  if (image) ops.push(...drawImage('Im1', { ...art, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  else if (appearance.kind === 'SEAL') ops.push(...vectorSeal(art));
  appearance.lines.forEach((line, i) => {
    ops.push(...drawText(font.encodeText(line), { x: 0, y: textHeight - (i + 1) * (textSize + 1) + 1, size: textSize, font: 'F1', color, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  });
  ops.push(popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref }, ...(image ? { XObject: { Im1: image.ref } } : {}) },
  });
  await doc.flush();
  return doc.context.register(stream);
}

/** Two red rings and a star: a stand-in seal when no seal image is configured. */
function vectorSeal(box: { x: number; y: number; width: number; height: number }): PDFOperator[] {
  const r = Math.min(box.width, box.height) / 2 - 1;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return [
    ...drawEllipse({ ...centre, xScale: r, yScale: r, color: undefined, borderColor: RED, borderWidth: 2 }),
    ...drawEllipse({ ...centre, xScale: r * 0.75, yScale: r * 0.75, color: undefined, borderColor: RED, borderWidth: 1 }),
    ...drawEllipse({ ...centre, xScale: r * 0.2, yScale: r * 0.2, color: RED, borderColor: undefined, borderWidth: 0 }),
  ];
}
