/**
 * The public procedure search on the demo catalog: insensitive to Vietnamese diacritics and
 * case (đ/d folded), ranked (exact code, name prefix, name contains), filtered by sector,
 * agency, channel, online mode and level, paged. Runs on SQLite and, with TEST_DATABASE_URL,
 * on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { completeContent, expectOk, GQL } from './support.js';

describe('procedure search', () => {
  let t: TestApp;
  let agencyByCode: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('quantrituc');
    for (const [code, name] of [['9.400001', 'Giấy phép lái xe quốc tế (thử nghiệm)'], ['9.400002', 'Tra cứu 100% dữ liệu_đặc biệt']]) {
      const { createProcedureDraft } = expectOk(await t.gql(GQL.createDraft, { input: { code, content: completeContent(name, { sectorCode: 'VHTT-VANHOA' }) } }, { token: admin }));
      expectOk(await t.gql(GQL.publish, { input: { versionId: createProcedureDraft.version.id, effectiveFrom: '2026-01-01' } }, { token: admin }));
    }
    const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
    agencyByCode = new Map(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
  });
  afterAll(() => t.close());

  const search = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    expectOk(await t.gql(GQL.procedures, { filter, limit: 100, ...extra }), JSON.stringify(filter)).procedures;
  const codes = async (filter: Record<string, unknown>) => (await search(filter)).nodes.map((n: { code: string }) => n.code);

  it.each([
    ['giay phep lai xe', ['9.400001', '1.002809']],
    ['GIẤY PHÉP LÁI XE', ['9.400001', '1.002809']],
    ['  Giay   Phep  lai  ', ['9.400001', '1.002809']],
    ['dang ky khai sinh', ['1.001193', '1.004884']],
    ['đăng ký kết hôn', ['1.000894']],
    ['ho chieu pho thong', ['1.001456', '1.001445', '2.000539', '1.010382']],
    ['the can cuoc', ['1.000757', '1.000889', '1.001247', '2.000200', '2.001194']],
  ])('%j finds %j', async (text, expected) => {
    expect((await codes({ search: text })).sort()).toEqual([...expected].sort());
  });

  it('ranks an exact code first, then names starting with the words, then names containing them', async () => {
    expect((await codes({ search: 'giay phep lai xe' }))).toEqual(['9.400001', '1.002809']);
    expect((await codes({ search: '1.001193' }))).toEqual(['1.001193']);
    expect((await codes({ search: '1.00' }))[0]).toMatch(/^1\.00/);
    const names = (await search({ search: 'tam tru' })).nodes.map((n: { name: string }) => n.name);
    expect(names).toEqual(['Gia hạn tạm trú', 'Đăng ký tạm trú', 'Xóa đăng ký tạm trú']); // none starts with the words: by code
  });

  it('takes % and _ literally', async () => {
    expect(await codes({ search: '100%' })).toEqual(['9.400002']);
    expect(await codes({ search: 'lieu_dac' })).toEqual(['9.400002']);
    expect(await codes({ search: '%' })).toEqual(['9.400002']);
  });

  it('filters by sector, channel, online mode, level and offering agency', async () => {
    expect((await codes({ sectorCode: 'TP-CHUNGTHUC' })).sort()).toEqual(['2.000815', '2.000884', '2.001035']);
    expect((await codes({ channel: 'POSTAL', sectorCode: 'TP-HOTICH' })).sort()).toEqual(['1.000656', '1.001193', '2.000635']);
    expect((await codes({ onlineMode: 'NONE' })).sort()).toEqual(['2.000815', '2.000884', '2.001035']);
    expect((await codes({ level: 'BO', sectorCode: 'CA-XNC' })).sort()).toEqual(['1.010382', '2.000539']);
    const justice = agencyByCode.get('000.00.10.H56'); // Sở Tư pháp offers the provincial justice procedures
    expect((await codes({ agencyId: justice })).sort()).toEqual(['2.000488', '2.000635']);
    expect(await codes({ agencyId: justice, channel: 'POSTAL', search: 'ly lich tu phap' })).toEqual(['2.000488']);
    expect(await codes({ agencyId: agencyByCode.get('000.00.11.H56') })).toEqual([]);
  });

  it('pages with offset or cursor, and counts the whole filtered list', async () => {
    const first = await search({ sectorCode: 'TP-HOTICH' }, { limit: undefined, first: 4 });
    expect(first.totalCount).toBe(9);
    expect(first.nodes).toHaveLength(4);
    const next = await search({ sectorCode: 'TP-HOTICH' }, { limit: undefined, first: 4, after: first.pageInfo.endCursor });
    const byOffset = await search({ sectorCode: 'TP-HOTICH' }, { limit: 4, offset: 4 });
    expect(next.nodes).toEqual(byOffset.nodes);
    expect(new Set([...first.nodes, ...next.nodes].map((n: { code: string }) => n.code)).size).toBe(8);
    // the total is right whether the page is short, past the end, or exactly full
    expect(await search({ sectorCode: 'TP-HOTICH' }, { limit: 4, offset: 8 })).toMatchObject({ totalCount: 9, nodes: [expect.anything()] });
    expect(await search({ sectorCode: 'TP-HOTICH' }, { limit: 4, offset: 20 })).toMatchObject({ totalCount: 9, nodes: [] });
    expect(await search({ sectorCode: 'TP-HOTICH' }, { limit: 9 })).toMatchObject({ totalCount: 9 });
    expect(await search({ sectorCode: 'KHONG-CO' })).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('sorts by name or code in either direction', async () => {
    const byName = await search({ sectorCode: 'CA-CUTRU' }, { sort: { field: 'NAME', direction: 'ASC' } });
    expect(byName.nodes.map((n: { name: string }) => n.name)).toEqual(['Đăng ký tạm trú', 'Đăng ký thường trú', 'Gia hạn tạm trú', 'Khai báo tạm vắng', 'Thông báo lưu trú', 'Xóa đăng ký tạm trú']);
    const byCode = await search({ sectorCode: 'CA-CUTRU' }, { sort: { field: 'CODE', direction: 'DESC' } });
    expect(byCode.nodes[0].code).toBe('2.001159');
  });
});
