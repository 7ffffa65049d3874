import { AgencyKind } from '../agencies/agency.entity.js';
import { BuiltInRole } from '../roles/built-in-roles.js';

/** One node of the demo organisation tree. */
export interface DemoAgency {
  code: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
  address?: string;
  children?: DemoAgency[];
}

/**
 * A demo province modelled on Thanh Hóa (H56) after the 2025 reorganisation: the
 * provincial People's Committee, the public administration service centre, departments
 * with their units, and communes/wards. Codes follow the QCVN 102:2016 shape
 * `V1V2V3.Z1Z2.Y1Y2.MX1X2`; they are illustrative, not the official registry.
 */
export const DEMO_PROVINCE: DemoAgency = {
  code: '000.00.00.H56',
  name: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  shortName: 'UBND tỉnh Thanh Hóa',
  kind: AgencyKind.PROVINCE,
  address: '35 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
  children: [
    {
      code: '000.00.01.H56',
      name: 'Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa',
      shortName: 'Văn phòng UBND tỉnh',
      kind: AgencyKind.DEPARTMENT,
      children: [{ code: '000.01.01.H56', name: 'Phòng Kiểm soát thủ tục hành chính', kind: AgencyKind.UNIT }],
    },
    {
      code: '000.00.02.H56',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa',
      shortName: 'TTPVHCC tỉnh',
      kind: AgencyKind.SERVICE_CENTER,
      address: '28 Đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
      children: [
        { code: '000.01.02.H56', name: 'Bộ phận Tiếp nhận và Trả kết quả', kind: AgencyKind.UNIT },
        { code: '000.02.02.H56', name: 'Phòng Giám sát, đánh giá', kind: AgencyKind.UNIT },
      ],
    },
    {
      code: '000.00.10.H56',
      name: 'Sở Tư pháp tỉnh Thanh Hóa',
      shortName: 'Sở Tư pháp',
      kind: AgencyKind.DEPARTMENT,
      children: [
        { code: '000.01.10.H56', name: 'Văn phòng Sở Tư pháp', kind: AgencyKind.UNIT },
        { code: '000.02.10.H56', name: 'Phòng Hành chính tư pháp', kind: AgencyKind.UNIT },
        { code: '000.03.10.H56', name: 'Phòng Bổ trợ tư pháp', kind: AgencyKind.UNIT },
      ],
    },
    {
      code: '000.00.12.H56',
      name: 'Sở Xây dựng tỉnh Thanh Hóa',
      shortName: 'Sở Xây dựng',
      kind: AgencyKind.DEPARTMENT,
      children: [
        { code: '000.01.12.H56', name: 'Văn phòng Sở Xây dựng', kind: AgencyKind.UNIT },
        { code: '000.02.12.H56', name: 'Phòng Quản lý hoạt động xây dựng', kind: AgencyKind.UNIT },
        { code: '000.03.12.H56', name: 'Phòng Quản lý vận tải, phương tiện và người lái', kind: AgencyKind.UNIT },
      ],
    },
    {
      code: '000.00.15.H56',
      name: 'Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa',
      shortName: 'Sở Nông nghiệp và Môi trường',
      kind: AgencyKind.DEPARTMENT,
      children: [
        { code: '000.01.15.H56', name: 'Văn phòng Sở Nông nghiệp và Môi trường', kind: AgencyKind.UNIT },
        { code: '000.02.15.H56', name: 'Phòng Quản lý đất đai', kind: AgencyKind.UNIT },
      ],
    },
    {
      code: '000.00.11.H56',
      name: 'Sở Công Thương tỉnh Thanh Hóa',
      shortName: 'Sở Công Thương',
      kind: AgencyKind.DEPARTMENT,
      children: [{ code: '000.01.11.H56', name: 'Phòng Quản lý thương mại', kind: AgencyKind.UNIT }],
    },
    { code: '000.30.31.H56', name: 'Ủy ban nhân dân phường Hạc Thành', shortName: 'UBND phường Hạc Thành', kind: AgencyKind.COMMUNE },
    { code: '000.31.31.H56', name: 'Ủy ban nhân dân phường Sầm Sơn', shortName: 'UBND phường Sầm Sơn', kind: AgencyKind.COMMUNE },
    { code: '000.40.32.H56', name: 'Ủy ban nhân dân xã Hoằng Hóa', shortName: 'UBND xã Hoằng Hóa', kind: AgencyKind.COMMUNE },
    { code: '000.41.32.H56', name: 'Ủy ban nhân dân xã Quảng Xương', shortName: 'UBND xã Quảng Xương', kind: AgencyKind.COMMUNE },
  ],
};

/** The password of every demo account (documented in the README). */
export const DEMO_PASSWORD = 'Motcua@2026';

/** One demo account per built-in role. `unit` is an agency code; `subtree` widens the assignment. */
export interface DemoAccount {
  username: string;
  fullName: string;
  role: BuiltInRole;
  unit: string | null;
  subtree: boolean;
  position?: string;
  phone?: string;
  personalId?: string;
  email?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: BuiltInRole.SYSTEM_ADMIN, unit: null, subtree: false, position: 'Quản trị viên' },
  { username: 'quantri', fullName: 'Lê Thị Thu Hà', role: BuiltInRole.AGENCY_ADMIN, unit: '000.00.10.H56', subtree: true, position: 'Chuyên viên CNTT', phone: '0912345601', personalId: '038190000101', email: 'ha.ltt@stp.thanhhoa.gov.vn' },
  { username: 'tiepnhan', fullName: 'Nguyễn Văn An', role: BuiltInRole.RECEPTION_OFFICER, unit: '000.01.02.H56', subtree: false, position: 'Công chức tiếp nhận', phone: '0912345602', personalId: '038090000102' },
  { username: 'chuyenvien', fullName: 'Trần Thị Bình', role: BuiltInRole.HANDLING_OFFICER, unit: '000.02.10.H56', subtree: false, position: 'Chuyên viên', phone: '0912345603', personalId: '038195000103' },
  { username: 'truongphong', fullName: 'Phạm Văn Cường', role: BuiltInRole.UNIT_LEADER, unit: '000.02.10.H56', subtree: false, position: 'Trưởng phòng', phone: '0912345604', personalId: '038085000104' },
  { username: 'giamdoc', fullName: 'Hoàng Minh Đức', role: BuiltInRole.AGENCY_LEADER, unit: '000.00.10.H56', subtree: true, position: 'Giám đốc Sở', phone: '0912345605', personalId: '038075000105' },
  { username: 'vanthu', fullName: 'Vũ Thị Én', role: BuiltInRole.CLERK, unit: '000.01.10.H56', subtree: false, position: 'Văn thư', phone: '0912345606', personalId: '038198000106' },
  { username: 'giamsat', fullName: 'Đỗ Quang Giang', role: BuiltInRole.SUPERVISOR, unit: '000.00.00.H56', subtree: true, position: 'Chuyên viên giám sát', phone: '0912345607', personalId: '038088000107' },
  { username: 'quantrituc', fullName: 'Mai Văn Khánh', role: BuiltInRole.CATALOG_ADMIN, unit: '000.01.01.H56', subtree: false, position: 'Chuyên viên Phòng Kiểm soát thủ tục hành chính', phone: '0912345608', personalId: '038087000108' },
  { username: 'congdan', fullName: 'Nguyễn Thị Hoa', role: BuiltInRole.CITIZEN, unit: null, subtree: false, phone: '0987654321', personalId: '038199012345', email: 'hoa.nguyen@example.vn' },
];
