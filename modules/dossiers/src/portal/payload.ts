import { DossierState, nationalStatusOf, type NationalStatus } from '../lifecycle/states.js';
import { vietnamParts } from '../shared/vietnam-time.js';

/**
 * A date as the national portal wants it: `yyyyMMddHHmmss` in Vietnam time; empty when absent.
 *
 * @example portalDate(new Date('2023-10-27T02:32:05Z')) // '20231027093205'
 */
export function portalDate(at: Date | null | undefined): string {
  if (!at) return '';
  const p = vietnamParts(at);
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
}

/** An attached document as the portal lists it (`TaiLieuNop`). */
export interface PortalFile {
  id: string;
  name: string;
  componentCode: string;
  url: string;
  digitised: boolean;
  reused: boolean;
  fromNationalStore: boolean;
  deleted?: boolean;
}

/** What the dossier payload is built from: the dossier row plus its lists (empty until the full aggregate exists). */
export interface PortalDossierInput {
  code: string;
  foreignCode?: string | null;
  state: DossierState;
  channel: number;
  agencyCode: string;
  procedureCode: string;
  procedureName: string;
  sectorCode?: string | null;
  sectorName?: string | null;
  applicantName: string;
  applicantKind: number;
  applicantIdNumber?: string | null;
  applicantEmail?: string | null;
  applicantPhone?: string | null;
  applicantAddress?: string | null;
  summary?: string | null;
  submittedAt?: Date | null;
  receivedAt?: Date | null;
  /** When the competent agency received a boundary-free dossier. */
  competentReceivedAt?: Date | null;
  dueAt?: Date | null;
  finishedAt?: Date | null;
  returnedAt?: Date | null;
  refusedAt?: Date | null;
  returnMethod?: string | null;
  returnRecipient?: string | null;
  verifiedWithVneid?: boolean;
  files?: PortalFile[];
  paidOnline?: boolean;
}

/** The national dossier payload (`HoSoDongBoDVC`, domain doc §11.2). */
export interface HoSoDongBoDVC {
  MaHoSo: string;
  MaHoSoKhac: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  TenLinhVuc: string;
  KenhThucHien: number;
  DonViXuLy: string;
  ChuHoSo: string;
  LoaiDoiTuong: number;
  SoGiayToChuHoSo: string;
  Email: string;
  SoDienThoai: string;
  DiaChi: string;
  TaiKhoanDuocXacThucVoiVNeID: 0 | 1;
  TrichYeuHoSo: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string;
  /**
   * When the competent agency received a boundary-free dossier (its clock starts then, Decree 118
   * Art. 17(3)); present only for those. The name is ours (domain doc §4.2) until the Ministry of
   * Public Security's interface names it.
   */
  NgayCoQuanNhan?: string;
  NgayHenTra: string;
  NgayKetThucXuLy: string;
  NgayTra: string;
  NgayTuChoi: string;
  TrangThaiHoSo: NationalStatus;
  HinhThuc: string;
  ThongTinTra: string;
  TaiLieuNop: Array<{
    TepDinhKemId: string; TenTepDinhKem: string; IsDeleted: boolean; MaThanhPhanHoSo: string; DuongDanTaiTepTin: string;
    DuocSoHoa: 0 | 1; DuocTaiSuDung: 0 | 1; DuocLayTuKhoDMQG: 0 | 1;
  }>;
  HoSoCoThanhPhanSoHoa: 0 | 1;
  DuocThanhToanTrucTuyen: 0 | 1;
}

/** Return method codes as the portal's `HinhThuc` carries them. */
const RETURN_METHOD_CODE: Record<string, string> = { AT_DESK: '0', BY_POST: '1', ONLINE: '2' };
const flag = (value: boolean | undefined): 0 | 1 => (value ? 1 : 0);

/**
 * Builds the national dossier payload. The status is the state's own national code: 5, 6 and 8
 * are sent as they are, never rewritten into 9 (a known flaw of one deployed system, §5.2).
 * Throws for drafts, which the portal never hears of.
 *
 * @example const payload = dossierPayload({ code, state: DossierState.SUPPLEMENT_REQUESTED, ... }); // TrangThaiHoSo: 5
 */
