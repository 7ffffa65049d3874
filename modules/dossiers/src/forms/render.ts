import { FormKind } from '../lifecycle/actions.js';
import { code39Png, qrPng } from './barcodes.js';
import type {
  ApologyData, ControlSheetData, FormApplicant, FormData, FormIssuer, HandoverTimeliness, ReceiptSlipData, RefusalData, StopNoticeData,
  SupplementRequestData, TrackingBookData,
} from './form-data.js';
import { PdfWriter } from './pdf-writer.js';
import { FormSet, type FormTemplate, templateFor } from './templates.js';
import { placeAndDate, vnDate, vnDateTime } from './vietnamese-time.js';

/** A rendered form: the PDF and the template (set, number, title) it was rendered with. */
export interface RenderedForm {
  pdf: Uint8Array;
  template: FormTemplate & { circular: string };
}

type Template = RenderedForm['template'];

const TIMELINESS_LABEL: Record<HandoverTimeliness, string> = { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn' };

/** The day that picks the form set: receipt, or the start of the tracking book's period. */
function legalDateOf(data: FormData): Date {
  return data.kind === FormKind.TRACKING_BOOK ? data.from : data.receivedAt;
}

/**
 * Renders a form as a PDF in Vietnamese with embedded fonts, from the template of the form set
 * in force when the dossier was received. Pure: the same data gives the same bytes.
 *
 * @example
 * const { pdf, template } = await renderForm({ kind: FormKind.RECEIPT, dossierCode, receivedAt, dueAt, ... });
 * template.number // '01'; template.set // 'TT03-2025'
 */
export async function renderForm(data: FormData): Promise<RenderedForm> {
  const template = templateFor(data.kind, legalDateOf(data));
  const issuedAt = 'issuedAt' in data ? data.issuedAt : legalDateOf(data);
  const writer = await PdfWriter.create(template.title, issuedAt, { landscape: data.kind === FormKind.TRACKING_BOOK });
  formHeading(writer, template, data.issuer, issuedAt);
  switch (data.kind) {
    case FormKind.RECEIPT: await receiptBody(writer, data); break;
    case FormKind.SUPPLEMENT_REQUEST: supplementBody(writer, data); break;
    case FormKind.REFUSAL: refusalBody(writer, data); break;
    case FormKind.APOLOGY: apologyBody(writer, data, template); break;
    case FormKind.STOP_NOTICE: stopBody(writer, data); break;
    case FormKind.CONTROL_SHEET: controlSheetBody(writer, data); break;
    case FormKind.TRACKING_BOOK: trackingBookBody(writer, data); break;
  }
  return { pdf: await writer.save(), template };
}

/** Form number, the national header beside the issuer, the place-and-date line and the title. */
function formHeading(w: PdfWriter, template: Template, issuer: FormIssuer, date: Date): void {
  w.text(`Mẫu số ${template.number} — ban hành kèm theo Thông tư số ${template.circular}`, { size: 9, italic: true, align: 'right' }).gap(4);
  w.columns([
    [...(issuer.parentName ? [{ text: issuer.parentName.toUpperCase(), size: 11 }] : []), { text: issuer.name.toUpperCase(), size: 11, bold: true }],
    [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 11, bold: true }, { text: 'Độc lập - Tự do - Hạnh phúc', size: 12, bold: true }],
  ], [0.42, 0.58]);
  if (template.kind !== FormKind.TRACKING_BOOK) w.text(placeAndDate(issuer.place, date), { size: 11, italic: true, align: 'right' });
  w.gap(10).text(template.title, { size: 14, bold: true, align: 'center' }).gap(6);
}

function applicantLines(w: PdfWriter, applicant: FormApplicant): void {
  w.text(`Ông/Bà: ${applicant.name}`);
  if (applicant.idNumber) w.text(`Số định danh cá nhân: ${applicant.idNumber}`);
  if (applicant.address) w.text(`Địa chỉ: ${applicant.address}`);
  if (applicant.phone || applicant.email) w.text(`Số điện thoại: ${applicant.phone ?? '—'}    Email: ${applicant.email ?? '—'}`);
}

function signatureBlock(w: PdfWriter, blocks: Array<{ role: string; name: string }>): void {
  w.gap(12).columns(blocks.map(({ role, name }) => [
    { text: role.toUpperCase(), bold: true, size: 11 },
    { text: '(Ký và ghi rõ họ tên)', italic: true, size: 10 },
    { text: '\n\n' },
    { text: name, bold: true, size: 11 },
  ]));
}

