/**
 * Acceptance: every built-in role × (own unit, sibling unit, parent, other agency, and a child
 * for subtree grants) × (read, create, update) on staff and agencies, with every refusal
 * asserted; a role without `staff.readPersonalData` sees phone and personal ID masked (or
 * cannot read the staff member at all), and the raw values never appear in any response.
 *
 * Each subject is a demo account (one per built-in role), plus the citizen and an anonymous
 * caller. Their target units are agency codes relative to the unit of their role assignment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import {
  agenciesByCode, type AgencyRef, createStaff, expectOk, expectRefused, GQL, masked, rowsWrittenBy, unique,
} from './support.js';

type Target = 'own' | 'sibling' | 'parent' | 'other' | 'child';
type Operation = 'readStaff' | 'createStaff' | 'updateStaff' | 'readAgency' | 'createAgency' | 'updateAgency';

interface Subject {
  /** Built-in role and demo account, e.g. `AGENCY_ADMIN (quantri)`. */
  name: string;
  /** Demo account; null = anonymous. */
  username: string | null;
  /** Agency code of each target that exists for this subject. */
  targets: Partial<Record<Target, string>>;
  /** Targets where each operation is allowed; everything else must be refused. */
  allowed: Record<Operation, Target[]>;
  /** Targets where phone and personal ID come back unmasked. */
  personalData: Target[];
}

const EVERY: Target[] = ['own', 'sibling', 'parent', 'other', 'child'];
const NONE: Target[] = [];
const OWN: Target[] = ['own'];
const SUBTREE: Target[] = ['own', 'child'];

// Targets around a unit: a sibling under the same parent, the parent, a unit of another department.
/** Around Sở Tư pháp (a department directly under the province). */
const AROUND_DEPARTMENT = { own: '000.00.10.H56', sibling: '000.00.15.H56', parent: '000.00.00.H56', other: '000.02.12.H56', child: '000.02.10.H56' };
/** Around Phòng Hành chính tư pháp (a unit of Sở Tư pháp). */
const AROUND_HCTP = { own: '000.02.10.H56', sibling: '000.03.10.H56', parent: '000.00.10.H56', other: '000.02.12.H56' };
/** Around Bộ phận Tiếp nhận và Trả kết quả (a unit of the service centre). */
const AROUND_RECEPTION = { own: '000.01.02.H56', sibling: '000.02.02.H56', parent: '000.00.02.H56', other: '000.02.12.H56' };
/** Around Văn phòng Sở Tư pháp. */
const AROUND_STP_OFFICE = { own: '000.01.10.H56', sibling: '000.02.10.H56', parent: '000.00.10.H56', other: '000.01.12.H56' };
/** Around the province root: its sibling is another province (created below); a root has no parent. */
const AROUND_ROOT = { own: '000.00.00.H56', sibling: '000.00.00.H40', other: '000.02.10.H40', child: '000.02.12.H56' };

/** The other province, so that the province-wide supervisor has something outside its scope. */
const OTHER_PROVINCE = [
  { code: '000.00.00.H40', name: 'Ủy ban nhân dân tỉnh Nghệ An', kind: 'PROVINCE', parent: null },
  { code: '000.00.10.H40', name: 'Sở Tư pháp tỉnh Nghệ An', kind: 'DEPARTMENT', parent: '000.00.00.H40' },
  { code: '000.02.10.H40', name: 'Phòng Hành chính tư pháp', kind: 'UNIT', parent: '000.00.10.H40' },
] as const;

const readOnlyDirectory = (readStaff: Target[]): Subject['allowed'] => ({
  readStaff, createStaff: NONE, updateStaff: NONE, readAgency: EVERY, createAgency: NONE, updateAgency: NONE,
});

