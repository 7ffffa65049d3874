/**
 * Helpers shared by the identity integration tests: asserting typed refusals, checking that
 * a refused operation wrote nothing, and the GraphQL documents the tests send.
 */
import { expect } from 'vitest';
import { expectOk, expectRefused, type GraphqlError, type TestApp, writeCounter } from '@motcua/server/testing';

export { expectOk, expectRefused, type GraphqlError };

/** Initial password of the accounts the tests create. */
export const STAFF_PASSWORD = 'Matkhau2026';

/** Every table an identity operation can write to. */
export const WRITABLE_TABLES = [
  'identity_agency', 'identity_user', 'identity_role', 'identity_role_assignment', 'identity_session', 'identity_api_key',
  'kernel_audit', 'kernel_outbox',
];

export const { rowsWrittenBy, expectRefusedWithoutWrites } = writeCounter(WRITABLE_TABLES);

/** Raw SQL against the test database, for facts the API does not expose (e.g. failed-login counters). */
export async function sql<T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.app.orm.em.fork().execute(query, params);
}

/** The masked form the API shows instead of a personal value: all but the last two characters starred. */
export function masked(value: string): string {
  return `${'*'.repeat(value.length - 2)}${value.slice(-2)}`;
}

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  version: number;
  parentId: string | null;
}

/** Every agency by code (the directory is public, so no token is needed). */
export async function agenciesByCode(t: TestApp): Promise<Map<string, AgencyRef>> {
  const data = expectOk(await t.gql('{ agencies(limit: 100) { totalCount nodes { id code name version parentId } } }'), 'agencies');
  expect(data.agencies.totalCount, 'the directory fits one page').toBeLessThanOrEqual(100);
  return new Map(data.agencies.nodes.map((agency: AgencyRef) => [agency.code, agency]));
}

export const GQL = {
  login: `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
    accessToken refreshToken expiresAt refreshExpiresAt user { id username fullName kind agencyId grants { permission unitId includeSubtree } } } }`,
  me: '{ me { id username fullName kind agencyId grants { permission unitId includeSubtree } } }',
  staffMember: 'query($id: ID!) { staffMember(id: $id) { id username unitId phone personalId position status version } }',
  staffList: `query($filter: StaffFilter, $limit: Int) { staff(filter: $filter, limit: $limit) {
    totalCount nodes { id username unitId phone personalId status } } }`,
  createStaff: 'mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id username unitId phone personalId position status version } } }',
  updateStaff: 'mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { id unitId position version } } }',
  disableStaff: 'mutation($id: ID!) { disableStaff(input: { id: $id, reason: "kiểm thử" }) { staff { id status version } } }',
  enableStaff: 'mutation($id: ID!) { enableStaff(input: { id: $id }) { staff { id status lockedUntil version } } }',
  agency: 'query($id: ID!) { agency(id: $id) { id code name kind parentId address version } }',
  createAgency: 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id code name kind parentId depth version } } }',
  updateAgency: 'mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { agency { id code name kind address version } } }',
  createRole: 'mutation($input: CreateRoleInput!) { createRole(input: $input) { role { id key name agencyId builtIn permissions version } } }',
  updateRole: 'mutation($input: UpdateRoleInput!) { updateRole(input: $input) { role { id name permissions version } } }',
  deleteRole: 'mutation($id: ID!) { deleteRole(input: { id: $id }) { ok } }',
  assignRole: 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { assignment { id userId roleId unitId includeSubtree } } }',
  revokeAssignment: 'mutation($id: ID!) { revokeRoleAssignment(input: { id: $id }) { ok } }',
  roles: '{ roles(limit: 100) { nodes { id key builtIn agencyId permissions version } } }',
};

/** Signs in and returns the whole login payload. */
export async function loginPayload(t: TestApp, username: string, password: string): Promise<any> {
  return expectOk(await t.gql(GQL.login, { u: username, p: password }), `login ${username}`).login;
}

let uniqueNo = 0;
/** A short token unique within the test process, for usernames and codes. */
export function unique(): string {
  return `${process.pid.toString(36)}${(++uniqueNo).toString(36)}`;
}

/** Creates a staff account (as `token`) and returns it; `overrides` replace the defaults. */
export async function createStaff(t: TestApp, token: string, unitId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const input = { username: `cb.${unique()}`, password: STAFF_PASSWORD, fullName: 'Cán bộ kiểm thử', unitId, ...overrides };
  return expectOk(await t.gql(GQL.createStaff, { input }, { token }), `createStaff ${input.username}`).createStaff.staff;
}

/** The user id of a demo account, read as the system administrator. */
export async function userIdOf(t: TestApp, adminToken: string, username: string): Promise<string> {
  const data = expectOk(await t.gql(GQL.staffList, { filter: { search: username }, limit: 100 }, { token: adminToken }), `find ${username}`);
  const user = data.staff.nodes.find((node: { username: string }) => node.username === username);
  expect(user, `staff ${username} exists`).toBeDefined();
  return user.id;
}
