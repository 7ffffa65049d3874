/**
 * Who may do what in the catalog, as a matrix of callers × operations: anonymous, a citizen,
 * an officer, the agency administrator of the owning agency (Sở Tư pháp), an agency
 * administrator of another agency (Sở Xây dựng), and the province's catalog administrator.
 * Reads never refuse: drafts and admin fields come back null to those who may not see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '@motcua/server/testing';
import { completeContent, expectOk, expectRefusedWithoutWrites, GQL } from './support.js';

type Actor = 'anonymous' | 'citizen' | 'officer' | 'ownAgencyAdmin' | 'otherAgencyAdmin' | 'catalogAdmin';
const ACTORS: Actor[] = ['anonymous', 'citizen', 'officer', 'ownAgencyAdmin', 'otherAgencyAdmin', 'catalogAdmin'];
const JUSTICE = '000.00.10.H56';
const CONSTRUCTION = '000.00.12.H56';

/** Expected outcome per actor: 'ok' or the refusal code. */
type Outcomes = Record<Actor, 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN'>;
const only = (...allowed: Actor[]): Outcomes =>
  Object.fromEntries(ACTORS.map((actor) => [actor, allowed.includes(actor) ? 'ok' : actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'])) as Outcomes;
const EDITORS = only('ownAgencyAdmin', 'catalogAdmin');

describe('catalog authorization matrix', () => {
  let t: TestApp;
  const tokens = {} as Record<Actor, string | null>;
  let agency: (code: string) => string;
  let catalogToken: string;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
    const ids = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
    agency = (code) => ids.get(code)!;
    // An agency administrator of Sở Xây dựng, created through the identity API.
    const staff = expectOk(await t.gql(`mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`, {
      input: { username: 'quantrixd', password: DEMO_PASSWORD, fullName: 'Quản trị Sở Xây dựng', unitId: agency(CONSTRUCTION) },
    }, { token: admin })).createStaff.staff;
    const { roles } = expectOk(await t.gql('{ roles(limit: 100) { nodes { id key } } }', {}, { token: admin }));
    const roleId = roles.nodes.find((r: { key: string }) => r.key === 'AGENCY_ADMIN').id;
    expectOk(await t.gql(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { assignment { id } } }`, {
      input: { userId: staff.id, roleId, unitId: agency(CONSTRUCTION), includeSubtree: true },
    }, { token: admin }));
    Object.assign(tokens, {
      anonymous: null, citizen: await t.login('congdan'), officer: await t.login('chuyenvien'), ownAgencyAdmin: await t.login('quantri'),
      otherAgencyAdmin: await t.login('quantrixd'), catalogAdmin: await t.login('quantrituc'),
    });
    catalogToken = tokens.catalogAdmin!;
  });
  afterAll(() => t.close());

  const nextCode = () => `9.6${String(++counter).padStart(5, '0')}`;
  /** A fresh draft owned by Sở Tư pháp (created by the catalog administrator on its behalf). */
  const justiceDraft = async () => expectOk(await t.gql(GQL.createDraft, {
    input: { code: nextCode(), ownerAgencyId: agency(JUSTICE), content: completeContent('Thủ tục của Sở Tư pháp') },
  }, { token: catalogToken })).createProcedureDraft.version;
  const publishedVersion = async () => {
    const draft = await justiceDraft();
    expectOk(await t.gql(GQL.publish, { input: { versionId: draft.id, effectiveFrom: '2026-01-01' } }, { token: catalogToken }));
    return draft;
  };

  /** Operations with their expected outcome per actor: `prepare` makes the fixture (not counted as the operation's writes), `run` returns the GraphQL result. */
  const OPERATIONS: Array<{ name: string; expected: Outcomes; prepare?: () => Promise<any>; run: (token: string | null, fixture: any) => Promise<any> }> = [
    {
      name: 'create a draft owned by Sở Tư pháp', expected: EDITORS,
      run: (token) => t.gql(GQL.createDraft, { input: { code: nextCode(), ownerAgencyId: agency(JUSTICE), content: completeContent() } }, { token }),
    },
    {
      name: "edit Sở Tư pháp's draft", expected: EDITORS,
      prepare: justiceDraft, run: (token, draft) => t.gql(GQL.updateDraft, { input: { versionId: draft.id, content: completeContent('Sửa') } }, { token }),
    },
    {
      name: "delete Sở Tư pháp's draft", expected: EDITORS,
      prepare: justiceDraft, run: (token, draft) => t.gql(GQL.deleteDraft, { versionId: draft.id }, { token }),
    },
    {
      name: 'publish a draft', expected: only('catalogAdmin'),
      prepare: justiceDraft, run: (token, draft) => t.gql(GQL.publish, { input: { versionId: draft.id, effectiveFrom: '2026-01-01' } }, { token }),
    },
    {
      name: 'retire a published version', expected: only('catalogAdmin'),
      prepare: publishedVersion, run: (token, version) => t.gql(GQL.retire, { input: { versionId: version.id } }, { token }),
    },
    {
      name: 'end the validity of a published version', expected: only('catalogAdmin'),
      prepare: publishedVersion, run: (token, version) => t.gql(GQL.setEnd, { input: { versionId: version.id, effectiveTo: '2027-01-01' } }, { token }),
    },
    {
      name: "set Sở Tư pháp's offering", expected: EDITORS,
      prepare: publishedVersion,
      run: (token, version) => t.gql(GQL.setOffering, {
        input: { procedureId: version.procedureId, agencyId: agency(JUSTICE), receivingUnitIds: [agency(JUSTICE)], channels: [{ channel: 'DIRECT' }] },
      }, { token }),
    },
    {
      name: 'import the catalog', expected: only('catalogAdmin'),
      run: (token) => t.gql(GQL.importCatalog, { input: { format: 'JSON', content: '{"format":"motcua.catalog/v1","procedures":[]}', dryRun: true } }, { token }),
    },
  ];

  for (const operation of OPERATIONS) {
    describe(operation.name, () => {
      it.each(ACTORS)('%s', async (actor) => {
        const expected = operation.expected[actor];
        const fixture = await operation.prepare?.();
        if (expected === 'ok') {
          expectOk(await operation.run(tokens[actor], fixture), `${actor}: ${operation.name}`);
        } else {
          await expectRefusedWithoutWrites(t, expected, `${actor}: ${operation.name}`, () => operation.run(tokens[actor], fixture));
        }
      });
    });
  }

  it("an agency administrator manages drafts and offerings of their own agency, not of another's", async () => {
    const own = expectOk(await t.gql(GQL.createDraft, { input: { code: nextCode(), content: completeContent('Thủ tục của Sở Xây dựng') } }, { token: tokens.otherAgencyAdmin }));
    expect(own.createProcedureDraft.version.ownerAgencyId).toBe(agency(CONSTRUCTION)); // defaults to the caller's agency
    const { procedureId } = await publishedVersion();
    const offering = { procedureId, agencyId: agency(CONSTRUCTION), receivingUnitIds: [agency(CONSTRUCTION)], channels: [{ channel: 'ONLINE' }] };
    expectOk(await t.gql(GQL.setOffering, { input: offering }, { token: tokens.otherAgencyAdmin }));
    await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'offering of another agency', () => t.gql(GQL.setOffering, { input: offering }, { token: tokens.ownAgencyAdmin }));
  });

  it('drafts and admin fields read as null to those who may not edit them; published procedures read for everyone', async () => {
    const draft = await justiceDraft();
    const { procedureId } = await publishedVersion();
    expectOk(await t.gql(GQL.setOffering, {
      input: { procedureId, agencyId: agency(JUSTICE), receivingUnitIds: [agency(JUSTICE)], channels: [{ channel: 'DIRECT' }], workflowDefinitionId: 'wf-1' },
    }, { token: catalogToken }));
    const editors = new Set<Actor>(['ownAgencyAdmin', 'catalogAdmin']);
    for (const actor of ACTORS) {
      const token = tokens[actor];
      const { procedureVersion } = expectOk(await t.gql(GQL.version, { id: draft.id }, { token }), actor);
      expect(procedureVersion?.id ?? null, `${actor} draft`).toBe(editors.has(actor) ? draft.id : null);
      const { procedure } = expectOk(await t.gql(GQL.procedure, { id: procedureId }, { token }), actor);
      expect(procedure.current, `${actor} published`).not.toBeNull();
      expect(procedure.ownerAgencyId, `${actor} owner`).toBe(editors.has(actor) ? agency(JUSTICE) : null);
      expect(procedure.offerings[0].workflowDefinitionId, `${actor} workflow`).toBe(editors.has(actor) ? 'wf-1' : null);
      expect(procedure.viewerCanPublish, `${actor} can publish`).toBe(actor === 'catalogAdmin');
      const drafts = expectOk(await t.gql(GQL.procedures, { filter: { statuses: ['DRAFT'], code: draft.code } }, { token }), actor).procedures;
      expect(drafts.totalCount, `${actor} draft list`).toBe(editors.has(actor) ? 1 : 0);
      const exported = expectOk(await t.gql(GQL.exportCatalog, { input: { format: 'JSON', codes: [draft.code] } }, { token }), actor).exportCatalog;
      expect(exported.count, `${actor} export holds no drafts`).toBe(0);
    }
  });
});
