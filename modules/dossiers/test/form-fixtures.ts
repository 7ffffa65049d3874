import { FormKind, type FormData, type FormIssuer } from '@motcua/dossiers/contract';

export const ISSUER: FormIssuer = { parentName: 'Ủy ban nhân dân tỉnh Thanh Hóa', name: 'Trung tâm Phục vụ hành chính công tỉnh', place: 'Thanh Hóa' };
export const APPLICANT = { name: 'Nguyễn Thị Hồng Ánh', address: 'Số 12 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa', phone: '0912345678', email: 'anh.nguyen@example.vn', idNumber: '038190001234' };
export const PROCEDURE = 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp';

/** The real slip's times (domain doc §6.5 A): received Friday 27/10/2023 09:32, due 03/11/2023 09:00 (Hà Nội). */
export const RECEIVED_2023 = new Date('2023-10-27T02:32:00Z');
export const DUE_2023 = new Date('2023-11-03T02:00:00Z');
export const RECEIVED_2026 = new Date('2026-03-02T02:15:00Z');
export const DUE_2026 = new Date('2026-03-09T10:00:00Z'); // 17:00 in Hà Nội

/** Data for each form kind, received at `receivedAt` and due at `dueAt`. */
export function formData(kind: FormKind, receivedAt: Date, dueAt: Date, code: string): FormData {
  const common = { issuer: ISSUER, dossierCode: code, applicant: APPLICANT, procedureName: PROCEDURE, receivedAt };
  const later = new Date(receivedAt.getTime() + 2 * 86_400_000);
  const newDueAt = new Date(dueAt.getTime() + 3 * 86_400_000);
  switch (kind) {
    case FormKind.RECEIPT:
      return {
        ...common, kind, dueAt, trackingUrl: `https://motcua.example.vn/tra-cuu?ma=${encodeURIComponent(code)}`, sets: 1, timeLimitText: '05 ngày làm việc',
        returnPlace: 'Quầy số 5, Trung tâm Phục vụ hành chính công tỉnh', receiverName: 'Lê Văn Đức',
        components: [
          { name: 'Đơn đề nghị đổi, cấp lại giấy phép lái xe', originals: 1, certifiedCopies: 0, photocopies: 0 },
          { name: 'Giấy chứng nhận sức khỏe của người lái xe', originals: 1, certifiedCopies: 0, photocopies: 0 },
        ],
      };
    case FormKind.SUPPLEMENT_REQUEST:
      return { ...common, kind, issuedAt: later, officerName: 'Lê Văn Đức', items: [{ name: 'Giấy chứng nhận sức khỏe', reason: 'Đã hết hạn sử dụng' }] };
    case FormKind.REFUSAL:
      return { ...common, kind, issuedAt: later, officerName: 'Lê Văn Đức', reasons: ['Không thuộc thẩm quyền giải quyết của cơ quan'] };
    case FormKind.APOLOGY:
      return { ...common, kind, issuedAt: later, dueAt, newDueAt, reason: 'Cần xác minh thông tin với cơ quan khác', signerName: 'Trần Quốc Bảo', signerTitle: 'Giám đốc' };
    case FormKind.STOP_NOTICE:
      return { ...common, kind, issuedAt: later, reasons: ['Hồ sơ không đủ điều kiện theo quy định'], signerName: 'Trần Quốc Bảo', signerTitle: 'Giám đốc' };
    case FormKind.CONTROL_SHEET:
      return {
        ...common, kind, dueAt,
        handovers: [
          { fromUnit: 'Bộ phận Một cửa', fromPerson: 'Lê Văn Đức', toUnit: 'Phòng Quản lý phương tiện', toPerson: 'Phạm Thu Hà', at: receivedAt, stepDueAt: later, timeliness: 'EARLY' },
          { fromUnit: 'Phòng Quản lý phương tiện', fromPerson: 'Phạm Thu Hà', toUnit: 'Lãnh đạo Sở', toPerson: 'Trần Quốc Bảo', at: later, stepDueAt: dueAt, timeliness: 'LATE', note: 'Chờ xác minh' },
        ],
      };
    case FormKind.TRACKING_BOOK:
      return {
        kind, issuer: ISSUER, from: receivedAt, to: dueAt,
        rows: [{ dossierCode: code, procedureName: PROCEDURE, sets: 1, applicantName: APPLICANT.name, address: APPLICANT.address, phone: APPLICANT.phone, receivedAt, dueAt, receiverName: 'Lê Văn Đức' }],
      };
  }
}
