import { ALL_PERMISSIONS } from '@motcua/kernel/contract';

/** The built-in role templates every installation has. Their keys are part of the API. */
export enum BuiltInRole {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  AGENCY_ADMIN = 'AGENCY_ADMIN',
  RECEPTION_OFFICER = 'RECEPTION_OFFICER',
  HANDLING_OFFICER = 'HANDLING_OFFICER',
  UNIT_LEADER = 'UNIT_LEADER',
  AGENCY_LEADER = 'AGENCY_LEADER',
  CLERK = 'CLERK',
  SUPERVISOR = 'SUPERVISOR',
  CATALOG_ADMIN = 'CATALOG_ADMIN',
  CITIZEN = 'CITIZEN',
}

export interface BuiltInRoleTemplate {
  key: BuiltInRole;
  name: string;
  nameEn: string;
  description: string;
  permissions: string[];
}

/**
 * Permission sets of the built-in roles. Which units they cover comes from the assignment
 * (a unit, or a unit with its subtree), not from the role. Later modules add their own
 * permissions to these templates through the seed (dossier handling, evaluation, …).
 */
export const BUILT_IN_ROLES: BuiltInRoleTemplate[] = [
  {
    key: BuiltInRole.SYSTEM_ADMIN,
    name: 'Quản trị hệ thống',
    nameEn: 'System administrator',
    description: 'Toàn quyền trên toàn hệ thống.',
    permissions: [ALL_PERMISSIONS],
  },
  {
    key: BuiltInRole.AGENCY_ADMIN,
    name: 'Quản trị cơ quan',
    nameEn: 'Agency administrator',
    description: 'Quản lý cơ cấu tổ chức, cán bộ, vai trò và khoá API của cơ quan.',
    permissions: [
      'agency.create', 'agency.update', 'staff.read', 'staff.readPersonalData', 'staff.create', 'staff.update',
      'role.manage', 'roleAssignment.manage', 'apiKey.manage',
    ],
  },
  {
    key: BuiltInRole.RECEPTION_OFFICER,
    name: 'Cán bộ tiếp nhận',
    nameEn: 'Reception officer',
    description: 'Tiếp nhận, kiểm tra hồ sơ tại Bộ phận Một cửa.',
    permissions: ['staff.read'],
  },
  {
    key: BuiltInRole.HANDLING_OFFICER,
    name: 'Chuyên viên thụ lý',
    nameEn: 'Handling officer',
    description: 'Thẩm định, xử lý hồ sơ và dự thảo kết quả.',
    permissions: ['staff.read'],
  },
  {
    key: BuiltInRole.UNIT_LEADER,
    name: 'Lãnh đạo phòng',
    nameEn: 'Unit leader',
    description: 'Phân công, kiểm tra và trình ký hồ sơ của phòng.',
    permissions: ['staff.read', 'staff.readPersonalData'],
  },
  {
    key: BuiltInRole.AGENCY_LEADER,
    name: 'Lãnh đạo cơ quan',
    nameEn: 'Agency leader',
    description: 'Phê duyệt, ký kết quả giải quyết.',
    permissions: ['staff.read', 'staff.readPersonalData'],
  },
  {
    key: BuiltInRole.CLERK,
    name: 'Văn thư',
    nameEn: 'Clerk',
    description: 'Vào số, đóng dấu (ký số tổ chức) và phát hành kết quả.',
    permissions: ['staff.read'],
  },
  {
    key: BuiltInRole.SUPERVISOR,
    name: 'Giám sát, đánh giá',
    nameEn: 'Supervisor',
    description: 'Theo dõi, giám sát, đánh giá việc giải quyết thủ tục hành chính.',
    permissions: ['staff.read'],
  },
  {
    key: BuiltInRole.CATALOG_ADMIN,
    name: 'Quản trị danh mục thủ tục hành chính',
    nameEn: 'Procedure catalog administrator',
    description: 'Công bố, bãi bỏ thủ tục hành chính của tỉnh; nhập danh mục (quyền do phân hệ danh mục bổ sung).',
    permissions: [],
  },
  {
    key: BuiltInRole.CITIZEN,
    name: 'Công dân, tổ chức',
    nameEn: 'Citizen or organisation',
    description: 'Nộp, theo dõi hồ sơ và đánh giá sự hài lòng.',
    permissions: [],
  },
];
