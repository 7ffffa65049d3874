import { buildAppearance, type SignatureAppearance } from './appearance.js';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from '@cantoo/pdf-lib';

/** The literal the ByteRange numbers replace (same length as a 10-digit number). */
const BYTE_RANGE_PLACEHOLDER = '**********';

/** Visible text fields of a signature dictionary (UTF-16BE, so Vietnamese survives). */
export interface SignatureFieldInfo {
  /** Field name, unique in the document, e.g. `Officer_1`. */
  fieldName: string;
  /** Claimed signing time (/M). The trusted time comes from the timestamp. */
  claimedTime: Date;
  reason?: string;
  location?: string;
  signerName?: string;
  /** Bytes reserved for the CMS (hex doubles it). */
  contentsSize: number;
  /** Visible appearance; invisible when absent. */
  appearance?: SignatureAppearance;
}

/** A PDF with an empty signature dictionary appended as a new revision. */
export interface PreparedPdf {
  bytes: Uint8Array;
  /** [0, a, b, c]: the two signed spans around the /Contents hex string. */
  byteRange: [number, number, number, number];
}

function signatureDictionary(doc: PDFDocument, info: SignatureFieldInfo): PDFRef {
  const optional = (value?: string) => (value ? PDFHexString.fromText(value) : undefined);
  const entries: Record<string, unknown> = {
    Type: PDFName.of('Sig'),
    Filter: PDFName.of('Adobe.PPKLite'),
    SubFilter: PDFName.of('ETSI.CAdES.detached'),
    ByteRange: PDFArray.withContext(doc.context),
    Contents: PDFHexString.of('0'.repeat(info.contentsSize * 2)),
    M: PDFString.fromDate(info.claimedTime),
    Reason: optional(info.reason),
    Location: optional(info.location),
    Name: optional(info.signerName),
  };
  const byteRange = entries.ByteRange as PDFArray;
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const dict = doc.context.obj(Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as any);
  return doc.context.register(dict);
}

/** Adds the signature widget (invisible, or with its appearance) and registers it in the AcroForm. */
async function addWidget(doc: PDFDocument, info: SignatureFieldInfo, signatureRef: PDFRef): Promise<void> {
  const look = info.appearance;
  const page = doc.getPage(look?.page ?? 0);
  const [x, y, width, height] = look?.rect ?? [0, 0, 0, 0];
  const widget = doc.context.register(doc.context.obj({
    Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: [x, y, x + width, y + height], F: 132,
    T: PDFHexString.fromText(info.fieldName), V: signatureRef, P: page.ref,
    ...(look ? { AP: { N: await buildAppearance(doc, look) } } : {}),
  }));
  // Not page.node.addAnnot: it "normalises" the page (wraps its content in q/Q streams), which
  // changes signed content and makes earlier signatures fail the revision diff.
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) annots.push(widget);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([widget]));
  const acroForm = doc.catalog.getOrCreateAcroForm();
  acroForm.addField(widget);
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}

/** Finds the last occurrence of `needle` in `haystack` at or after `from`, or -1. */
function lastIndexOf(haystack: Uint8Array, needle: string, from = 0): number {
  const at = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).lastIndexOf(needle, undefined, 'latin1');
  return at >= from ? at : -1;
}

/** Writes the real ByteRange over the placeholder (padded with spaces to keep every offset). */
function fillByteRange(bytes: Uint8Array, revisionStart: number, contentsSize: number): PreparedPdf {
  const contentsStart = lastIndexOf(bytes, `<${'0'.repeat(contentsSize * 2)}>`, revisionStart);
  if (contentsStart < 0) throw new Error('signature placeholder not found in the new revision');
  const contentsEnd = contentsStart + contentsSize * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const placeholder = `[ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`;
  const at = lastIndexOf(bytes, placeholder, revisionStart);
  if (at < 0) throw new Error('ByteRange placeholder not found in the new revision');
  const actual = `[0 ${byteRange[1]} ${byteRange[2]} ${byteRange[3]}]`.padEnd(placeholder.length, ' ');
  const out = new Uint8Array(bytes);
  out.set(Buffer.from(actual, 'latin1'), at);
  return { bytes: out, byteRange };
}

/**
 * Appends an empty PAdES signature field to a PDF as an incremental update, so every earlier
 * revision (and signature) stays byte-for-byte intact.
 *
 * @example
 * const prepared = await addSignaturePlaceholder(pdf, { fieldName: 'Officer_1', claimedTime: new Date(), contentsSize: 16384 });
 * const signedBytes = byteRangeContent(prepared.bytes, prepared.byteRange); // what the CMS digests
 */
export async function addSignaturePlaceholder(pdf: Uint8Array, info: SignatureFieldInfo): Promise<PreparedPdf> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  const signatureRef = signatureDictionary(doc, info);
  await addWidget(doc, info, signatureRef);
  const bytes = await doc.commit({ useObjectStreams: false });
  return fillByteRange(bytes, pdf.length, info.contentsSize);
}

/** The bytes a signature covers: the file without the /Contents hex string. */
export function byteRangeContent(pdf: Uint8Array, [a, b, c, d]: readonly number[]): Uint8Array {
  const out = new Uint8Array(b! + d!);
  out.set(pdf.subarray(a!, a! + b!), 0);
  out.set(pdf.subarray(c!, c! + d!), b!);
  return out;
}

/**
 * Writes a DER CMS into the reserved /Contents of a prepared PDF.
 *
 * @example const signed = embedCms(prepared, cmsDer);
 */
export function embedCms(prepared: PreparedPdf, cms: Uint8Array): Uint8Array {
  const capacity = (prepared.byteRange[2] - prepared.byteRange[1] - 2) / 2;
  if (cms.length > capacity) throw new Error(`CMS of ${cms.length} bytes does not fit the ${capacity} bytes reserved`);
  const out = new Uint8Array(prepared.bytes);
  out.set(Buffer.from(Buffer.from(cms).toString('hex').padEnd(capacity * 2, '0'), 'latin1'), prepared.byteRange[1] + 1);
  return out;
}
