/**
 * Procedure versions through GraphQL: drafts, the completeness check at publish (every
 * missing part at once), immutability of published versions (only the end of validity
 * changes), successive versions and the version in force on a day, retiring, diffs, and the
 * demo seed's sample catalog.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { completeContent, expectOk, expectRefused, expectRefusedWithoutWrites, GQL, rowsWrittenBy } from './support.js';

describe('procedure versions', () => {
  let t: TestApp;
  let catalogAdmin: string;
  const clock = new FixedClock(new Date('2026-11-26T09:00:00+07:00'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    catalogAdmin = await t.login('quantrituc');
  });
  afterAll(() => t.close());

  const gql = (query: string, variables: Record<string, unknown>, token: string | null = catalogAdmin) => t.gql(query, variables, { token });
  const createDraft = async (input: Record<string, unknown>) => expectOk(await gql(GQL.createDraft, { input }), 'createDraft').createProcedureDraft.version;
  const publish = async (versionId: string, effectiveFrom: string) => expectOk(await gql(GQL.publish, { input: { versionId, effectiveFrom } }), 'publish').publishProcedureVersion.version;

  it('the demo seed publishes the sample catalog: 31 real procedures, readable without signing in', async () => {
    const { procedures } = expectOk(await t.gql(GQL.procedures, { limit: 100 }));
    expect(procedures.totalCount).toBe(31);
    const { procedure } = expectOk(await t.gql(GQL.procedure, { code: '1.001193' }));
    expect(procedure).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', status: 'PUBLISHED', sector: { code: 'TP-HOTICH', name: 'Hộ tịch' } });
    expect(procedure.current.channels[0]).toMatchObject({ channel: 'DIRECT', limit: { value: 1, unit: 'SAME_DAY' } });
    expect(procedure.current.cases[0].components).toContainEqual(expect.objectContaining({ code: 'CCCD', fromSharedDatabase: true }));
    expect(procedure.offerings.length).toBeGreaterThan(0);
  });

  it('a draft is created, edited and published; the new procedure is then public', async () => {
    const draft = await createDraft({ code: '9.100001', content: completeContent('Cấp giấy phép thử nghiệm', { steps: '' }) });
    expect(draft).toMatchObject({ code: '9.100001', number: 1, status: 'DRAFT', missingParts: [expect.objectContaining({ part: 'steps' })] });
    expect(expectOk(await t.gql(GQL.procedure, { code: '9.100001' })).procedure).toBeNull(); // anonymous: drafts are invisible
    const edited = expectOk(await gql(GQL.updateDraft, { input: { versionId: draft.id, content: completeContent('Cấp giấy phép thử nghiệm') } })).updateProcedureDraft.version;
    expect(edited.missingParts).toEqual([]);
    expect(await publish(draft.id, '2026-12-01')).toMatchObject({ status: 'PUBLISHED', effectiveFrom: '2026-12-01', effectiveTo: null });
    const { procedure } = expectOk(await t.gql(GQL.procedure, { code: '9.100001' }));
    expect(procedure).toMatchObject({ status: 'PUBLISHED', latestNumber: 1, current: null }); // in force from 1 December
  });

  it('publishing refuses an incomplete draft, naming every missing part at once, and writes nothing', async () => {
    const draft = await createDraft({ code: '9.100002', content: { name: 'Thủ tục chưa đủ', sectorCode: 'TP-HOTICH' } });
    const error = await expectRefusedWithoutWrites(t, 'INVALID_TRANSITION', 'publish incomplete', () => gql(GQL.publish, { input: { versionId: draft.id, effectiveFrom: '2026-12-01' } }));
    expect(error.extensions.details.missing.map((m: { part: string }) => m.part)).toEqual(['levels', 'steps', 'channels', 'components', 'applicantTypes', 'agencies', 'results']);
    expect(error.extensions.messages.vi).toMatch(/trình tự thực hiện; cách thức thực hiện/);
  });

  it('a published version is immutable except its end of validity', async () => {
    const draft = await createDraft({ code: '9.100003', content: completeContent('Thủ tục bất biến') });
    await publish(draft.id, '2026-01-01');
    const edit = await expectRefusedWithoutWrites(t, 'INVALID_TRANSITION', 'edit published', () => gql(GQL.updateDraft, { input: { versionId: draft.id, content: completeContent('Sửa trộm') } }));
    expect(edit.extensions.details.status).toBe('PUBLISHED');
    expect(edit.extensions.messages.en).toMatch(/PUBLISHED, so it cannot be edited/);
    await expectRefusedWithoutWrites(t, 'INVALID_TRANSITION', 'delete published', () => gql(GQL.deleteDraft, { versionId: draft.id }));
    await expectRefusedWithoutWrites(t, 'INVALID_TRANSITION', 'publish again', () => gql(GQL.publish, { input: { versionId: draft.id, effectiveFrom: '2026-02-01' } }));
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'end before start', () => gql(GQL.setEnd, { input: { versionId: draft.id, effectiveTo: '2025-12-31' } }));
    const ended = expectOk(await gql(GQL.setEnd, { input: { versionId: draft.id, effectiveTo: '2027-06-30' } })).setProcedureVersionEnd.version;
    expect(ended).toEqual({ id: draft.id, status: 'PUBLISHED', effectiveTo: '2027-06-30' });
    const { procedureVersion } = expectOk(await t.gql(GQL.version, { id: draft.id }));
    expect(procedureVersion.name).toBe('Thủ tục bất biến');
  });

  it('a new version supersedes the old one from its start; each day has the version then in force; a diff lists the changes', async () => {
    const v1 = await createDraft({ code: '9.100004', content: completeContent('Thủ tục nhiều phiên bản') });
    await publish(v1.id, '2026-01-01');
    const v2 = await createDraft({ procedureId: v1.procedureId });
    expect(v2).toMatchObject({ number: 2, status: 'DRAFT', name: 'Thủ tục nhiều phiên bản' });
    await expectRefusedWithoutWrites(t, 'CONFLICT', 'second draft', () => gql(GQL.createDraft, { input: { procedureId: v1.procedureId } }));
    const changed = completeContent('Thủ tục nhiều phiên bản (sửa đổi)');
    changed.channels[1].limit.value = 3;
    expectOk(await gql(GQL.updateDraft, { input: { versionId: v2.id, content: changed } }));
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'start before the published one', () => gql(GQL.publish, { input: { versionId: v2.id, effectiveFrom: '2025-12-01' } }));
    await publish(v2.id, '2026-11-01');
    const { procedure } = expectOk(await t.gql(GQL.procedure, { code: '9.100004' }));
    expect(procedure.versions).toEqual([
      expect.objectContaining({ number: 2, status: 'PUBLISHED', effectiveFrom: '2026-11-01', effectiveTo: null }),
      expect.objectContaining({ number: 1, status: 'PUBLISHED', effectiveFrom: '2026-01-01', effectiveTo: '2026-11-01' }),
    ]);
    expect(procedure.current).toMatchObject({ number: 2, name: 'Thủ tục nhiều phiên bản (sửa đổi)' });
    const on = async (day: string) => expectOk(await t.gql(`query($on: String) { procedure(code: "9.100004") { current(on: $on) { number } } }`, { on: day })).procedure.current;
    expect(await on('2026-10-31')).toEqual({ number: 1 });
    expect(await on('2026-11-01')).toEqual({ number: 2 });
    expect(await on('2025-12-31')).toBeNull();
    const { procedureVersionDiff } = expectOk(await t.gql(GQL.diff, { a: v1.id, b: v2.id }));
    expect(procedureVersionDiff).toEqual([
      { path: 'name', kind: 'CHANGED', before: '"Thủ tục nhiều phiên bản"', after: '"Thủ tục nhiều phiên bản (sửa đổi)"' },
      { path: 'channels[ONLINE].limit.value', kind: 'CHANGED', before: '5', after: '3' },
    ]);
  });

  it('retiring ends validity; a retired procedure leaves the default list but stays readable', async () => {
    const v1 = await createDraft({ code: '9.100005', content: completeContent('Thủ tục bị bãi bỏ') });
    await publish(v1.id, '2026-01-01');
    const retired = expectOk(await gql(GQL.retire, { input: { versionId: v1.id } })).retireProcedureVersion.version;
    expect(retired).toEqual({ id: v1.id, status: 'RETIRED', effectiveTo: '2026-11-26' });
    await expectRefusedWithoutWrites(t, 'INVALID_TRANSITION', 'retire twice', () => gql(GQL.retire, { input: { versionId: v1.id } }));
    const search = async (statuses?: string[]) => expectOk(await t.gql(GQL.procedures, { filter: { code: '9.100005', statuses } })).procedures.nodes;
    expect(await search()).toEqual([]);
    expect(await search(['RETIRED'])).toEqual([expect.objectContaining({ code: '9.100005', status: 'RETIRED' })]);
  });

  it('two requests drafting the same new code at once: one wins, the other is a CONFLICT', async () => {
    const input = { code: '9.100009', content: completeContent('Thủ tục tranh chấp') };
    const results = await Promise.all([gql(GQL.createDraft, { input }), gql(GQL.createDraft, { input })]);
    expect(results.map((r) => r.errors?.[0]?.extensions.code ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
  });

  it('a draft can be deleted; a procedure without versions goes with it', async () => {
    const draft = await createDraft({ code: '9.100006', content: completeContent('Thủ tục xoá') });
    const { result, written } = await rowsWrittenBy(t, () => gql(GQL.deleteDraft, { versionId: draft.id }));
    expect(expectOk(result).deleteProcedureDraft).toEqual({ versionId: draft.id, procedureDeleted: true });
    expect(written).toMatchObject({ catalog_procedure: -1, catalog_procedure_version: -1, kernel_audit: 1 });
  });

  it('refuses bad input on drafts with bilingual errors and writes nothing', async () => {
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'bad code', () => gql(GQL.createDraft, { input: { code: '1.1193', content: completeContent() } }));
    await expectRefusedWithoutWrites(t, 'CONFLICT', 'existing code', () => gql(GQL.createDraft, { input: { code: '1.001193', content: completeContent() } }));
    const error = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'district level', () => gql(GQL.createDraft, { input: { code: '9.100007', content: completeContent(undefined, { levels: ['HUYEN'] }) } }));
    expect(error.extensions.details.problems).toEqual([expect.objectContaining({ path: 'levels' })]);
    const form = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'broken e-form', () => gql(GQL.createDraft, {
      input: { code: '9.100008', content: completeContent(undefined, { cases: [{ code: 'A', name: 'A', components: [], form: { schema: { type: 'object', properties: { a: { type: 'strnig' } } } } }] }) },
    }));
    expect(form.extensions.details.problems[0].path).toBe('cases[0].form.schema');
    expectRefused(await gql(GQL.publish, { input: { versionId: 'not-an-id', effectiveFrom: '2026-01-01' } }), 'NOT_FOUND');
  });
});