export function dossierPayload(dossier: PortalDossierInput): HoSoDongBoDVC {
  const status = nationalStatusOf(dossier.state);
  if (status === null) throw new RangeError(`a dossier in state ${dossier.state} is not reported to the national portal`);
  const files = dossier.files ?? [];
  return {
    MaHoSo: dossier.code,
    MaHoSoKhac: dossier.foreignCode ?? '',
    MaTTHC: dossier.procedureCode,
    TenTTHC: dossier.procedureName,
    MaLinhVuc: dossier.sectorCode ?? '',
    TenLinhVuc: dossier.sectorName ?? '',
    KenhThucHien: dossier.channel,
    DonViXuLy: dossier.agencyCode,
    ChuHoSo: dossier.applicantName,
    LoaiDoiTuong: dossier.applicantKind,
    SoGiayToChuHoSo: dossier.applicantIdNumber ?? '',
    Email: dossier.applicantEmail ?? '',
    SoDienThoai: dossier.applicantPhone ?? '',
    DiaChi: dossier.applicantAddress ?? '',
    TaiKhoanDuocXacThucVoiVNeID: flag(dossier.verifiedWithVneid),
    TrichYeuHoSo: (dossier.summary ?? dossier.procedureName).slice(0, 1000),
    NgayNopHoSo: portalDate(dossier.submittedAt ?? dossier.receivedAt),
    NgayTiepNhan: portalDate(dossier.receivedAt),
    ...(dossier.competentReceivedAt ? { NgayCoQuanNhan: portalDate(dossier.competentReceivedAt) } : {}),
    NgayHenTra: portalDate(dossier.dueAt),
    NgayKetThucXuLy: portalDate(dossier.finishedAt),
    NgayTra: portalDate(dossier.returnedAt),
    NgayTuChoi: portalDate(dossier.refusedAt),
    TrangThaiHoSo: status,
    HinhThuc: dossier.returnMethod ? RETURN_METHOD_CODE[dossier.returnMethod] ?? '' : '',
    ThongTinTra: dossier.returnRecipient ?? '',
    TaiLieuNop: files.map((file) => ({
      TepDinhKemId: file.id, TenTepDinhKem: file.name, IsDeleted: file.deleted ?? false, MaThanhPhanHoSo: file.componentCode,
      DuongDanTaiTepTin: file.url, DuocSoHoa: flag(file.digitised), DuocTaiSuDung: flag(file.reused), DuocLayTuKhoDMQG: flag(file.fromNationalStore),
    })),
    HoSoCoThanhPhanSoHoa: flag(files.some((file) => file.digitised)),
    DuocThanhToanTrucTuyen: flag(dossier.paidOnline),
  };
}

/** What a process-log line is built from. */
export interface PortalLogInput {
  dossierCode: string;
  actorName: string;
  actorTitle?: string | null;
  unitName?: string | null;
  at: Date;
  content: string;
  nationalStatus: NationalStatus;
  stepStartedAt?: Date | null;
  stepDueAt?: Date | null;
}

/** The national process-log line (`QuaTrinhXuLyDongBoDVC`, domain doc §11.3). */
export interface QuaTrinhXuLyDongBoDVC {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: NationalStatus;
  NgayBatDau: string;
  NgayKetThucTheoQuyDinh: string;
}

/**
 * Builds one national process-log line (handler name cut to the portal's 50 characters).
 *
 * @example processLogPayload({ dossierCode, actorName: 'Lê Văn Đức', at, content: 'Tiếp nhận hồ sơ', nationalStatus: 2 })
 */
export function processLogPayload(line: PortalLogInput): QuaTrinhXuLyDongBoDVC {
  return {
    MaHoSo: line.dossierCode,
    NguoiXuLy: line.actorName.slice(0, 50),
    ChucDanh: line.actorTitle ?? '',
    ThoiDiemXuLy: portalDate(line.at),
    PhongBanXuLy: line.unitName ?? '',
    NoiDungXuLy: line.content,
    TrangThai: line.nationalStatus,
    NgayBatDau: portalDate(line.stepStartedAt),
    NgayKetThucTheoQuyDinh: portalDate(line.stepDueAt),
  };
}
