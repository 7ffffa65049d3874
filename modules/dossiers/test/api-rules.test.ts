/**
 * Acceptance 2 through the API (the pure table test covers every state × action): refused
 * actions answer INVALID_TRANSITION with the allowed actions and write nothing; the lifecycle
 * rules (second supplement flagged, one apology before the due date, original due kept); the
 * other endings (completion request, refusal at reception, withdrawal, stop); and the
 * authorization matrix of roles × operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import {
  type DossierWorld, dossierWorld, expectInvalidTransition, expectRefused, expectRefusedWithoutWrites, JUSTICE, PDF_BASE64, PROCEDURE_CODE, Q,
} from './support/api-app.js';

const clock = new FixedClock(new Date('2026-03-02T02:00:00Z')); // Mon 02/03 09:00 in Hà Nội
let w: DossierWorld;

beforeAll(async () => {
  w = await dossierWorld(clock);
}, 120_000);
afterAll(() => w?.t.close());

/** Moves the clock on by an hour (a pause must last). */
const anHourLater = () => w.at(new Date(clock.now().getTime() + 3_600_000).toISOString());

const applicant = { name: 'Lê Thị Thu Hằng' };

/** A submitted online dossier of the demo citizen. */
async function submitted(): Promise<string> {
  const { id } = (await w.ok('congdan', Q.createDraft, { input: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', applicant } })).createDossierDraft;
  for (const componentCode of ['TK', 'UQ']) await w.ok('congdan', Q.attach, { input: { dossierId: id, componentCode, fileName: 'a.pdf', contentBase64: PDF_BASE64 } });
  await w.ok('congdan', Q.submit, { input: { id } });
  return id;
}

/** A desk dossier received and forwarded to processing by the handling officer. */
async function processing(): Promise<string> {
  const documents = ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: 'a.pdf', contentBase64: PDF_BASE64 }));
  const { id } = (await w.ok('tiepnhan', Q.receive, {
    input: { create: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', channel: 'DIRECT', applicant }, documents },
  })).receiveDossier;
  await w.ok('chuyenvien', Q.step, { input: { id, action: 'FORWARD' } });
  return id;
}

describe('refused actions change nothing', () => {
  it('acting out of turn is INVALID_TRANSITION with the allowed actions, and writes no row', async () => {
    const id = await submitted();
    const refused = (username: string, query: string, input: object) => expectRefusedWithoutWrites(w.t, 'INVALID_TRANSITION', query.slice(9, 40), () => w.gql(username, query, { input }));
    const allowedNow = ['RECEIVE', 'REQUEST_COMPLETION', 'REFUSE_AT_RECEPTION', 'WITHDRAW'];
    for (const [username, query, input] of [
      ['tiepnhan', Q.returnResult, { id, method: 'AT_DESK', recipient: 'X' }],
      ['tiepnhan', Q.receiveSupplement, { id }],
      ['giamdoc', Q.requestSupplement, { id, missing: ['Tờ khai'] }],
      ['giamdoc', Q.approve, { id, number: '1/QĐ', signedOn: '2026-03-02T09:00:00+07:00' }],
      ['giamdoc', Q.apology, { id, reason: 'Chậm', newDueAt: '2026-03-20T09:00:00+07:00' }],
      ['congdan', Q.submit, { id }],
    ] as const) {
      const error = await refused(username, query, input);
      expect(error.extensions.details.allowed).toEqual(allowedNow);
    }
    expectInvalidTransition(await w.gql('chuyenvien', Q.step, { input: { id, action: 'FORWARD' } }), allowedNow);
  });

  it('bad input is BAD_USER_INPUT naming the field, and writes no row', async () => {
    const id = await submitted();
    await expectRefusedWithoutWrites(w.t, 'BAD_USER_INPUT', 'no reasons', () => w.gql('tiepnhan', Q.refuseAtReception, { input: { id, reasons: [' '] } }));
    await expectRefusedWithoutWrites(w.t, 'BAD_USER_INPUT', 'not a pdf', () => w.gql('congdan', Q.attach, { input: { dossierId: id, componentCode: 'TK', fileName: 'x.exe', contentBase64: Buffer.from('MZ…').toString('base64') } }));
  });
});

describe('lifecycle rules through the API', () => {
  it('a second supplement request is allowed but flagged as counting late', async () => {
    const id = await processing();
    await w.ok('chuyenvien', Q.requestSupplement, { input: { id, missing: ['Tờ khai có chữ ký'] } });
    anHourLater();
    await w.ok('tiepnhan', Q.receiveSupplement, { input: { id } });
    const second = (await w.ok('chuyenvien', Q.requestSupplement, { input: { id, missing: ['Văn bản ủy quyền'] } })).requestSupplement;
    expect(second.supplements.map((s: { ordinal: number; countsLate: boolean }) => [s.ordinal, s.countsLate])).toEqual([[1, false], [2, true]]);
    expect(second.nationalStatus).toBe(5);
  });

  it('one apology before the due date moves the appointment; the slip date is kept; a second one is refused', async () => {
    w.at('2026-03-02T02:00:00Z');
    const id = await processing();
    const apologised = (await w.ok('chuyenvien', Q.apology, { input: { id, reason: 'Cần xác minh thêm', newDueAt: '2026-03-10T09:00:00+07:00' } })).issueApology;
    expect(apologised).toMatchObject({ dueAt: '2026-03-10T09:00:00+07:00', originalDueAt: '2026-03-05T09:00:00+07:00', nationalStatus: 4 });
    expect(apologised.forms.map((f: { number: string }) => f.number)).toEqual(['Mẫu 01', 'Mẫu 04']);
    const error = await expectRefusedWithoutWrites(w.t, 'INVALID_TRANSITION', 'second apology', () => w.gql('chuyenvien', Q.apology, { input: { id, reason: 'Lần nữa', newDueAt: '2026-03-12T09:00:00+07:00' } }));
    expect(error.extensions.details.allowed).not.toContain('ISSUE_APOLOGY');
  });

  it('a completion request keeps status 1, refusal at reception gives 3, withdrawal 7, stopping 8', async () => {
    const incomplete = (await w.ok('tiepnhan', Q.requestCompletion, { input: { id: await submitted(), missing: ['Tờ khai', 'Ủy quyền'] } })).requestCompletion;
    expect(incomplete).toMatchObject({ state: 'NEEDS_COMPLETION', nationalStatus: 1, code: null, dueAt: null });
    expect((await w.ok('tiepnhan', Q.refuseAtReception, { input: { id: incomplete.id, reasons: ['Không thuộc thẩm quyền'] } })).refuseAtReception).toMatchObject({ nationalStatus: 3 });
    expect((await w.ok('congdan', Q.withdraw, { input: { id: await submitted() } })).withdrawDossier).toMatchObject({ state: 'WITHDRAWN', nationalStatus: 7 });
    const stopped = (await w.ok('giamdoc', Q.refuse, { input: { id: await processing(), reasons: ['Giấy tờ giả mạo'] } })).refuseDossier;
    expect(stopped).toMatchObject({ state: 'STOPPED', nationalStatus: 8, openTaskId: null });
  });

  it('a financial obligation pauses (6) and its confirmation resumes (4)', async () => {
    const id = await processing();
    expect((await w.ok('chuyenvien', Q.requirePayment, { input: { id } })).requireFinancialObligation).toMatchObject({ nationalStatus: 6 });
    anHourLater();
    expect((await w.ok('tiepnhan', Q.confirmPayment, { input: { id } })).confirmFinancialObligation).toMatchObject({ nationalStatus: 4 });
  });
});

describe('authorization matrix', () => {
  const READERS: Record<string, boolean> = { congdan: true, tiepnhan: true, giamdoc: true, chuyenvien: false, quantri: false, vanthu: false };

  it('who may read a submitted dossier', async () => {
    const id = await submitted();
    for (const [username, may] of Object.entries(READERS)) {
      const result = await w.gql(username, Q.dossier, { id });
      if (may) expect(result.errors, username).toBeUndefined();
      else expectRefused(result, 'FORBIDDEN', username);
    }
    expectRefused(await w.gql(null, Q.dossier, { id }), 'UNAUTHENTICATED');
  });

  it('only the reception officer of the receiving unit receives; only the owner submits and edits', async () => {
    const id = await submitted();
    for (const username of ['congdan', 'chuyenvien', 'truongphong', 'giamdoc', 'quantri']) {
      await expectRefusedWithoutWrites(w.t, 'FORBIDDEN', username, () => w.gql(username, Q.receive, { input: { id } }));
    }
    const { id: draft } = (await w.ok('congdan', Q.createDraft, { input: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', applicant } })).createDossierDraft;
    for (const username of ['tiepnhan', 'giamdoc']) expectRefused(await w.gql(username, Q.updateDraft, { input: { id: draft, applicant: { name: 'X' } } }), 'FORBIDDEN', username);
    expect((await w.ok('tiepnhan', Q.receive, { input: { id } })).receiveDossier.nationalStatus).toBe(2);
  });

  it('processing actions belong to the handling officer, steps to the task’s role, lists to the read scope', async () => {
    const id = await processing();
    for (const username of ['truongphong', 'tiepnhan', 'congdan', 'vanthu']) {
      expectRefused(await w.gql(username, Q.requestSupplement, { input: { id, missing: ['X'] } }), 'FORBIDDEN', username);
    }
    expectRefused(await w.gql('chuyenvien', Q.step, { input: { id, action: 'FORWARD' } }), 'FORBIDDEN', 'the TRINH task is the unit leader’s, not the officer’s');
    const listed = async (username: string) => (await w.ok(username, Q.dossiers, { filter: { search: 'le thi thu hang' }, first: 100 })).dossiers.totalCount;
    expect(await listed('giamdoc')).toBeGreaterThan(0);
    expect(await listed('vanthu')).toBe(0);
  });
});

describe('the dossiers list', () => {
  const ORDERED = `query($filter: DossierFilter, $order: DossierOrder) { dossiers(filter: $filter, order: $order, first: 10) { totalCount nodes { applicantName dueAt } } }`;

  it('orders newest first by default, or soonest due first with the not yet received last', async () => {
    const receive = (name: string) => w.ok('tiepnhan', Q.receive, {
      input: {
        create: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', channel: 'DIRECT', applicant: { name } },
        documents: ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: 'a.pdf', contentBase64: PDF_BASE64 })),
      },
    });
    await receive('Đỗ Thứ Tự Một'); // due first
    anHourLater();
    await receive('Đỗ Thứ Tự Hai');
    anHourLater();
    const { id } = (await w.ok('congdan', Q.createDraft, { input: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', applicant: { name: 'Đỗ Thứ Tự Ba' } } })).createDossierDraft;
    for (const componentCode of ['TK', 'UQ']) await w.ok('congdan', Q.attach, { input: { dossierId: id, componentCode, fileName: 'a.pdf', contentBase64: PDF_BASE64 } });
    await w.ok('congdan', Q.submit, { input: { id } });

    const names = async (order?: string) => {
      const { dossiers } = await w.ok('giamdoc', ORDERED, { filter: { search: 'do thu tu' }, ...(order ? { order } : {}) });
      expect(dossiers.totalCount).toBe(3);
      return dossiers.nodes.map((n: { applicantName: string }) => n.applicantName);
    };
    expect(await names()).toEqual(['Đỗ Thứ Tự Ba', 'Đỗ Thứ Tự Hai', 'Đỗ Thứ Tự Một']);
    expect(await names('NEWEST_FIRST')).toEqual(['Đỗ Thứ Tự Ba', 'Đỗ Thứ Tự Hai', 'Đỗ Thứ Tự Một']);
    expect(await names('DUE_SOONEST')).toEqual(['Đỗ Thứ Tự Một', 'Đỗ Thứ Tự Hai', 'Đỗ Thứ Tự Ba']);
  });
});
