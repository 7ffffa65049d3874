import { vnDateTime } from '../forms/vietnamese-time.js';

/** The moments the applicant is told about by e-mail and SMS/Zalo. */
export enum NotificationKind {
  RECEIVED = 'RECEIVED',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  APOLOGY_ISSUED = 'APOLOGY_ISSUED',
  RESULT_READY = 'RESULT_READY',
}

interface Common {
  applicantName: string;
  dossierCode: string;
  procedureName: string;
  agencyName: string;
  trackingUrl: string;
}

/** What a notification says, by kind. */
export type NotificationData =
  | (Common & { kind: NotificationKind.RECEIVED; receivedAt: Date; /** Null for a boundary-free dossier until the competent agency receives it. */ dueAt: Date | null })
  | (Common & { kind: NotificationKind.SUPPLEMENT_REQUESTED; items: string[] })
  | (Common & { kind: NotificationKind.APOLOGY_ISSUED; reason: string; newDueAt: Date })
  | (Common & { kind: NotificationKind.RESULT_READY; returnPlace: string; /** The signed public rating link (evaluation module), when there is one. */ ratingUrl?: string | null });

/** A composed message: e-mail subject and bodies, and the short text for SMS/Zalo. */
export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
  short: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function body(data: NotificationData): { subject: string; lines: string[]; short: string } {
  const code = data.dossierCode;
  switch (data.kind) {
    case NotificationKind.RECEIVED:
      return {
        subject: `Đã tiếp nhận hồ sơ ${code}`,
        lines: [
          `${data.agencyName} đã tiếp nhận hồ sơ "${data.procedureName}" của ông/bà lúc ${vnDateTime(data.receivedAt)}.`,
          data.dueAt
            ? `Mã hồ sơ: ${code}. Thời gian hẹn trả kết quả: ${vnDateTime(data.dueAt)}.`
            : `Mã hồ sơ: ${code}. Thời gian hẹn trả kết quả sẽ được thông báo khi cơ quan có thẩm quyền nhận được hồ sơ.`,
        ],
        short: `Ho so ${code} da duoc tiep nhan. ${data.dueAt ? `Hen tra: ${vnDateTime(data.dueAt)}.` : 'Ngay hen tra se duoc thong bao sau.'}`,
      };
    case NotificationKind.SUPPLEMENT_REQUESTED:
      return {
        subject: `Yêu cầu bổ sung, hoàn thiện hồ sơ ${code}`,
        lines: [`Hồ sơ "${data.procedureName}" (mã ${code}) cần bổ sung, hoàn thiện các nội dung sau:`, ...data.items.map((item, i) => `${i + 1}. ${item}`)],
        short: `Ho so ${code} can bo sung ${data.items.length} noi dung. Xem chi tiet tai cong dich vu cong.`,
      };
    case NotificationKind.APOLOGY_ISSUED:
      return {
        subject: `Thư xin lỗi về việc chậm giải quyết hồ sơ ${code}`,
        lines: [
          `${data.agencyName} thành thật xin lỗi ông/bà vì hồ sơ "${data.procedureName}" (mã ${code}) chưa giải quyết xong đúng hạn.`,
          `Lý do: ${data.reason}`,
          `Thời gian hẹn trả kết quả mới: ${vnDateTime(data.newDueAt)}.`,
        ],
        short: `Xin loi: ho so ${code} cham giai quyet. Hen tra moi: ${vnDateTime(data.newDueAt)}.`,
      };
    case NotificationKind.RESULT_READY:
      return {
        subject: `Đã có kết quả giải quyết hồ sơ ${code}`,
        lines: [
          `Hồ sơ "${data.procedureName}" (mã ${code}) đã có kết quả.`, `Mời ông/bà nhận kết quả tại: ${data.returnPlace}.`,
          ...(data.ratingUrl ? [`Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ: ${data.ratingUrl}`] : []),
        ],
        short: `Ho so ${code} da co ket qua. Moi nhan tai: ${data.returnPlace}.`,
      };
  }
}

/**
 * Composes the Vietnamese message for the applicant. The e-mail keeps the diacritics; the short
 * text is unaccented ASCII (SMS without Unicode fits 160 characters per part, and brandname
 * gateways often require it).
 *
 * @example composeMessage({ kind: NotificationKind.RECEIVED, applicantName, dossierCode, ... }).subject // 'Đã tiếp nhận hồ sơ …'
 */
export function composeMessage(data: NotificationData): ComposedMessage {
  const { subject, lines, short } = body(data);
  const all = [`Kính gửi ông/bà ${data.applicantName},`, ...lines, `Tra cứu tình trạng hồ sơ: ${data.trackingUrl}`, `Trân trọng,`, data.agencyName];
  return {
    subject,
    text: all.join('\n\n'),
    html: all.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
    short: short.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
  };
}
