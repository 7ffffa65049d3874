import type { EntityManager } from '@mikro-orm/knex';
import { type PermissionDefinition, type SeedContext, uuid7 } from '@motcua/kernel/contract';
import { Agency } from '../agencies/agency.entity.js';
import { searchTextOf } from '../agencies/agency.service.js';
import { hashPassword } from '../auth/passwords.js';
import { BUILT_IN_ROLES } from '../roles/built-in-roles.js';
import { RoleAssignment } from '../roles/role-assignment.entity.js';
import { Role } from '../roles/role.entity.js';
import { User, UserKind, UserStatus } from '../staff/user.entity.js';
import { userSearchText } from '../staff/new-account.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROVINCE, type DemoAgency } from './demo-province.js';

/** A template's permissions: its own, plus those other modules declare for it. */
function templatePermissions(template: (typeof BUILT_IN_ROLES)[number], permissions: readonly PermissionDefinition[]): string[] {
  const contributed = permissions.filter((p) => p.builtInRoles?.includes(template.key)).map((p) => p.key);
  return [...new Set([...template.permissions, ...contributed])];
}

/** Creates or refreshes the built-in role templates (their permission sets follow the code). */
async function seedBuiltInRoles(em: EntityManager, now: Date, permissions: readonly PermissionDefinition[]): Promise<Map<string, Role>> {
  const existing = await em.find(Role, { builtIn: true, agency: null });
  const byKey = new Map(existing.map((role) => [role.key, role]));
  for (const declared of BUILT_IN_ROLES) {
    const template = { ...declared, permissions: templatePermissions(declared, permissions) };
    const role = byKey.get(template.key);
    if (role) {
      Object.assign(role, { name: template.name, nameEn: template.nameEn, description: template.description, permissions: template.permissions });
    } else {
      byKey.set(template.key, em.create(Role, { id: uuid7(now.getTime()), builtIn: true, agency: null, ...template, createdAt: now, updatedAt: now }));
    }
  }
  await em.flush();
  return byKey;
}

function createTree(em: EntityManager, node: DemoAgency, parent: Agency | null, now: Date, byCode: Map<string, Agency>): void {
  const id = uuid7(now.getTime());
  const agency = em.create(Agency, {
    id, parent, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0,
    code: node.code, name: node.name, shortName: node.shortName ?? null, kind: node.kind, address: node.address ?? null,
    searchText: searchTextOf({ name: node.name, shortName: node.shortName ?? null, code: node.code }), active: true, createdAt: now, updatedAt: now,
  });
  byCode.set(node.code, agency);
  for (const child of node.children ?? []) createTree(em, child, agency, now, byCode);
}

/**
 * The identity seed: built-in roles always; with `demo`, the demo province and one account
 * per built-in role (password `Motcua@2026`), once, into an empty database.
 */
export async function seedIdentity({ em, clock, demo, permissions }: SeedContext): Promise<void> {
  const now = clock.now();
  const roles = await seedBuiltInRoles(em, now, permissions);
  if (!demo || (await em.count(Agency)) > 0) return;
  const byCode = new Map<string, Agency>();
  createTree(em, DEMO_PROVINCE, null, now, byCode);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const citizen = account.role === 'CITIZEN';
    const unit = account.unit ? byCode.get(account.unit)! : citizen ? null : byCode.get(DEMO_PROVINCE.code)!;
    const user = em.create(User, {
      id: uuid7(now.getTime()), kind: citizen ? UserKind.CITIZEN : UserKind.STAFF, username: account.username, passwordHash,
      fullName: account.fullName, searchText: '', email: account.email ?? null, phone: account.phone ?? null,
      personalId: account.personalId ?? null, position: account.position ?? null, unit, status: UserStatus.ACTIVE,
      failedLoginCount: 0, createdAt: now, updatedAt: now,
    });
    user.searchText = userSearchText(user);
    em.create(RoleAssignment, {
      id: uuid7(now.getTime()), user, role: roles.get(account.role)!, unit: account.unit ? unit : null,
      includeSubtree: account.subtree, createdAt: now,
    });
  }
  await em.flush();
}
