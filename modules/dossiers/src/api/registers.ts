import { type FilterQuery } from '@mikro-orm/core';
import { AppError, accessibleWhere, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import { Dossier, ProcessLogLine } from '../dossier/dossier.entity.js';
import type { Handover, HandoverTimeliness } from '../forms/form-data.js';
import { renderForm } from '../forms/render.js';
import { trackingBookWorkbook } from '../forms/tracking-book-excel.js';
import { vnDate } from '../forms/vietnamese-time.js';
import { FormKind } from '../lifecycle/actions.js';
import { readDossier } from './dossier.read.js';
import { formCommon } from './forms.js';
import { dossierBlobs } from '../store/blobs.js';

/** A generated file for download. */
export interface GeneratedFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

export enum RegisterFormat {
  PDF = 'PDF',
  XLSX = 'XLSX',
}

const PDF_TYPE = 'application/pdf';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileOf = (fileName: string, mediaType: string, bytes: Uint8Array): GeneratedFile => ({ fileName, mediaType, contentBase64: Buffer.from(bytes).toString('base64') });
const safeName = (text: string) => text.replace(/[^\w.-]+/g, '_');

/** A hand-over is late after its step deadline, on time on the deadline's day (Vietnam time), early before. */
export function handoverTimeliness(at: Date, due: Date): HandoverTimeliness {
  if (at > due) return 'LATE';
  return vnDate(at) === vnDate(due) ? 'ON_TIME' : 'EARLY';
}

/**
 * Mẫu 06 (2025; 05 under the 2018 set): the processing control sheet of a dossier the caller
 * may read, one line per completed workflow step with its early/on-time/late class.
 */
export async function dossierControlSheet(ctx: RequestContext, id: string): Promise<GeneratedFile> {
  const dossier = await readDossier(ctx, { id });
  if (!dossier.code || !dossier.receivedAt || !dossier.dueAt) throw new AppError('INVALID_TRANSITION', { reason: { vi: 'hồ sơ chưa được tiếp nhận', en: 'the dossier has not been received' } });
  const lines = await ctx.em.find(ProcessLogLine, { dossierId: dossier.id, stepDueAt: { $ne: null } }, { orderBy: { at: 'asc', id: 'asc' } });
  const handovers: Handover[] = lines.map((line) => ({
    fromUnit: line.unitName ?? dossier.agencyName, fromPerson: line.actorName, toUnit: dossier.agencyName, toPerson: '', at: line.at,
    stepDueAt: line.stepDueAt!, timeliness: handoverTimeliness(line.at, line.stepDueAt!), note: line.content,
  }));
  const { pdf } = await renderForm({ ...formCommon(ctx, dossier), dossierCode: dossier.code, kind: FormKind.CONTROL_SHEET, receivedAt: dossier.receivedAt, dueAt: dossier.dueAt, handovers });
  return fileOf(`phieu-kiem-soat-${safeName(dossier.code)}.pdf`, PDF_TYPE, pdf);
}

/**
 * A form issued for a dossier the caller may read (Mẫu 01 receipt, supplement request, …), as
 * stored when it was issued: `sha256` is one of the dossier's `forms`. For printing at the desk
 * and for the applicant's copy.
 */
export async function dossierForm(ctx: RequestContext, id: string, sha256: string): Promise<GeneratedFile> {
  const dossier = await readDossier(ctx, { id });
  const form = dossier.forms?.find((issued) => issued.sha256 === sha256);
  if (!form) throw AppError.notFound({ vi: 'biểu mẫu của hồ sơ', en: 'dossier form' }, sha256);
  const pdf = await dossierBlobs().get(sha256);
  return fileOf(`mau-${form.number.replace(/\D/g, '')}-${safeName(dossier.code ?? dossier.id)}.pdf`, PDF_TYPE, pdf);
}

/**
 * Mẫu 07 (2025; 06 under the 2018 set): the tracking book of the dossiers received by a unit in
 * [from, to), as PDF or Excel; only dossiers the caller's read grants reach are listed, and a
 * caller with no read grant at all is refused.
 */
export async function trackingBook(ctx: RequestContext, input: { unitId: string; from: Date; to: Date; format: RegisterFormat }): Promise<GeneratedFile> {
  requirePrincipal(ctx);
  const granted = accessibleWhere<Dossier>(ctx.ability, 'read', 'Dossier');
  if (!granted) throw AppError.forbidden('read', 'Dossier');
  if (!(input.from < input.to)) throw AppError.badInput('to', { vi: 'ngày kết thúc phải sau ngày bắt đầu', en: 'the end must be after the start' });
  const where = { $and: [granted, { unitId: input.unitId, receivedAt: { $gte: input.from, $lt: input.to } }] } as FilterQuery<Dossier>;
  const dossiers = await ctx.em.find(Dossier, where, { orderBy: { receivedAt: 'asc', id: 'asc' }, limit: 10_000 });
  const receipts = await ctx.em.find(ProcessLogLine, { dossierId: { $in: dossiers.map((d) => d.id) }, nationalStatus: 2 }, { orderBy: { at: 'asc' } });
  const receiverOf = new Map(receipts.reverse().map((line) => [line.dossierId, line.actorName]));
  const data = {
    kind: FormKind.TRACKING_BOOK as const, issuer: formCommon(ctx, dossiers[0] ?? ({ agencyName: 'Bộ phận Một cửa' } as Dossier)).issuer, from: input.from, to: input.to,
    rows: dossiers.map((d) => ({
      dossierCode: d.code!, procedureName: d.procedureName, sets: 1, applicantName: d.applicantName, address: d.applicantAddress ?? undefined, phone: d.applicantPhone ?? undefined,
      receivedAt: d.receivedAt!, dueAt: d.dueAt!, returnedAt: d.returnedAt ?? undefined, receiverName: receiverOf.get(d.id) ?? '',
    })),
  };
  const name = `so-theo-doi-${vnDate(input.from).replace(/\//g, '-')}`;
  return input.format === RegisterFormat.XLSX
    ? fileOf(`${name}.xlsx`, XLSX_TYPE, await trackingBookWorkbook(data))
    : fileOf(`${name}.pdf`, PDF_TYPE, (await renderForm(data)).pdf);
}
