/**
 * Sector code list (lĩnh vực). Circular 03/2025 regulates "mã ngành, lĩnh vực" but its list
 * was not available to us (one-stop-domain §3), so the codes here are our own stable keys
 * (ministry prefix + sector), named as the national database names the sectors. New sectors
 * are added here in code; content referring to an unknown code is refused.
 */
export interface Sector {
  code: string;
  name: string;
  nameEn: string;
}

export const SECTORS: readonly Sector[] = [
  { code: 'TP-HOTICH', name: 'Hộ tịch', nameEn: 'Civil status' },
  { code: 'TP-CHUNGTHUC', name: 'Chứng thực', nameEn: 'Certification' },
  { code: 'TP-LLTP', name: 'Lý lịch tư pháp', nameEn: 'Judicial records' },
  { code: 'TP-QUOCTICH', name: 'Quốc tịch', nameEn: 'Nationality' },
  { code: 'TP-CONGCHUNG', name: 'Công chứng', nameEn: 'Notarisation' },
  { code: 'TP-LUATSU', name: 'Luật sư', nameEn: 'Lawyers' },
  { code: 'XD-HDXD', name: 'Hoạt động xây dựng', nameEn: 'Construction' },
  { code: 'XD-DUONGBO', name: 'Đường bộ', nameEn: 'Road transport' },
  { code: 'NNMT-DATDAI', name: 'Đất đai', nameEn: 'Land' },
  { code: 'NNMT-MOITRUONG', name: 'Môi trường', nameEn: 'Environment' },
  { code: 'NNMT-THUYLOI', name: 'Thủy lợi', nameEn: 'Irrigation' },
  { code: 'TC-DKKD', name: 'Thành lập và hoạt động của doanh nghiệp, hộ kinh doanh', nameEn: 'Business registration' },
  { code: 'CT-THUONGMAI', name: 'Lưu thông hàng hóa trong nước', nameEn: 'Domestic trade' },
  { code: 'CA-CUTRU', name: 'Đăng ký, quản lý cư trú', nameEn: 'Residence' },
  { code: 'CA-CANCUOC', name: 'Căn cước', nameEn: 'Identity cards' },
  { code: 'CA-XNC', name: 'Quản lý xuất nhập cảnh', nameEn: 'Exit and entry' },
  { code: 'YT-KCB', name: 'Khám bệnh, chữa bệnh', nameEn: 'Medical care' },
  { code: 'LDTBXH-BTXH', name: 'Bảo trợ xã hội', nameEn: 'Social protection' },
  { code: 'LDTBXH-NCC', name: 'Người có công', nameEn: 'Persons with merit' },
  { code: 'GDDT-VANBANG', name: 'Văn bằng, chứng chỉ', nameEn: 'Diplomas and certificates' },
  { code: 'VHTT-VANHOA', name: 'Văn hóa', nameEn: 'Culture' },
  { code: 'NV-TONGIAO', name: 'Tín ngưỡng, tôn giáo', nameEn: 'Religion' },
  { code: 'KHCN-DOLUONG', name: 'Tiêu chuẩn, đo lường, chất lượng', nameEn: 'Standards and metrology' },
];

const BY_CODE = new Map(SECTORS.map((sector) => [sector.code, sector]));

/** The sector with this code, or undefined. */
export function sectorOf(code: string): Sector | undefined {
  return BY_CODE.get(code);
}