const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

async function receiptBody(w: PdfWriter, d: ReceiptSlipData): Promise<void> {
  const [barcode, qr] = await Promise.all([code39Png(d.dossierCode), qrPng(d.trackingUrl)]);
  w.text(`Mã hồ sơ: ${d.dossierCode}`, { bold: true, align: 'center' });
  await w.image(barcode, 220, 40, 'left');
  await w.image(qr, 72, 72, 'right');
  w.skip(78);
  w.text(`${d.issuer.name} tiếp nhận hồ sơ của:`);
  applicantLines(w, d.applicant);
  w.text(`Nội dung yêu cầu giải quyết: ${d.procedureName}`).gap(4);
  w.text('1. Thành phần hồ sơ nộp gồm:');
  w.table(
    [{ header: 'TT', width: 1 }, { header: 'Tên giấy tờ', width: 9 }, { header: 'Bản chính', width: 2 }, { header: 'Bản sao', width: 2 }, { header: 'Bản photo', width: 2 }],
    d.components.map((c, i) => [String(i + 1), c.name, String(c.originals), String(c.certifiedCopies), String(c.photocopies)]),
  );
  w.text(`2. Số lượng hồ sơ: ${String(d.sets).padStart(2, '0')} bộ`);
  w.text(`3. Thời gian giải quyết hồ sơ theo quy định là: ${d.timeLimitText}`);
  w.text(`4. Thời gian nhận hồ sơ: ${vnDateTime(d.receivedAt)}`);
  w.text(d.dueAt
    ? `5. Thời gian trả kết quả giải quyết hồ sơ: Sau ${vnDateTime(d.dueAt)}`
    : '5. Thời gian trả kết quả giải quyết hồ sơ: được hẹn khi cơ quan có thẩm quyền nhận được hồ sơ (tiếp nhận không phụ thuộc địa giới hành chính) và thông báo cho ông/bà');
  w.text(`6. Đăng ký nhận kết quả tại: ${d.returnPlace}`);
  w.text(`Tra cứu tình trạng hồ sơ: ${d.trackingUrl}`, { size: 10, italic: true });
  w.text('Vào sổ theo dõi hồ sơ. Trường hợp có kết quả trước hạn, đơn vị sẽ thông báo qua tin nhắn hoặc thư điện tử.', { size: 10, italic: true });
  signatureBlock(w, [{ role: 'Người nộp hồ sơ', name: d.applicant.name }, { role: 'Người tiếp nhận hồ sơ', name: d.receiverName }]);
}

function supplementBody(w: PdfWriter, d: SupplementRequestData): void {
  if (d.dossierCode) w.text(`Mã hồ sơ: ${d.dossierCode}`, { bold: true, align: 'center' }).gap(4);
  w.text(`${d.issuer.name} đã nhận hồ sơ của:`);
  applicantLines(w, d.applicant);
  w.text(`Nội dung yêu cầu giải quyết: ${d.procedureName}`);
  w.text('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau (hướng dẫn đầy đủ trong một lần):');
  w.table([{ header: 'TT', width: 1 }, { header: 'Giấy tờ, nội dung cần bổ sung', width: 8 }, { header: 'Lý do', width: 7 }], d.items.map((item, i) => [String(i + 1), item.name, item.reason]));
  w.text('Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với người tiếp nhận hồ sơ để được hướng dẫn.', { italic: true, size: 11 });
  signatureBlock(w, [{ role: 'Người hướng dẫn', name: d.officerName }]);
}

function refusalBody(w: PdfWriter, d: RefusalData): void {
  w.text(`${d.issuer.name} tiếp nhận hồ sơ của:`);
  applicantLines(w, d.applicant);
  if (d.dossierCode) w.text(`Mã hồ sơ: ${d.dossierCode}`);
  w.text(`Nội dung yêu cầu giải quyết: ${d.procedureName}`);
  w.text('Sau khi xem xét, đối chiếu thành phần hồ sơ, cơ quan không thể tiếp nhận, giải quyết hồ sơ này với lý do:');
  w.text(numbered(d.reasons));
  w.text('Xin thông báo để ông/bà được biết và thực hiện.', { italic: true });
  signatureBlock(w, [{ role: 'Người tiếp nhận hồ sơ', name: d.officerName }]);
}

