/** One signature dictionary found in a PDF's bytes. */
export interface PdfSignature {
  index: number;
  byteRange: [number, number, number, number];
  /** The DER CMS (trailing zero padding removed). */
  cms: Uint8Array;
  subFilter: string;
  /** /M as written, if any. */
  claimedTime?: Date;
  /** Problems with the ByteRange itself (signature wrapping, out of bounds). */
  byteRangeProblems: string[];
  /** Offset of the end of the signed revision (c + d). */
  signedLength: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The signature dictionary text around a ByteRange: from the enclosing `obj` to its `endobj`. */
function dictionaryAround(text: string, at: number): string {
  const start = text.lastIndexOf(' obj', at);
  const end = text.indexOf('endobj', at);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}

/** Parses a PDF date `D:YYYYMMDDHHmmSS+HH'mm'`. @example parsePdfDate("D:20261126073000+07'00'") */
export function parsePdfDate(value: string): Date | undefined {
  const m = /D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function byteRangeProblems(pdf: Uint8Array, [a, b, c, d]: number[], text: string): string[] {
  const problems: string[] = [];
  if (a !== 0) problems.push('ByteRange does not start at 0');
  if (c! + d! > pdf.length) problems.push('ByteRange goes past the end of the file');
  if (c! <= b!) problems.push('ByteRange spans overlap');
  const hole = text.slice(b!, c!);
  if (!/^<[0-9a-fA-F]*>$/.test(hole)) problems.push('the gap in the ByteRange is not exactly the /Contents hex string');
  return problems;
}

function cmsFrom(hole: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(hole.slice(1, -1), 'hex'));
  return bytes.subarray(0, derLength(bytes) ?? bytes.length);
}

/**
 * The length of the DER element at the start of `bytes` (header included), or undefined when the
 * header is not a definite length. The padding cannot simply be trimmed as trailing zeros: a CMS
 * may itself end in a zero byte (one signature value in 256 does).
 */
function derLength(bytes: Uint8Array): number | undefined {
  const first = bytes[1];
  if (first === undefined) return undefined;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}

/**
 * Finds every signature in a PDF by its ByteRange, in file order (revision order).
 *
 * @example findSignatures(pdf).map((s) => s.subFilter) // ['ETSI.CAdES.detached', 'ETSI.CAdES.detached']
 */
export function findSignatures(pdf: Uint8Array): PdfSignature[] {
  const text = latin1(pdf);
  const found: PdfSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const dictionary = dictionaryAround(text, match.index!);
    const problems = byteRangeProblems(pdf, range, text);
    found.push({
      index: found.length,
      byteRange: range,
      cms: problems.length ? new Uint8Array() : cmsFrom(text.slice(range[1], range[2])),
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dictionary)?.[1] ?? '',
      claimedTime: parsePdfDate(/\/M\s*\(([^)]*)\)/.exec(dictionary)?.[1] ?? ''),
      byteRangeProblems: problems,
      signedLength: range[2] + range[3],
    });
  }
  return found;
}
