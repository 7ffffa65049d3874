import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';

/**
 * A one-page result document (ASCII text with the standard Helvetica font; Vietnamese fonts are
 * the result generator's business). Number and date are part of the content before anyone signs.
 *
 * @example const pdf = await sampleResultPdf({ number: '123/QĐ-STP', date: '2026-11-26' });
 */
export async function sampleResultPdf(options: { number: string; date: string; title?: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = [options.title ?? 'QUYET DINH', `So: ${options.number}`, `Ngay: ${options.date}`, 'Noi dung ket qua giai quyet thu tuc hanh chinh.'];
  lines.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 24, size: 14, font }));
  return doc.save({ useObjectStreams: false });
}
