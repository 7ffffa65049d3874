/**
 * The agency directory and staff accounts: the demo tree, search insensitive to case and
 * Vietnamese diacritics, both paging styles, optimistic locking, input validation with typed
 * bilingual errors that write nothing, and disabling / enabling accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import {
  agenciesByCode, type AgencyRef, createStaff, expectOk, expectRefused, expectRefusedWithoutWrites, GQL, loginPayload, rowsWrittenBy,
  STAFF_PASSWORD, unique,
} from './support.js';

const AGENCY_NAMES = 'query($filter: AgencyFilter) { agencies(filter: $filter, limit: 100) { totalCount nodes { name } } }';
const AGENCY_PAGE = `query($offset: Int, $limit: Int, $first: Int, $after: String) {
  agencies(offset: $offset, limit: $limit, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

/** The demo province as seeded: root, its direct children, and the units of Sở Tư pháp. */
const DEMO_ROOT = 'Ủy ban nhân dân tỉnh Thanh Hóa';
const DEMO_CHILDREN = [
  'Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa', 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa', 'Sở Tư pháp tỉnh Thanh Hóa',
  'Sở Xây dựng tỉnh Thanh Hóa', 'Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa', 'Sở Công Thương tỉnh Thanh Hóa',
  'Ủy ban nhân dân phường Hạc Thành', 'Ủy ban nhân dân phường Sầm Sơn', 'Ủy ban nhân dân xã Hoằng Hóa', 'Ủy ban nhân dân xã Quảng Xương',
];
const STP_UNITS = ['Văn phòng Sở Tư pháp', 'Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp'];
/** Root, 10 children, and 12 units below the departments and the centre. */
const DEMO_AGENCY_COUNT = 23;

const sorted = (names: string[]) => [...names].sort();

