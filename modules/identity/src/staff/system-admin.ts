import type { EntityManager } from '@mikro-orm/knex';
import { appendAudit, uuid7 } from '@motcua/kernel/contract';
import { BuiltInRole } from '../roles/built-in-roles.js';
import { RoleAssignment } from '../roles/role-assignment.entity.js';
import { Role } from '../roles/role.entity.js';
import { newAccount } from './new-account.js';
import { UserKind } from './user.entity.js';

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
  const role = await em.findOneOrFail(Role, { key: BuiltInRole.SYSTEM_ADMIN, agency: null });
  const user = await newAccount(em, UserKind.STAFF, input, null, now);
  em.create(RoleAssignment, { id: uuid7(now.getTime()), user, role, unit: null, includeSubtree: false, createdAt: now });
  await em.flush();
  await appendAudit(em, { actorId: null, action: 'identity.systemAdmin.create', entityType: 'User', entityId: user.id, data: { username: user.username } }, now);
  return user.id;
}
