/**
 * Agency offerings and the contract the dossiers module calls: a local limit longer than the
 * statutory one is refused (across units too), the effective limit, and the snapshot a
 * dossier keeps at receipt, plus e-form validation at submission.
 */
import { FixedClock } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { Channel, findOffering, validateApplicationForm } from '../src/contract.js';
import { completeContent, expectOk, expectRefusedWithoutWrites, GQL } from './support.js';

const JUSTICE = '000.00.10.H56';
const JUSTICE_UNIT = '000.02.10.H56';
const DESK = '000.01.02.H56';

describe('agency offerings', () => {
  let t: TestApp;
  let quantri: string;
  let procedureId: string;
  let versionId: string;
  let agency: (code: string) => string;
  const clock = new FixedClock(new Date('2026-11-26T09:00:00+07:00'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    quantri = await t.login('quantri');
    const catalogAdmin = await t.login('quantrituc');
    const content = completeContent('Thủ tục có thời hạn theo ngày lịch', { levels: ['TINH'] });
    content.channels.push({ channel: 'POSTAL', limit: { value: 30, unit: 'CALENDAR_DAYS' }, fees: [{ name: 'Phí', amount: 50000, moment: 'AT_RESULT' }] });
    const draft = expectOk(await t.gql(GQL.createDraft, { input: { code: '9.500001', content } }, { token: catalogAdmin })).createProcedureDraft.version;
    expectOk(await t.gql(GQL.publish, { input: { versionId: draft.id, effectiveFrom: '2026-01-01' } }, { token: catalogAdmin }));
    [procedureId, versionId] = [draft.procedureId, draft.id];
    const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
    const ids = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
    agency = (code) => ids.get(code)!;
  });
  afterAll(() => t.close());

  const offer = (channels: unknown[], extra: Record<string, unknown> = {}) => t.gql(GQL.setOffering, {
    input: { procedureId, agencyId: agency(JUSTICE), receivingUnitIds: [agency(DESK), agency(JUSTICE_UNIT)], channels, ...extra },
  }, { token: quantri });

  it.each([
    ['longer in the same unit', { channel: 'DIRECT', localLimit: { value: 2, unit: 'WORKING_DAYS' } }, 'channels[0].localLimit'],
    ['longer in working hours than one working day', { channel: 'DIRECT', localLimit: { value: 9, unit: 'WORKING_HOURS' } }, 'channels[0].localLimit'],
    ['more working days than 30 calendar days surely hold', { channel: 'POSTAL', localLimit: { value: 21, unit: 'WORKING_DAYS' } }, 'channels[0].localLimit'],
  ])('refuses a local limit %s, naming the field, and writes nothing', async (_, channel, field) => {
    const error = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'local limit', () => offer([channel]));
    expect(error.extensions.details.field).toBe(field);
    expect(error.extensions.messages.vi).toMatch(/dài hơn thời hạn theo quy định/);
  });

  it('refuses a repeated channel, no channel, or no receiving unit', async () => {
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'repeated channel', () => offer([{ channel: 'ONLINE' }, { channel: 'ONLINE' }]));
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'no channel', () => offer([]));
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'no unit', () => offer([{ channel: 'ONLINE' }], { receivingUnitIds: [] }));
  });

  it('accepts local limits within the statutory ones and shows the effective limits', async () => {
    const { setProcedureOffering } = expectOk(await offer([
      { channel: 'DIRECT', localLimit: { value: 4, unit: 'WORKING_HOURS' } },
      { channel: 'ONLINE' },
      { channel: 'POSTAL', localLimit: { value: 20, unit: 'WORKING_DAYS' } },
    ], { workflowDefinitionId: 'wf-khai-sinh-v1' }));
    expect(setProcedureOffering.offering).toMatchObject({
      agencyId: agency(JUSTICE), workflowDefinitionId: 'wf-khai-sinh-v1',
      channels: [
        { channel: 'DIRECT', localLimit: { value: 4, unit: 'WORKING_HOURS' }, statutoryLimit: { value: 1, unit: 'WORKING_DAYS' }, effectiveLimit: { value: 4, unit: 'WORKING_HOURS' } },
        { channel: 'ONLINE', localLimit: null, statutoryLimit: { value: 5, unit: 'WORKING_DAYS' }, effectiveLimit: { value: 5, unit: 'WORKING_DAYS' } },
        { channel: 'POSTAL', localLimit: { value: 20, unit: 'WORKING_DAYS' }, statutoryLimit: { value: 30, unit: 'CALENDAR_DAYS' }, effectiveLimit: { value: 20, unit: 'WORKING_DAYS' } },
      ],
    });
    const again = expectOk(await offer([{ channel: 'DIRECT' }])).setProcedureOffering.offering; // replaces, same row
    expect(again.id).toBe(setProcedureOffering.offering.id);
    expectOk(await offer([{ channel: 'DIRECT', localLimit: { value: 4, unit: 'WORKING_HOURS' } }, { channel: 'POSTAL' }], { workflowDefinitionId: 'wf-khai-sinh-v1' }));
  });

  it('findOffering gives the snapshot a dossier keeps at receipt', async () => {
    const em = t.app.orm.em.fork();
    const snapshot = await findOffering(em, { procedureCode: '9.500001', agencyId: agency(JUSTICE), channel: Channel.DIRECT, at: clock.now() });
    expect(snapshot).toEqual({
      procedureId, procedureVersionId: versionId, code: '9.500001', name: 'Thủ tục có thời hạn theo ngày lịch', version: 1, channel: 'DIRECT',
      statutoryLimit: { value: 1, unit: 'WORKING_DAYS' }, effectiveLimit: { value: 4, unit: 'WORKING_HOURS' }, workflowDefinitionId: 'wf-khai-sinh-v1',
      receivingUnitIds: [agency(DESK), agency(JUSTICE_UNIT)], boundaryFree: false,
      fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 0, moment: 'AT_SUBMISSION', note: 'Miễn lệ phí khi đăng ký đúng hạn' }],
      cases: [{ code: 'DUNG-HAN', name: 'Đăng ký khai sinh đúng hạn', hasForm: true, components: [
        { code: 'TK', name: 'Tờ khai đăng ký khai sinh', mandatory: true, originals: 1, copies: 0, fromSharedDatabase: false },
        { code: 'GCS', name: 'Giấy chứng sinh', mandatory: true, originals: 1, copies: 0, fromSharedDatabase: false },
        { code: 'CCCD', name: 'Căn cước của người đi đăng ký', mandatory: true, originals: 0, copies: 0, fromSharedDatabase: true },
      ] }],
    });
    const byId = await findOffering(em, { procedureId, agencyId: agency(JUSTICE), channel: Channel.POSTAL, at: clock.now() });
    expect(byId.effectiveLimit).toEqual({ value: 30, unit: 'CALENDAR_DAYS' });
  });

  it('findOffering refuses, in both languages, what cannot be received', async () => {
    const em = t.app.orm.em.fork();
    const refusal = (query: Parameters<typeof findOffering>[1]) => findOffering(em, query).then(() => null, (error) => error);
    const base = { procedureCode: '9.500001', agencyId: agency(JUSTICE), channel: Channel.DIRECT, at: clock.now() };
    expect(await refusal({ ...base, at: new Date('2025-12-31T10:00:00+07:00') })).toMatchObject({ code: 'INVALID_TRANSITION', messages: { en: expect.stringMatching(/no version in force on 2025-12-31/) } });
    expect(await refusal({ ...base, channel: Channel.ONLINE })).toMatchObject({ code: 'INVALID_TRANSITION', messages: { vi: expect.stringMatching(/kênh ONLINE/) } });
    expect(await refusal({ ...base, agencyId: agency('000.00.12.H56') })).toMatchObject({ code: 'INVALID_TRANSITION', messages: { en: expect.stringMatching(/does not offer/) } });
    expect(await refusal({ ...base, procedureCode: '9.999999' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('validateApplicationForm returns bilingual field errors against the case e-form', async () => {
    const em = t.app.orm.em.fork();
    expect(await validateApplicationForm(em, versionId, 'DUNG-HAN', { hoTenTre: 'Lê Minh An', ngaySinh: '2026-11-20' })).toEqual([]);
    expect(await validateApplicationForm(em, versionId, 'DUNG-HAN', { ngaySinh: 'hôm qua' })).toEqual([
      { field: '/hoTenTre', messages: { vi: 'trường này là bắt buộc', en: 'this field is required' } },
      { field: '/ngaySinh', messages: { vi: 'không đúng định dạng date', en: 'is not a valid date' } },
    ]);
    await expect(validateApplicationForm(em, versionId, 'KHONG-CO', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