function apologyBody(w: PdfWriter, d: ApologyData, template: Template): void {
  const extension = template.set === FormSet.TT03_2025;
  w.text(`Kính gửi: Ông/Bà ${d.applicant.name}`, { bold: true }).gap(4);
  w.text(`Ngày ${vnDate(d.receivedAt)}, ${d.issuer.name} tiếp nhận hồ sơ mã số ${d.dossierCode} về việc: ${d.procedureName}. Thời hạn trả kết quả theo giấy tiếp nhận là ${vnDateTime(d.dueAt)}.`);
  w.text(`Đến nay, hồ sơ chưa giải quyết xong. Lý do: ${d.reason}`);
  w.text(extension
    ? `Cơ quan thành thật xin lỗi ông/bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến ${vnDateTime(d.newDueAt)}.`
    : `Cơ quan thành thật xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào ${vnDateTime(d.newDueAt)}.`);
  w.text('Mong ông/bà thông cảm.', { italic: true });
  signatureBlock(w, [{ role: d.signerTitle, name: d.signerName }]);
}

function stopBody(w: PdfWriter, d: StopNoticeData): void {
  w.text(`Kính gửi: Ông/Bà ${d.applicant.name}`, { bold: true }).gap(4);
  w.text(`Ngày ${vnDate(d.receivedAt)}, ${d.issuer.name} tiếp nhận hồ sơ mã số ${d.dossierCode} về việc: ${d.procedureName}.`);
  w.text('Cơ quan thông báo dừng giải quyết hồ sơ vì các lý do sau:');
  w.text(numbered(d.reasons));
  signatureBlock(w, [{ role: d.signerTitle, name: d.signerName }]);
}

function controlSheetBody(w: PdfWriter, d: ControlSheetData): void {
  w.text(`Mã hồ sơ: ${d.dossierCode}`, { bold: true, align: 'center' });
  w.text(`(Kèm theo hồ sơ của ông/bà ${d.applicant.name}; ${d.procedureName})`, { italic: true, align: 'center', size: 11 });
  w.text(`Ngày nhận: ${vnDateTime(d.receivedAt)}    Ngày hẹn trả: ${vnDateTime(d.dueAt)}`, { size: 11 }).gap(4);
  w.table(
    [{ header: 'Tên cơ quan, đơn vị', width: 5 }, { header: 'Thời gian giao, nhận hồ sơ', width: 5 }, { header: 'Kết quả giải quyết hồ sơ', width: 3 }, { header: 'Ghi chú', width: 3 }],
    d.handovers.map((h) => [
      `1. Giao: ${h.fromUnit} (${h.fromPerson})\n2. Nhận: ${h.toUnit} (${h.toPerson})`,
      `${vnDateTime(h.at)}${h.stepDueAt ? `\nHạn xử lý: ${vnDateTime(h.stepDueAt)}` : ''}`,
      h.timeliness ? TIMELINESS_LABEL[h.timeliness] : '',
      h.note ?? '',
    ]),
  );
}

function trackingBookBody(w: PdfWriter, d: TrackingBookData): void {
  w.text(`Từ ngày ${vnDate(d.from)} đến ngày ${vnDate(d.to)}`, { italic: true, align: 'center', size: 11 }).gap(4);
  w.table(TRACKING_BOOK_COLUMNS, d.rows.map(trackingBookCells), { size: 8 });
}

/** Columns of the tracking book (PDF and Excel). */
export const TRACKING_BOOK_COLUMNS = [
  { header: 'STT', width: 1 }, { header: 'Mã hồ sơ', width: 4 }, { header: 'Tên TTHC', width: 5 }, { header: 'Số lượng hồ sơ (bộ)', width: 2 },
  { header: 'Tên cá nhân, tổ chức', width: 5 }, { header: 'Địa chỉ, số điện thoại', width: 4 }, { header: 'Ngày nhận', width: 3 },
  { header: 'Ngày hẹn trả', width: 3 }, { header: 'Ngày trả kết quả', width: 3 }, { header: 'Người tiếp nhận', width: 3 }, { header: 'Ghi chú', width: 2 },
];

/** One tracking-book row as printed text, numbered from 1. */
export function trackingBookCells(row: TrackingBookData['rows'][number], index: number): string[] {
  return [
    String(index + 1), row.dossierCode, row.procedureName, String(row.sets), row.applicantName,
    [row.address, row.phone].filter(Boolean).join('; '), vnDateTime(row.receivedAt), row.dueAt ? vnDateTime(row.dueAt) : '',
    row.returnedAt ? vnDateTime(row.returnedAt) : '', row.receiverName, row.note ?? '',
  ];
}