const SUBJECTS: Subject[] = [
  {
    name: 'SYSTEM_ADMIN (admin)', username: 'admin', targets: AROUND_DEPARTMENT, personalData: EVERY,
    allowed: { readStaff: EVERY, createStaff: EVERY, updateStaff: EVERY, readAgency: EVERY, createAgency: EVERY, updateAgency: EVERY },
  },
  {
    name: 'AGENCY_ADMIN (quantri)', username: 'quantri', targets: AROUND_DEPARTMENT, personalData: SUBTREE,
    allowed: { readStaff: SUBTREE, createStaff: SUBTREE, updateStaff: SUBTREE, readAgency: EVERY, createAgency: SUBTREE, updateAgency: SUBTREE },
  },
  { name: 'AGENCY_LEADER (giamdoc)', username: 'giamdoc', targets: AROUND_DEPARTMENT, personalData: SUBTREE, allowed: readOnlyDirectory(SUBTREE) },
  { name: 'UNIT_LEADER (truongphong)', username: 'truongphong', targets: AROUND_HCTP, personalData: OWN, allowed: readOnlyDirectory(OWN) },
  { name: 'HANDLING_OFFICER (chuyenvien)', username: 'chuyenvien', targets: AROUND_HCTP, personalData: NONE, allowed: readOnlyDirectory(OWN) },
  { name: 'RECEPTION_OFFICER (tiepnhan)', username: 'tiepnhan', targets: AROUND_RECEPTION, personalData: NONE, allowed: readOnlyDirectory(OWN) },
  { name: 'CLERK (vanthu)', username: 'vanthu', targets: AROUND_STP_OFFICE, personalData: NONE, allowed: readOnlyDirectory(OWN) },
  { name: 'SUPERVISOR (giamsat)', username: 'giamsat', targets: AROUND_ROOT, personalData: NONE, allowed: readOnlyDirectory(SUBTREE) },
  // The procedure catalog's administrator holds catalog permissions only (contributed by the catalog module).
  { name: 'CATALOG_ADMIN (quantrituc)', username: 'quantrituc', targets: AROUND_DEPARTMENT, personalData: NONE, allowed: readOnlyDirectory(NONE) },
  { name: 'CITIZEN (congdan)', username: 'congdan', targets: AROUND_DEPARTMENT, personalData: NONE, allowed: readOnlyDirectory(NONE) },
  { name: 'anonymous', username: null, targets: AROUND_DEPARTMENT, personalData: NONE, allowed: readOnlyDirectory(NONE) },
];

const OPERATIONS: Operation[] = ['readStaff', 'createStaff', 'updateStaff', 'readAgency', 'createAgency', 'updateAgency'];

interface TargetStaff {
  id: string;
  unitId: string;
  phone: string;
  personalId: string;
}

