import type { EntityManager } from '@mikro-orm/knex';
import { AppError, appendAudit, uuid7 } from '@motcua/kernel/contract';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { BuiltInRole } from '../roles/built-in-roles.js';
import { RoleAssignment } from '../roles/role-assignment.entity.js';
import { Role } from '../roles/role.entity.js';
import { User, UserKind, UserStatus } from './user.entity.js';
import { userSearchText } from './staff.service.js';
import { validFullName, validUsername } from './validation.js';

export interface SystemAdministratorInput {
  username: string;
  password: string;
  fullName: string;
}

/**
 * Creates a system administrator (all permissions, everywhere): how a production
 * installation gets its first account (`pnpm admin:create`). Runs in the caller's
 * transaction; the built-in roles must be seeded.
 *
 * @example
 * await orm.em.fork().transactional((em) => createSystemAdministrator(em, { username: 'qt.tinh', password, fullName: 'Quản trị tỉnh' }, new Date()));
 */
export async function createSystemAdministrator(em: EntityManager, input: SystemAdministratorInput, now: Date): Promise<string> {
  const username = validUsername(input.username);
  assertPasswordPolicy(input.password);
  if (await em.count(User, { username })) {
    throw AppError.conflict({ vi: `tên đăng nhập ${username} đã tồn tại`, en: `username ${username} is taken` }, { field: 'username' });
  }
  const role = await em.findOneOrFail(Role, { key: BuiltInRole.SYSTEM_ADMIN, agency: null });
  const user = em.create(User, {
    id: uuid7(now.getTime()), kind: UserKind.STAFF, username, passwordHash: await hashPassword(input.password),
    fullName: validFullName(input.fullName), searchText: '', status: UserStatus.ACTIVE, failedLoginCount: 0, createdAt: now, updatedAt: now,
  });
  user.searchText = userSearchText(user);
  em.create(RoleAssignment, { id: uuid7(now.getTime()), user, role, unit: null, includeSubtree: false, createdAt: now });
  await em.flush();
  await appendAudit(em, { actorId: null, action: 'identity.systemAdmin.create', entityType: 'User', entityId: user.id, data: { username } }, now);
  return user.id;
}