interface AgencyPage {
  totalCount: number;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

describe('agency directory and staff accounts', () => {
  let t: TestApp;
  let admin: string;
  let quantri: string;
  let units: Map<string, AgencyRef>;
  const unit = (code: string) => units.get(code)!.id;
  const HCTP = '000.02.10.H56';

  beforeAll(async () => {
    t = await createTestApp();
    [admin, quantri] = [await t.login('admin'), await t.login('quantri')];
    units = await agenciesByCode(t);
  });
  afterAll(() => t.close());

  const searchAgencies = async (search: string): Promise<string[]> =>
    sorted(expectOk(await t.gql(AGENCY_NAMES, { filter: { search } }), `search ${search}`).agencies.nodes.map((node: { name: string }) => node.name));

  describe('the agency tree and search', () => {
    it('returns the demo province as a tree, to anonymous callers too', async () => {
      const { agencyTree } = expectOk(await t.gql('{ agencyTree { name children { name children { name } } } }'));
      expect(agencyTree.map((root: { name: string }) => root.name)).toEqual([DEMO_ROOT]);
      const children = agencyTree[0].children as Array<{ name: string; children: Array<{ name: string }> }>;
      expect(sorted(children.map((child) => child.name))).toEqual(sorted(DEMO_CHILDREN));
      const stp = children.find((child) => child.name === 'Sở Tư pháp tỉnh Thanh Hóa')!;
      expect(sorted(stp.children.map((u) => u.name))).toEqual(sorted(STP_UNITS));
      expect(children.find((child) => child.name === 'Ủy ban nhân dân xã Hoằng Hóa')!.children, 'communes have no units').toEqual([]);
      expect(expectOk(await t.gql(AGENCY_NAMES)).agencies.totalCount).toBe(DEMO_AGENCY_COUNT);
    });

    it('gives each unit its ancestors from the root down, and filters by ids', async () => {
      const query = 'query($ids: [ID!]) { agencies(filter: { ids: $ids }) { nodes { id ancestorIds } } }';
      const { nodes } = expectOk(await t.gql(query, { ids: [unit(HCTP), unit('000.00.00.H56')] })).agencies;
      const byId = new Map(nodes.map((node: { id: string; ancestorIds: string[] }) => [node.id, node.ancestorIds]));
      expect(byId).toEqual(new Map([[unit('000.00.00.H56'), []], [unit(HCTP), [unit('000.00.00.H56'), unit('000.00.10.H56')]]]));
    });

    it('filters by active without a login (a boolean parameter once aborted the SQLite driver)', async () => {
      const query = 'query($active: Boolean) { agencies(filter: { active: $active }, limit: 100) { totalCount } }';
      const count = async (active: boolean) => expectOk(await t.gql(query, { active }), `active ${active}`).agencies.totalCount as number;
      const [active, inactive] = [await count(true), await count(false)];
      expect(active + inactive).toBe(DEMO_AGENCY_COUNT);
      expect(active).toBeGreaterThan(0);
      expectOk(await t.gql('{ health: agencies(limit: 1) { totalCount } }'), 'the server is still up');
    });

    it('finds agencies whatever the case and Vietnamese diacritics of the search', async () => {
      const justice = ['Sở Tư pháp tỉnh Thanh Hóa', 'Văn phòng Sở Tư pháp'];
      for (const search of ['so tu phap', 'SỞ TƯ PHÁP', 'Sở tư PHÁP', '  so   tu phap ']) expect(await searchAgencies(search), search).toEqual(justice);
      for (const search of ['dat dai', 'đất đai', 'ĐẤT ĐAI', 'Dat Đai']) expect(await searchAgencies(search), search).toEqual(['Phòng Quản lý đất đai']);
      expect(await searchAgencies('hac thanh')).toEqual(['Ủy ban nhân dân phường Hạc Thành']);
      expect(await searchAgencies('000.02.10'), 'by code').toEqual(['Phòng Hành chính tư pháp']);
      expect(await searchAgencies('không có cơ quan này')).toEqual([]);
    });

    it('treats % and _ in a search as plain characters', async () => {
      const names = ['Tổ hỗ trợ 100% trực tuyến', 'Tổ 1000 hồ sơ', 'Tổ một_cửa liên thông', 'Tổ mộtXcửa'];
      for (const name of names) {
        expectOk(await t.gql(GQL.createAgency, { input: { parentId: unit('000.00.02.H56'), code: `K${unique()}`, name, kind: 'UNIT' } }, { token: admin }), name);
      }
      expect(await searchAgencies('100%')).toEqual(['Tổ hỗ trợ 100% trực tuyến']);
      expect(await searchAgencies('một_cửa')).toEqual(['Tổ một_cửa liên thông']);
    });

    it('finds staff whatever the case and diacritics, and by a username with an underscore', async () => {
      const staffNames = async (search: string) =>
        expectOk(await t.gql(GQL.staffList, { filter: { search } }, { token: quantri }), search).staff.nodes.map((n: { username: string }) => n.username);
      for (const search of ['pham van cuong', 'PHẠM VĂN CƯỜNG', 'Cuong']) expect(await staffNames(search), search).toEqual(['truongphong']);
      for (const search of ['hoang minh duc', 'HOÀNG MINH ĐỨC', 'đức']) expect(await staffNames(search), search).toEqual(['giamdoc']);
      const username = `nguyen_van_${unique()}`;
      await createStaff(t, quantri, unit(HCTP), { username });
      expect(await staffNames(username)).toEqual([username]);
    });
  });

  describe('paging', () => {
    /** Every agency id, in the list's own order. */
    const allIds = async (): Promise<string[]> => expectOk(await t.gql(AGENCY_PAGE, { limit: 100 })).agencies.nodes.map((n: { id: string }) => n.id);

    /** Reads pages until the last one; `args` gives the paging arguments of page `i` after `cursor`. */
    async function readAll(args: (i: number, cursor: string | null) => Record<string, unknown>) {
      const pages: string[][] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 50; i += 1) {
        const result = await t.gql<{ agencies: AgencyPage }>(AGENCY_PAGE, args(i, cursor));
        const agencies: AgencyPage = expectOk(result, `page ${i}`).agencies;
        pages.push(agencies.nodes.map((n) => n.id));
        expect(agencies.pageInfo.hasPreviousPage, `page ${i}: hasPreviousPage`).toBe(i > 0);
        if (!agencies.pageInfo.hasNextPage) return { pages, totalCount: agencies.totalCount };
        cursor = agencies.pageInfo.endCursor;
      }
      throw new Error('paging never ended');
    }

    for (const [style, args] of [
      ['offset/limit', (i: number) => ({ offset: i * 7, limit: 7 })],
      ['first/after', (_i: number, cursor: string | null) => ({ first: 7, after: cursor })],
    ] as const) {
      it(`gives non-overlapping ${style} pages whose union is the whole list`, async () => {
        const all = await allIds();
        const { pages, totalCount } = await readAll(args);
        expect(totalCount).toBe(all.length);
        expect(pages.map((page) => page.length)).toEqual(Array.from({ length: Math.ceil(all.length / 7) }, (_, i) => Math.min(7, all.length - i * 7)));
        expect(pages.flat(), 'in order, each agency once').toEqual(all);
      });
    }

    it.each([
      ['limit 0', { limit: 0 }, 'limit'], ['limit 101', { limit: 101 }, 'limit'], ['first 0', { first: 0 }, 'first'],
      ['first 101', { first: 101 }, 'first'], ['offset -1', { offset: -1 }, 'offset'], ['a forged cursor', { first: 5, after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ])('refuses %s with BAD_USER_INPUT', async (name, args, field) => {
      const error = expectRefused(await t.gql(AGENCY_PAGE, args), 'BAD_USER_INPUT', name);
      expect(error.extensions.details).toMatchObject({ field });
    });
  });

  describe('agency changes', () => {
    it('refuses a duplicate identifier code with CONFLICT and writes nothing', async () => {
      const input = { parentId: unit('000.00.10.H56'), code: HCTP, name: 'Phòng trùng mã', kind: 'UNIT' };
      const error = await expectRefusedWithoutWrites(t, 'CONFLICT', 'duplicate code', () => t.gql(GQL.createAgency, { input }, { token: quantri }));
      expect(error.extensions.details).toMatchObject({ field: 'code' });
      expect(error.extensions.messages.vi).toContain(HCTP);
      const office = expectOk(await t.gql(GQL.agency, { id: unit('000.01.10.H56') })).agency;
      await expectRefusedWithoutWrites(t, 'CONFLICT', 'changing a code to another agency’s', () =>
        t.gql(GQL.updateAgency, { input: { id: office.id, version: office.version, code: HCTP } }, { token: quantri }));
    });

    it('refuses a province below another agency, on creation and on update', async () => {
      const input = { parentId: unit('000.00.10.H56'), code: `P${unique()}`, name: 'Tỉnh con', kind: 'PROVINCE' };
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'create a province with a parent', () => t.gql(GQL.createAgency, { input }, { token: admin }));
      const current = expectOk(await t.gql(GQL.agency, { id: unit('000.03.10.H56') })).agency;
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'turn a unit into a province', () =>
        t.gql(GQL.updateAgency, { input: { id: current.id, version: current.version, kind: 'PROVINCE' } }, { token: admin }));
      expect(expectOk(await t.gql(GQL.agency, { id: current.id })).agency).toEqual(current);
    });

    it('refuses an update based on a stale version (STALE_VERSION) and keeps the newer one', async () => {
      const id = unit('000.03.10.H56');
      const before = expectOk(await t.gql(GQL.agency, { id })).agency;
      const updated = expectOk(await t.gql(GQL.updateAgency, { input: { id, version: before.version, name: 'Phòng Bổ trợ tư pháp và Luật sư' } }, { token: quantri }));
      expect(updated.updateAgency.agency).toMatchObject({ name: 'Phòng Bổ trợ tư pháp và Luật sư', version: before.version + 1 });

      const stale = await expectRefusedWithoutWrites(t, 'STALE_VERSION', 'second edit from the old version', () =>
        t.gql(GQL.updateAgency, { input: { id, version: before.version, name: 'Tên đè lên' } }, { token: quantri }));
      expect(stale.extensions.details).toMatchObject({ current: before.version + 1 });
      expect(expectOk(await t.gql(GQL.agency, { id })).agency.name).toBe('Phòng Bổ trợ tư pháp và Luật sư');
      expect(await searchAgencies('luat su'), 'the search text follows the new name').toEqual(['Phòng Bổ trợ tư pháp và Luật sư']);
    });
  });

  describe('staff accounts', () => {
    const validStaff = () => ({ username: `cb.${unique()}`, password: STAFF_PASSWORD, fullName: 'Lê Văn Hợp Lệ', unitId: unit(HCTP) });

    it.each([
      ['a username with spaces and diacritics', { username: 'Nguyễn Văn A' }, 'BAD_USER_INPUT', 'username', 'tên đăng nhập'],
      ['a username too short', { username: 'ab' }, 'BAD_USER_INPUT', 'username', 'tên đăng nhập'],
      ['a password without digits', { password: 'matkhaukhongso' }, 'BAD_USER_INPUT', 'password', 'mật khẩu'],
      ['a password too short', { password: 'ab12' }, 'BAD_USER_INPUT', 'password', 'mật khẩu'],
      ['a phone that is not Vietnamese', { phone: '12345' }, 'BAD_USER_INPUT', 'phone', 'số điện thoại'],
      ['a personal ID of 10 digits', { personalId: '0381900001' }, 'BAD_USER_INPUT', 'personalId', 'số định danh'],
      ['an email without domain', { email: 'ha.ltt@' }, 'BAD_USER_INPUT', 'email', 'email'],
      ['an empty full name', { fullName: '   ' }, 'BAD_USER_INPUT', 'fullName', 'họ tên'],
      ['a username already taken', { username: 'chuyenvien' }, 'CONFLICT', 'username', 'đã tồn tại'],
      ['a username taken in another case', { username: 'ChuyenVien' }, 'CONFLICT', 'username', 'đã tồn tại'],
    ])('refuses %s with a typed error, a Vietnamese reason, and nothing written', async (name, override, code, field, reason) => {
      const error = await expectRefusedWithoutWrites(t, code, name, () => t.gql(GQL.createStaff, { input: { ...validStaff(), ...override } }, { token: quantri }));
      expect(error.extensions.details, name).toMatchObject({ field });
      expect(error.extensions.messages.vi, name).toContain(reason);
    });

    it('refuses a unit that does not exist with NOT_FOUND', async () => {
      await expectRefusedWithoutWrites(t, 'NOT_FOUND', 'unknown unit', () =>
        t.gql(GQL.createStaff, { input: { ...validStaff(), unitId: '01900000-0000-7000-8000-000000000000' } }, { token: quantri }));
    });

    it('normalises what it stores: lower-case username, phone and ID without separators', async () => {
      const username = `Le.Van.${unique()}`.toUpperCase();
      const staff = await createStaff(t, quantri, unit(HCTP), { username, phone: '091 234-5699', personalId: '038.190.000.199', position: '  Chuyên viên  ' });
      expect(staff).toMatchObject({ username: username.toLowerCase(), phone: '0912345699', personalId: '038190000199', position: 'Chuyên viên', status: 'ACTIVE', version: 1 });
      expect((await loginPayload(t, username, STAFF_PASSWORD)).user.username, 'sign-in with the name as typed').toBe(username.toLowerCase());
    });

    it('refuses to update a staff member from a stale version, or to move one into another agency', async () => {
      const staff = await createStaff(t, quantri, unit(HCTP));
      expectOk(await t.gql(GQL.updateStaff, { input: { id: staff.id, version: staff.version, position: 'Phó trưởng phòng' } }, { token: quantri }));
      await expectRefusedWithoutWrites(t, 'STALE_VERSION', 'stale staff version', () =>
        t.gql(GQL.updateStaff, { input: { id: staff.id, version: staff.version, position: 'Trưởng phòng' } }, { token: quantri }));
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'move to Sở Xây dựng', () =>
        t.gql(GQL.updateStaff, { input: { id: staff.id, version: staff.version + 1, unitId: unit('000.02.12.H56') } }, { token: quantri }));
      const moved = expectOk(await t.gql(GQL.updateStaff, { input: { id: staff.id, version: staff.version + 1, unitId: unit('000.03.10.H56') } }, { token: quantri }));
      expect(moved.updateStaff.staff).toMatchObject({ unitId: unit('000.03.10.H56'), position: 'Phó trưởng phòng' });
    });

    it('disables and re-enables an account: sign-in refused while disabled, allowed again after', async () => {
      const staff = await createStaff(t, quantri, unit(HCTP));
      const session = await loginPayload(t, staff.username, STAFF_PASSWORD);
      const before = expectOk(await t.gql(GQL.staffMember, { id: staff.id }, { token: quantri })).staffMember;

      const { result, written } = await rowsWrittenBy(t, () => t.gql(GQL.disableStaff, { id: staff.id }, { token: quantri }));
      expect(expectOk(result, 'disable').disableStaff.staff).toMatchObject({ status: 'DISABLED', version: before.version + 1 });
      expect(written).toEqual({ kernel_audit: 1, kernel_outbox: 1 });
      expectRefused(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'ACCOUNT_DISABLED', 'sign-in while disabled');
      expectRefused(await t.gql(GQL.me, {}, { token: session.accessToken }), 'TOKEN_EXPIRED', 'token while disabled');
      const listed = expectOk(await t.gql(GQL.staffList, { filter: { unitId: unit(HCTP), status: 'DISABLED' }, limit: 100 }, { token: quantri }));
      expect(listed.staff.nodes.map((n: { id: string }) => n.id)).toContain(staff.id);

      expect(expectOk(await t.gql(GQL.enableStaff, { id: staff.id }, { token: quantri })).enableStaff.staff).toMatchObject({ status: 'ACTIVE' });
      expectOk(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'sign-in after enabling');
    });

    it('refuses to disable without staff.update there, outside the agency, or oneself', async () => {
      const staff = await createStaff(t, quantri, unit(HCTP));
      const outsider = await createStaff(t, admin, unit('000.02.12.H56'));
      const officer = await t.login('truongphong');
      const me = expectOk(await t.gql(GQL.me, {}, { token: quantri })).me;
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'unit leader without staff.update', () => t.gql(GQL.disableStaff, { id: staff.id }, { token: officer }));
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'quantri in Sở Xây dựng', () => t.gql(GQL.disableStaff, { id: outsider.id }, { token: quantri }));
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'quantri disabling himself', () => t.gql(GQL.disableStaff, { id: me.id }, { token: quantri }));
    });

    // Guards the SQLite snapshot fix in server/src/orm.ts: without it every flush rewrote every
    // loaded row with a date and bumped its version, giving editors false STALE_VERSION errors.
    it("signing in and creating staff in a unit leave the account's and the unit's versions alone", async () => {
      const staff = await createStaff(t, quantri, unit('000.03.10.H56'));
      const versions = async () => ({
        staff: expectOk(await t.gql(GQL.staffMember, { id: staff.id }, { token: quantri })).staffMember.version,
        unit: expectOk(await t.gql(GQL.agency, { id: unit('000.03.10.H56') })).agency.version,
      });
      const before = await versions();
      await loginPayload(t, staff.username, STAFF_PASSWORD);
      await createStaff(t, quantri, unit('000.03.10.H56'));
      expect(await versions(), 'an administrator editing either would get STALE_VERSION').toEqual(before);
    });

    it('lifts a sign-in lock when the account is enabled', async () => {
      const staff = await createStaff(t, quantri, unit(HCTP));
      for (let i = 0; i < 5; i += 1) expectRefused(await t.gql(GQL.login, { u: staff.username, p: 'SaiMatKhau1' }), 'INVALID_CREDENTIALS', `failure ${i + 1}`);
      expectRefused(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'ACCOUNT_LOCKED', 'locked');
      const locked = expectOk(await t.gql('query($id: ID!) { staffMember(id: $id) { lockedUntil } }', { id: staff.id }, { token: quantri })).staffMember;
      expect(locked.lockedUntil, 'the lock is visible to the administrator').not.toBeNull();
      expect(expectOk(await t.gql(GQL.enableStaff, { id: staff.id }, { token: quantri })).enableStaff.staff.lockedUntil).toBeNull();
      expectOk(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'sign-in after enabling');
    });
  });
});
