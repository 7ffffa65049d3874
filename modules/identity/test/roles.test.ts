/**
 * Roles and role assignments: the permission catalogue, custom roles built only from
 * permissions one holds, assignments that show up in the holder's grants and rights, and
 * the refusals that keep anyone from escalating (system administrator role, other agencies,
 * permissions not held, built-in roles, stale versions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import {
  agenciesByCode, type AgencyRef, createStaff, expectOk, STAFF_PASSWORD, expectRefused, expectRefusedWithoutWrites, GQL, rowsWrittenBy, unique, userIdOf,
} from './support.js';

const IDENTITY_PERMISSIONS = [
  'agency.create', 'agency.update', 'apiKey.manage', 'role.manage', 'roleAssignment.manage',
  'staff.create', 'staff.read', 'staff.readPersonalData', 'staff.update',
];

interface Grant {
  permission: string;
  unitId: string | null;
  includeSubtree: boolean;
}

describe('roles and role assignments', () => {
  let t: TestApp;
  let admin: string;
  let quantri: string;
  let units: Map<string, AgencyRef>;
  const users = new Map<string, string>();
  const builtIn = new Map<string, { id: string; permissions: string[]; version: number }>();

  const unit = (code: string) => units.get(code)!.id;
  const STP = '000.00.10.H56';
  const HCTP = '000.02.10.H56';

  beforeAll(async () => {
    t = await createTestApp();
    [admin, quantri] = [await t.login('admin'), await t.login('quantri')];
    units = await agenciesByCode(t);
    for (const username of ['chuyenvien', 'vanthu', 'tiepnhan', 'truongphong', 'quantri']) users.set(username, await userIdOf(t, admin, username));
    for (const role of expectOk(await t.gql(GQL.roles, {}, { token: admin })).roles.nodes) if (role.builtIn) builtIn.set(role.key, role);
  });
  afterAll(() => t.close());

  /** Creates a custom role of Sở Tư pháp as quantri. */
  async function customRole(permissions: string[], token = quantri) {
    const input = { agencyId: unit(STP), key: `vai-tro-${unique()}`, name: 'Vai trò kiểm thử', permissions };
    return expectOk(await t.gql(GQL.createRole, { input }, { token }), `createRole ${permissions}`).createRole.role;
  }

  /** Assigns a role as quantri and returns the assignment. */
  async function assign(roleId: string, username: string, unitCode: string, includeSubtree = false) {
    const input = { userId: users.get(username), roleId, unitId: unit(unitCode), includeSubtree };
    return expectOk(await t.gql(GQL.assignRole, { input }, { token: quantri }), `assign to ${username}`).assignRole.assignment;
  }

  const grantsOf = async (token: string): Promise<Grant[]> => expectOk(await t.gql(GQL.me, {}, { token })).me.grants;
  const readChuyenvien = (token: string) => t.gql(GQL.staffMember, { id: users.get('chuyenvien') }, { token });

  it('lists every identity permission with its Vietnamese and English label', async () => {
    const permissions = expectOk(await t.gql('{ permissions { key label labelEn module } }', {}, { token: quantri })).permissions;
    const identity = permissions.filter((p: { module: string }) => p.module === 'identity');
    expect(identity.map((p: { key: string }) => p.key).sort()).toEqual(IDENTITY_PERMISSIONS);
    for (const permission of identity) {
      expect(permission.label, permission.key).toMatch(/[À-ỹ]/);
      expect(permission.labelEn, permission.key).toMatch(/^[A-Z][\w ,'’-]+$/);
    }
    expect(identity).toContainEqual({ key: 'staff.create', label: 'Tạo tài khoản cán bộ', labelEn: 'Create staff accounts', module: 'identity' });
    expectRefused(await t.gql('{ permissions { key } }'), 'UNAUTHENTICATED', 'anonymous');
  });

  it('lets the agency administrator create a custom role from a subset of his permissions', async () => {
    const input = { agencyId: unit(STP), key: 'Tham-Dinh', name: ' Thẩm định hồ sơ ', nameEn: 'Reviewer', permissions: ['staff.readPersonalData', 'staff.read', 'staff.read'] };
    const { result, written } = await rowsWrittenBy(t, () => t.gql(GQL.createRole, { input }, { token: quantri }));
    const role = expectOk(result, 'createRole').createRole.role;
    expect(role).toMatchObject({ key: 'tham-dinh', name: 'Thẩm định hồ sơ', agencyId: unit(STP), builtIn: false, permissions: ['staff.read', 'staff.readPersonalData'], version: 1 });
    expect(written).toEqual({ identity_role: 1, kernel_audit: 1 });

    const listed = expectOk(await t.gql('query($a: ID) { roles(filter: { agencyId: $a }, limit: 100) { nodes { id } } }', { a: unit(STP) }, { token: quantri }));
    expect(listed.roles.nodes).toContainEqual({ id: role.id });
    const duplicate = await expectRefusedWithoutWrites(t, 'CONFLICT', 'same key in the same agency', () => t.gql(GQL.createRole, { input }, { token: quantri }));
    expect(duplicate.extensions.details).toMatchObject({ field: 'key' });
  });

  it('refuses permission keys that do not exist, including the * wildcard (BAD_USER_INPUT)', async () => {
    for (const bogus of ['staff.fly', '*']) {
      const input = { agencyId: unit(STP), key: `sai-${unique()}`, name: 'Sai', permissions: ['staff.read', bogus] };
      const error = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', `permission ${bogus}`, () => t.gql(GQL.createRole, { input }, { token: quantri }));
      expect(error.extensions.details).toMatchObject({ field: 'permissions' });
      expect(error.extensions.messages.vi).toContain(bogus);
    }
  });

  it('refuses custom roles in another agency, and to staff without role.manage (FORBIDDEN)', async () => {
    const input = (agencyCode: string) => ({ agencyId: unit(agencyCode), key: `r-${unique()}`, name: 'Vai trò', permissions: ['staff.read'] });
    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'quantri in Sở Xây dựng', () => t.gql(GQL.createRole, { input: input('000.00.12.H56') }, { token: quantri }));
    const officer = await t.login('truongphong');
    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'unit leader without role.manage', () => t.gql(GQL.createRole, { input: input(STP) }, { token: officer }));
  });

  it('refuses to let a role manager give a role a permission he does not hold', async () => {
    const manager = await customRole(['role.manage', 'staff.read']);
    await assign(manager.id, 'chuyenvien', STP, true);
    const holder = await t.login('chuyenvien');

    const own = await customRole(['staff.read'], holder);
    expect(own.permissions).toEqual(['staff.read']);
    const escalation = await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'create a role with staff.create', () =>
      t.gql(GQL.createRole, { input: { agencyId: unit(STP), key: `leo-thang-${unique()}`, name: 'Leo thang', permissions: ['staff.read', 'staff.create'] } }, { token: holder }));
    expect(escalation.extensions.details).toMatchObject({ missingPermissions: ['staff.create'] });
    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'add staff.create to an existing role', () =>
      t.gql(GQL.updateRole, { input: { id: own.id, version: own.version, permissions: ['staff.read', 'staff.create'] } }, { token: holder }));
  });

  it("assigns a custom role in the administrator's subtree; the holder's grants and rights follow after signing in again", async () => {
    const reviewer = await customRole(['staff.read', 'staff.readPersonalData']);
    const before = await t.login('vanthu');
    expectRefused(await readChuyenvien(before), 'FORBIDDEN', 'clerk of another unit, before the assignment');

    const { result, written } = await rowsWrittenBy(t, () =>
      t.gql(GQL.assignRole, { input: { userId: users.get('vanthu'), roleId: reviewer.id, unitId: unit(HCTP) } }, { token: quantri }));
    const assignment = expectOk(result, 'assignRole').assignRole.assignment;
    expect(assignment).toMatchObject({ userId: users.get('vanthu'), roleId: reviewer.id, unitId: unit(HCTP), includeSubtree: false });
    expect(written).toEqual({ identity_role_assignment: 1, kernel_audit: 1, kernel_outbox: 1 });

    const after = await t.login('vanthu');
    const grants = await grantsOf(after);
    expect(grants).toContainEqual({ permission: 'staff.read', unitId: unit(HCTP), includeSubtree: false });
    expect(grants).toContainEqual({ permission: 'staff.readPersonalData', unitId: unit(HCTP), includeSubtree: false });
    expect(grants, 'the clerk role is still there').toContainEqual({ permission: 'staff.read', unitId: unit('000.01.10.H56'), includeSubtree: false });
    const member = expectOk(await readChuyenvien(after), 'clerk reads the unit she now reviews').staffMember;
    expect(member).toMatchObject({ phone: '0912345603', personalId: '038195000103' });

    await expectRefusedWithoutWrites(t, 'CONFLICT', 'the same role in the same unit again', () =>
      t.gql(GQL.assignRole, { input: { userId: users.get('vanthu'), roleId: reviewer.id, unitId: unit(HCTP) } }, { token: quantri }));
  });

  it('refuses to let the agency administrator assign the system administrator role', async () => {
    const systemAdmin = builtIn.get('SYSTEM_ADMIN')!;
    for (const username of ['chuyenvien', 'quantri']) {
      const everywhere = await expectRefusedWithoutWrites(t, 'FORBIDDEN', `SYSTEM_ADMIN everywhere to ${username}`, () =>
        t.gql(GQL.assignRole, { input: { userId: users.get(username), roleId: systemAdmin.id } }, { token: quantri }));
      expect(everywhere.extensions.details).toMatchObject({ missingPermissions: ['*'] });
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', `SYSTEM_ADMIN in Sở Tư pháp to ${username}`, () =>
        t.gql(GQL.assignRole, { input: { userId: users.get(username), roleId: systemAdmin.id, unitId: unit(STP), includeSubtree: true } }, { token: quantri }));
    }
  });

  it('refuses assignments in a unit of another agency (FORBIDDEN), and custom roles outside their agency', async () => {
    const officer = builtIn.get('HANDLING_OFFICER')!;
    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'quantri assigning in Sở Xây dựng', () =>
      t.gql(GQL.assignRole, { input: { userId: users.get('chuyenvien'), roleId: officer.id, unitId: unit('000.02.12.H56') } }, { token: quantri }));
    const reviewer = await customRole(['staff.read']);
    const error = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', "a Sở Tư pháp role in Sở Xây dựng, even by the system administrator", () =>
      t.gql(GQL.assignRole, { input: { userId: users.get('chuyenvien'), roleId: reviewer.id, unitId: unit('000.02.12.H56') } }, { token: admin }));
    expect(error.extensions.details).toMatchObject({ field: 'roleId' });
  });

  it('refuses an update based on a stale version (STALE_VERSION) and keeps the newer one', async () => {
    const role = await customRole(['staff.read']);
    const renamed = expectOk(await t.gql(GQL.updateRole, { input: { id: role.id, version: role.version, name: 'Tên mới' } }, { token: quantri })).updateRole.role;
    expect(renamed).toMatchObject({ name: 'Tên mới', version: role.version + 1 });

    const stale = await expectRefusedWithoutWrites(t, 'STALE_VERSION', 'update with the old version', () =>
      t.gql(GQL.updateRole, { input: { id: role.id, version: role.version, name: 'Tên cũ' } }, { token: quantri }));
    expect(stale.extensions.details).toMatchObject({ current: role.version + 1 });
    expect(expectOk(await t.gql('query($id: ID!) { role(id: $id) { name version } }', { id: role.id }, { token: quantri })).role).toEqual({ name: 'Tên mới', version: role.version + 1 });
  });

  it('refuses to update or delete a built-in role, even for the system administrator', async () => {
    const officer = builtIn.get('HANDLING_OFFICER')!;
    for (const [who, token] of [['quantri', quantri], ['admin', admin]]) {
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', `${who} updating HANDLING_OFFICER`, () =>
        t.gql(GQL.updateRole, { input: { id: officer.id, version: officer.version, permissions: ['staff.read', 'staff.create'] } }, { token }));
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', `${who} deleting HANDLING_OFFICER`, () => t.gql(GQL.deleteRole, { id: officer.id }, { token }));
    }
    const after = expectOk(await t.gql('query($id: ID!) { role(id: $id) { permissions version } }', { id: officer.id }, { token: admin })).role;
    expect(after).toEqual({ permissions: officer.permissions, version: officer.version });
  });

  it('revoking an assignment removes its grants at once, even from tokens issued before', async () => {
    const reviewer = await customRole(['staff.read']);
    const member = await createStaff(t, quantri, unit('000.03.10.H56')); // sees nobody in HCTP yet
    users.set(member.username, member.id);
    const assignment = await assign(reviewer.id, member.username, HCTP);
    const token = await t.login(member.username, STAFF_PASSWORD);
    expect(await grantsOf(token)).toContainEqual({ permission: 'staff.read', unitId: unit(HCTP), includeSubtree: false });
    expectOk(await readChuyenvien(token), 'while assigned');

    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'revoke by someone without roleAssignment.manage', () => t.gql(GQL.revokeAssignment, { id: assignment.id }, { token }));
    const { result, written } = await rowsWrittenBy(t, () => t.gql(GQL.revokeAssignment, { id: assignment.id }, { token: quantri }));
    expect(expectOk(result, 'revoke').revokeRoleAssignment.ok).toBe(true);
    expect(written).toEqual({ identity_role_assignment: -1, kernel_audit: 1, kernel_outbox: 1 });

    expect(await grantsOf(token)).not.toContainEqual(expect.objectContaining({ unitId: unit(HCTP) }));
    expectRefused(await readChuyenvien(token), 'FORBIDDEN', 'after the revocation');
  });

  it('deleting a custom role takes it away from its holders', async () => {
    const reviewer = await customRole(['staff.read']);
    await assign(reviewer.id, 'truongphong', '000.03.10.H56');
    const token = await t.login('truongphong');
    expect(await grantsOf(token)).toContainEqual({ permission: 'staff.read', unitId: unit('000.03.10.H56'), includeSubtree: false });

    expectOk(await t.gql(GQL.deleteRole, { id: reviewer.id }, { token: quantri }), 'deleteRole');
    expect(await grantsOf(token)).not.toContainEqual(expect.objectContaining({ unitId: unit('000.03.10.H56') }));
    expectRefused(await t.gql('query($id: ID!) { role(id: $id) { id } }', { id: reviewer.id }, { token: quantri }), 'NOT_FOUND', 'deleted role');
  });

  it('gives staff roles only to staff the assigner administers, and never to citizens', async () => {
    const role = await customRole(['staff.read']);
    const citizenId = expectOk(await t.gql(GQL.me, {}, { token: await t.login('congdan') })).me.id;
    const outsider = await createStaff(t, admin, unit('000.02.12.H56')); // Sở Xây dựng
    const attempt = (userId: string) => t.gql(GQL.assignRole, { input: { userId, roleId: role.id, unitId: unit(HCTP) } }, { token: quantri });
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'staff role to a citizen', () => attempt(citizenId));
    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'staff of another agency', () => attempt(outsider.id));
  });

  it("names each assignment's role and unit, on `me` too", async () => {
    const query = '{ me { roleAssignments { includeSubtree role { key name } unit { code } } } }';
    const { roleAssignments } = expectOk(await t.gql(query, {}, { token: quantri })).me;
    expect(roleAssignments).toContainEqual({ includeSubtree: true, role: { key: 'AGENCY_ADMIN', name: 'Quản trị cơ quan' }, unit: { code: STP } });
    const global = expectOk(await t.gql(query, {}, { token: admin })).me.roleAssignments;
    expect(global).toEqual([{ includeSubtree: false, role: { key: 'SYSTEM_ADMIN', name: 'Quản trị hệ thống' }, unit: null }]);
  });
});
