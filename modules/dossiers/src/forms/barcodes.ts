import bwipjs from 'bwip-js';

/** Characters plain Code 39 encodes; anything else (a lower-case foreign prefix) needs Full ASCII Code 39. */
const CODE39_CHARSET = /^[0-9A-Z. $/+%-]+$/;

/**
 * The dossier code as a Code 39 barcode (PNG), as desks scan it (domain doc §4.1). Codes outside
 * the plain Code 39 alphabet are encoded as Full ASCII Code 39 rather than refused.
 *
 * @example const png = await code39Png('000.00.06.H56-231027-0361');
 */
export function code39Png(text: string): Promise<Uint8Array> {
  const bcid = CODE39_CHARSET.test(text) ? 'code39' : 'code39ext';
  return bwipjs.toBuffer({ bcid, text, scale: 2, height: 10, includetext: false });
}

/**
 * A QR code (PNG) of a URL, e.g. the public tracking page of a dossier.
 *
 * @example const png = await qrPng('https://motcua.example.vn/tra-cuu?ma=…');
 */
export function qrPng(text: string): Promise<Uint8Array> {
  return bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 3, eclevel: 'M' } as bwipjs.RenderOptions);
}