describe('authorization matrix: built-in roles × units × operations on staff and agencies', () => {
  let t: TestApp;
  let adminToken: string;
  const tokens = new Map<string, string | null>();
  let agencies: Map<string, AgencyRef>;
  /** One staff member per target unit, created by the administrator, with personal data. */
  const staffByUnit = new Map<string, TargetStaff>();

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login('admin');
    const ids = new Map<string, string>();
    for (const agency of OTHER_PROVINCE) {
      const input = { code: agency.code, name: agency.name, kind: agency.kind, parentId: agency.parent ? ids.get(agency.parent) : undefined };
      ids.set(agency.code, expectOk(await t.gql(GQL.createAgency, { input }, { token: adminToken }), `create ${agency.code}`).createAgency.agency.id);
    }
    agencies = await agenciesByCode(t);
    const codes = new Set(SUBJECTS.flatMap((subject) => Object.values(subject.targets)));
    let n = 0;
    for (const code of codes) {
      n += 1;
      const phone = `09${String(70_000_000 + n)}`;
      const personalId = `0381${String(n).padStart(8, '0')}`;
      const staff = await createStaff(t, adminToken, agencyId(code), { fullName: `Cán bộ mục tiêu ${n}`, phone, personalId });
      staffByUnit.set(code, { id: staff.id, unitId: staff.unitId, phone, personalId });
    }
    for (const subject of SUBJECTS) tokens.set(subject.name, subject.username ? await t.login(subject.username) : null);
  });
  afterAll(() => t.close());

  function agencyId(code: string): string {
    const agency = agencies.get(code);
    if (!agency) throw new Error(`no agency ${code}`);
    return agency.id;
  }

  /** Everything one case needs: who, where, and how a refusal must look. */
  interface Case {
    subject: Subject;
    target: Target;
    code: string;
    token: string | null;
    allowed: boolean;
    label: string;
    /** UNAUTHENTICATED for anonymous callers, FORBIDDEN otherwise. */
    refusal: string;
  }

  /** Runs a mutation and checks it either succeeded or was refused without writing a row. */
  async function mutate(c: Case, query: string, input: Record<string, unknown>, expectedWrites: Record<string, number>) {
    const { result, written } = await rowsWrittenBy(t, () => t.gql(query, { input }, { token: c.token }));
    if (!c.allowed) {
      expectRefused(result, c.refusal, c.label);
      expect(written, `${c.label}: refused but wrote rows`).toEqual({});
      return null;
    }
    const data = expectOk(result, c.label);
    expect(written, `${c.label}: rows written`).toEqual(expectedWrites);
    return data;
  }

  const run: Record<Operation, (c: Case) => Promise<void>> = {
    async readStaff(c) {
      const staff = staffByUnit.get(c.code)!;
      const list = await t.gql(GQL.staffList, { filter: { unitId: staff.unitId }, limit: 100 }, { token: c.token });
      const one = await t.gql(GQL.staffMember, { id: staff.id }, { token: c.token });
      for (const response of [list, one]) {
        const json = JSON.stringify(response);
        const unmasked = c.allowed && c.subject.personalData.includes(c.target);
        expect(json.includes(staff.phone), `${c.label}: raw phone ${unmasked ? 'must' : 'must not'} appear`).toBe(unmasked);
        expect(json.includes(staff.personalId), `${c.label}: raw personal ID ${unmasked ? 'must' : 'must not'} appear`).toBe(unmasked);
      }
      if (c.refusal === 'UNAUTHENTICATED') {
        expectRefused(list, c.refusal, `${c.label} (list)`);
        expectRefused(one, c.refusal, `${c.label} (staffMember)`);
        return;
      }
      const nodes = expectOk(list, `${c.label} (list)`).staff.nodes as TargetStaff[];
      if (!c.allowed) {
        expect(nodes, `${c.label}: the list must show none of the unit's staff`).toEqual([]);
        expectRefused(one, c.refusal, `${c.label} (staffMember)`);
        return;
      }
      expect(nodes.map((node) => node.id), `${c.label}: the list shows the unit's staff member`).toContain(staff.id);
      const member = expectOk(one, `${c.label} (staffMember)`).staffMember;
      const expected = c.subject.personalData.includes(c.target)
        ? { phone: staff.phone, personalId: staff.personalId }
        : { phone: masked(staff.phone), personalId: masked(staff.personalId) };
      expect({ phone: member.phone, personalId: member.personalId }, `${c.label}: personal data`).toEqual(expected);
      expect(nodes.find((node) => node.id === staff.id), `${c.label}: list and staffMember agree`).toMatchObject(expected);
    },

    async createStaff(c) {
      const username = `moi.${unique()}`;
      const input = { username, password: 'Matkhau2026', fullName: 'Cán bộ mới', unitId: agencyId(c.code) };
      const data = await mutate(c, GQL.createStaff, input, { identity_user: 1, kernel_audit: 1, kernel_outbox: 1 });
      if (data) expect(data.createStaff.staff, c.label).toMatchObject({ username, unitId: agencyId(c.code), status: 'ACTIVE' });
    },

    async updateStaff(c) {
      const { id } = staffByUnit.get(c.code)!;
      const before = expectOk(await t.gql(GQL.staffMember, { id }, { token: adminToken })).staffMember;
      const position = `Chức vụ ${unique()}`;
      const data = await mutate(c, GQL.updateStaff, { id, version: before.version, position }, { kernel_audit: 1, kernel_outbox: 1 });
      const after = expectOk(await t.gql(GQL.staffMember, { id }, { token: adminToken })).staffMember;
      if (data) {
        expect(data.updateStaff.staff, c.label).toMatchObject({ id, position, version: before.version + 1 });
        expect(after.position, `${c.label}: stored`).toBe(position);
      } else {
        expect(after, `${c.label}: a refused update changed the staff member`).toEqual(before);
      }
    },

    async readAgency(c) {
      const result = await t.gql(GQL.agency, { id: agencyId(c.code) }, { token: c.token });
      if (!c.allowed) return void expectRefused(result, c.refusal, c.label);
      expect(expectOk(result, c.label).agency.code, c.label).toBe(c.code);
    },

    async createAgency(c) {
      const code = `T${unique()}.${c.target}`;
      const input = { parentId: agencyId(c.code), code, name: `Tổ công tác ${code}`, kind: 'UNIT' };
      const data = await mutate(c, GQL.createAgency, input, { identity_agency: 1, kernel_audit: 1, kernel_outbox: 1 });
      if (data) expect(data.createAgency.agency, c.label).toMatchObject({ code, parentId: agencyId(c.code) });
    },

    async updateAgency(c) {
      const id = agencyId(c.code);
      const before = expectOk(await t.gql(GQL.agency, { id })).agency;
      const address = `Số ${unique()} đường Lê Lợi`;
      const data = await mutate(c, GQL.updateAgency, { id, version: before.version, address }, { kernel_audit: 1, kernel_outbox: 1 });
      const after = expectOk(await t.gql(GQL.agency, { id })).agency;
      if (data) {
        expect(data.updateAgency.agency, c.label).toMatchObject({ id, address, version: before.version + 1 });
        expect(after.address, `${c.label}: stored`).toBe(address);
      } else {
        expect(after, `${c.label}: a refused update changed the agency`).toEqual(before);
      }
    },
  };

  for (const subject of SUBJECTS) {
    describe(subject.name, () => {
      for (const [target, code] of Object.entries(subject.targets) as Array<[Target, string]>) {
        for (const operation of OPERATIONS) {
          const allowed = subject.allowed[operation].includes(target);
          const label = `${subject.name} ${operation} at ${target} unit ${code}`;
          it(`${allowed ? 'may' : 'may not'} ${operation} at the ${target} unit (${code})`, async () => {
            const token = tokens.get(subject.name) ?? null;
            await run[operation]({ subject, target, code, token, allowed, label, refusal: token ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
          });
        }
      }
    });
  }

  it('covers every built-in role', async () => {
    const roles = expectOk(await t.gql(GQL.roles, {}, { token: adminToken })).roles.nodes as Array<{ key: string; builtIn: boolean }>;
    const covered = SUBJECTS.map((subject) => /^(\w+) \(/.exec(subject.name)?.[1]).filter(Boolean);
    expect(covered.sort()).toEqual(roles.filter((role) => role.builtIn).map((role) => role.key).sort());
  });

  it('shows people their own phone and personal ID even without staff.readPersonalData', async () => {
    for (const username of ['chuyenvien', 'tiepnhan', 'vanthu']) {
      const token = tokens.get(SUBJECTS.find((subject) => subject.username === username)!.name)!;
      const me = expectOk(await t.gql(GQL.me, {}, { token })).me;
      const own = expectOk(await t.gql(GQL.staffMember, { id: me.id }, { token }), username).staffMember;
      expect(own.phone, `${username} sees their own phone`).toMatch(/^0\d{9}$/);
      expect(own.personalId, `${username} sees their own personal ID`).toMatch(/^\d{12}$/);
    }
  });

  it('masks personal data of colleagues in the same unit for a role without staff.readPersonalData', async () => {
    const token = tokens.get('HANDLING_OFFICER (chuyenvien)')!;
    const unitId = agencyId('000.02.10.H56');
    const nodes = expectOk(await t.gql(GQL.staffList, { filter: { unitId }, limit: 100 }, { token })).staff.nodes as Array<Record<string, string>>;
    const colleague = nodes.find((node) => node.username === 'truongphong');
    expect(colleague, 'the unit leader is in the same unit').toBeDefined();
    expect(colleague!.phone).toBe(masked('0912345604'));
    expect(colleague!.personalId).toBe(masked('038085000104'));
  });
});
