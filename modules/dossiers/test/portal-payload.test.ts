import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DossierState, dossierPayload, NATIONAL_STATUS, portalDate, processLogPayload, type PortalDossierInput } from '@motcua/dossiers/contract';

export const BASE: PortalDossierInput = {
  code: '000.00.06.H56-260302-0007', state: DossierState.RECEIVED, channel: 2, agencyCode: '000.00.06.H56', procedureCode: '1.000105',
  procedureName: 'Cấp đổi giấy phép lái xe', sectorCode: 'G12', sectorName: 'Đường bộ', applicantName: 'Nguyễn Thị Hồng Ánh', applicantKind: 1,
  applicantIdNumber: '038190001234', submittedAt: new Date('2026-03-01T14:00:00Z'), receivedAt: new Date('2026-03-02T02:15:00Z'),
  dueAt: new Date('2026-03-09T10:00:00Z'),
};

describe('national portal payloads', () => {
  it.each([
    ['2023-10-27T02:32:05Z', '20231027093205'],
    ['2025-12-31T17:00:00Z', '20260101000000'], // midnight in Hà Nội is the next day
    ['2026-03-09T10:00:00Z', '20260309170000'],
  ])('dates are yyyyMMddHHmmss in Vietnam time: %s → %s', (instant, text) => expect(portalDate(new Date(instant))).toBe(text));

  it('absent dates are empty strings', () => expect(portalDate(null)).toBe(''));

  it('sends every reportable state with its own national code: 5, 6 and 8 are never rewritten into 9', () => {
    fc.assert(fc.property(fc.constantFrom(...Object.values(DossierState).filter((s) => NATIONAL_STATUS[s] !== null)), (state) => {
      expect(dossierPayload({ ...BASE, state }).TrangThaiHoSo).toBe(NATIONAL_STATUS[state]);
    }));
    for (const [state, code] of [[DossierState.SUPPLEMENT_REQUESTED, 5], [DossierState.FINANCIAL_OBLIGATION, 6], [DossierState.STOPPED, 8]] as const) {
      expect(dossierPayload({ ...BASE, state, finishedAt: new Date() }).TrangThaiHoSo).toBe(code);
    }
  });

  it('refuses to report a draft', () => expect(() => dossierPayload({ ...BASE, state: DossierState.DRAFT })).toThrow(RangeError));

  it('fills the documented fields', () => {
    expect(dossierPayload({ ...BASE, files: [{ id: 'f1', name: 'don.pdf', componentCode: 'TP1', url: '/blobs/ab', digitised: true, reused: false, fromNationalStore: true }] })).toMatchObject({
      MaHoSo: BASE.code, MaTTHC: '1.000105', KenhThucHien: 2, ChuHoSo: 'Nguyễn Thị Hồng Ánh', TrangThaiHoSo: 2,
      NgayNopHoSo: '20260301210000', NgayTiepNhan: '20260302091500', NgayHenTra: '20260309170000', NgayKetThucXuLy: '',
      TaiLieuNop: [{ TepDinhKemId: 'f1', DuocSoHoa: 1, DuocTaiSuDung: 0, DuocLayTuKhoDMQG: 1, IsDeleted: false }], HoSoCoThanhPhanSoHoa: 1,
    });
  });

  it('sends NgayCoQuanNhan only for a boundary-free dossier the competent agency received', () => {
    expect(dossierPayload(BASE)).not.toHaveProperty('NgayCoQuanNhan');
    expect(dossierPayload({ ...BASE, competentReceivedAt: new Date('2026-03-09T02:00:00Z') })).toMatchObject({ NgayTiepNhan: '20260302091500', NgayCoQuanNhan: '20260309090000' });
  });

  it('cuts the handler name to the portal’s 50 characters in a process-log line', () => {
    const line = processLogPayload({ dossierCode: BASE.code, actorName: 'A'.repeat(80), at: new Date('2026-03-02T02:15:00Z'), content: 'Tiếp nhận hồ sơ', nationalStatus: 2 });
    expect(line).toMatchObject({ NguoiXuLy: 'A'.repeat(50), ThoiDiemXuLy: '20260302091500', TrangThai: 2, NgayBatDau: '' });
  });
});
