/**
 * Acceptance 1: an online dossier end to end through GraphQL — draft → submit → receive →
 * three workflow steps → supplement requested and received → result signed twice → returned —
 * with the due dates, timeliness and national codes worked out by hand below. Acceptance 3:
 * the generated forms read back with pdftotext, the result's two signatures checked by pdfsig.
 *
 * Calendar VN-GOV: working hours 07:00–11:30 and 13:30–17:00 (8 h a day), Monday–Friday; no
 * holiday in March 2026. Times are Hà Nội time (+07:00).
 *
 * - Received Monday 02/03 09:00, ONLINE limit 5 working days = 40 working hours →
 *   due Monday 09/03 09:00 (five full working days later, same hour).
 * - THU_LY (8 working hours) entered Mon 09:00, due Tue 03/03 09:00; done Mon 10:00 → EARLY.
 * - TRINH (4 working hours) entered Mon 10:00: 10:00–11:30 (1.5 h) + 13:30–16:00 (2.5 h) →
 *   due Mon 16:00; done Tue 09:00 → LATE (hour limits are judged to the minute).
 * - KY (1 working day) entered Tue 09:00, due Wed 04/03 09:00; done Tue 10:00 → EARLY.
 * - Supplement requested Tue 03/03 14:00; received Thu 05/03 08:00. Working time paused:
 *   Tue 14:00–17:00 (3 h) + Wed (8 h) + Thu 07:00–08:00 (1 h) = 12 h. The due instant moves by
 *   12 working hours from Mon 09/03 09:00: Mon 09:00–11:30 (2.5) + 13:30–17:00 (3.5) = 6 h,
 *   Tue 10/03 07:00–11:30 (4.5) = 10.5 h, 13:30–15:00 (1.5) = 12 h → due Tue 10/03 15:00.
 *   The receipt slip's due date (Mon 09/03 09:00) is kept as the original.
 * - Result approved Fri 06/03 09:00, signed by the officer 09:30 and the agency 10:00 → done
 *   (9) before the due day → EARLY. Returned Fri 06/03 15:00 (10).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { ANY_SIGNER, configureSigning, createTestPki, type TestPki } from '@motcua/signature/contract';
import { dossierBlobs } from '@motcua/dossiers';
import { DESK, type DossierWorld, dossierWorld, expectInvalidTransition, expectRefused, factKinds, JUSTICE, PDF_BASE64, pdfText, PROCEDURE_CODE, Q } from './support/api-app.js';

const clock = new FixedClock(new Date('2026-03-02T01:00:00Z')); // Mon 02/03 08:00
let w: DossierWorld;
let pki: TestPki;
let id: string;
let secret: string;

const utc = (local: string) => new Date(`${local}+07:00`).toISOString();

beforeAll(async () => {
  w = await dossierWorld(clock);
  pki = await createTestPki();
  // What the signature module's start-up does from SIGNING_* settings: results are signed with these keys.
  configureSigning({
    keys: {
      officer: { signer: pki.officer.RSA.signer(), role: 'OFFICER_PERSONAL', operators: [ANY_SIGNER] },
      seal: { signer: pki.organisation.RSA.signer(), role: 'AGENCY_SEAL', operators: [ANY_SIGNER] },
    },
  });
}, 120_000);
afterAll(() => w?.t.close());

describe('an online dossier from draft to returned result', () => {
  it('the citizen drafts with a validated e-form, attaches the documents and submits (1)', async () => {
    const draft = (await w.ok('congdan', Q.createDraft, {
      input: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', applicant: { name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.vn' }, formData: { hoTen: 'Nguyễn Thị Hoa', soLuong: 1 } },
    })).createDossierDraft;
    id = draft.id;
    expect(draft).toMatchObject({ state: 'DRAFT', nationalStatus: null, channel: 'ONLINE', code: null });

    const bad = expectRefused(await w.gql('congdan', Q.updateDraft, { input: { id, formData: { hoTen: '', soLuong: 20 } } }), 'BAD_USER_INPUT');
    expect(bad.extensions.details.errors.map((e: { field: string }) => e.field).sort()).toEqual(['/hoTen', '/soLuong']);

    expectInvalidTransition(await w.gql('congdan', Q.submit, { input: { id } }), []);
    for (const componentCode of ['TK', 'UQ']) {
      await w.ok('congdan', Q.attach, { input: { dossierId: id, componentCode, fileName: `${componentCode}.pdf`, contentBase64: PDF_BASE64, reused: componentCode === 'UQ' } });
    }
    w.at('2026-03-02T01:30:00Z');
    const submitted = (await w.ok('congdan', Q.submit, { input: { id } })).submitDossier;
    expect(submitted).toMatchObject({ state: 'SUBMITTED', nationalStatus: 1 });
    expect(submitted.components).toEqual([
      { code: 'TK', mandatory: true, fromSharedDatabase: false, present: true },
      { code: 'UQ', mandatory: true, fromSharedDatabase: false, present: true },
      { code: 'CCCD', mandatory: true, fromSharedDatabase: true, present: true },
    ]);
  });

  it('the desk receives it: code, clock with the ONLINE limit, process instance, Mẫu 01 (2)', async () => {
    w.at(utc('2026-03-02T09:00:00'));
    const received = (await w.ok('tiepnhan', Q.receive, { input: { id } })).receiveDossier;
    expect(received).toMatchObject({
      // The demo seed received six dossiers at this desk the same day (0001–0006).
      state: 'RECEIVED', nationalStatus: 2, code: `${DESK}-260302-0007`, receivedAt: '2026-03-02T09:00:00+07:00',
      dueAt: '2026-03-09T09:00:00+07:00', originalDueAt: '2026-03-09T09:00:00+07:00',
    });
    expect(received.processInstanceId).toBeTruthy();
    expect(received.forms.map((f: { number: string }) => f.number)).toEqual(['Mẫu 01']);
    expect(received.ledgerExplanation.at(-1)).toBe('Hạn giải quyết: 09:00 thứ Hai 09/03/2026.');
    const row = await w.t.app.orm.em.fork().getConnection().execute(`select tracking_secret from dossiers_dossier where id = ?`, [id]);
    secret = row[0].tracking_secret;
  });

  it('three workflow steps: forwarded to processing (4), each step judged', async () => {
    w.at(utc('2026-03-02T10:00:00'));
    expect((await w.ok('chuyenvien', Q.step, { input: { id, action: 'FORWARD' } })).actOnDossierStep).toMatchObject({ state: 'PROCESSING', nationalStatus: 4 });
    w.at(utc('2026-03-03T09:00:00'));
    expect((await w.ok('truongphong', Q.step, { input: { id, action: 'FORWARD' } })).actOnDossierStep).toMatchObject({ state: 'PROCESSING', nationalStatus: 4 });
    w.at(utc('2026-03-03T10:00:00'));
    const done = (await w.ok('giamdoc', Q.step, { input: { id, action: 'COMPLETE' } })).actOnDossierStep;
    expect(done).toMatchObject({ state: 'PROCESSING', nationalStatus: 4, openTaskId: null });
    expect(done.allowedActions).toContain('APPROVE_RESULT');
    expect(await factKinds(w.t, id)).toEqual(['RECEIVED', 'STEP_COMPLETED:EARLY', 'STEP_COMPLETED:LATE', 'STEP_COMPLETED:EARLY']);
  });

  it('a supplement pauses the clock (5) and its receipt resumes it (4), moving the due date by the paused working time', async () => {
    w.at(utc('2026-03-03T14:00:00'));
    const asked = (await w.ok('chuyenvien', Q.requestSupplement, { input: { id, missing: ['Bản sao giấy khai sinh', 'Văn bản ủy quyền có chứng thực'] } })).requestSupplement;
    expect(asked).toMatchObject({ state: 'SUPPLEMENT_REQUESTED', nationalStatus: 5 });
    expect(asked.supplements).toEqual([expect.objectContaining({ ordinal: 1, countsLate: false, beforeReceipt: false, receivedAt: null })]);
    expectInvalidTransition(await w.gql('chuyenvien', Q.approve, { input: { id, number: '1/TL', signedOn: '2026-03-03T14:00:00+07:00' } }), ['RECEIVE_SUPPLEMENT', 'WITHDRAW']);

    w.at(utc('2026-03-05T08:00:00'));
    const resumed = (await w.ok('tiepnhan', Q.receiveSupplement, { input: { id } })).receiveSupplement;
    expect(resumed).toMatchObject({ state: 'PROCESSING', nationalStatus: 4, dueAt: '2026-03-10T15:00:00+07:00', originalDueAt: '2026-03-09T09:00:00+07:00' });
  });

  it('the result is numbered, signed by the officer then the agency: done (9), early', async () => {
    w.at(utc('2026-03-06T09:00:00'));
    const approved = (await w.ok('chuyenvien', Q.approve, { input: { id, number: '15/TLHT-STP', signedOn: '2026-03-06T09:00:00+07:00' } })).approveResult;
    expect(approved).toMatchObject({ state: 'AWAITING_OFFICER_SIGNATURE', nationalStatus: 4, result: { number: '15/TLHT-STP', signatureCount: 0 } });
    expectRefused(await w.gql('giamdoc', Q.returnResult, { input: { id, method: 'AT_DESK', recipient: 'Nguyễn Thị Hoa' } }), 'FORBIDDEN');

    w.at(utc('2026-03-06T09:30:00'));
    expect((await w.ok('chuyenvien', Q.sign, { input: { id } })).signDossierResult).toMatchObject({ state: 'AWAITING_AGENCY_SIGNATURE', nationalStatus: 4 });
    w.at(utc('2026-03-06T10:00:00'));
    const done = (await w.ok('giamdoc', Q.sign, { input: { id } })).signDossierResult;
    expect(done).toMatchObject({ state: 'DONE', nationalStatus: 9, timeliness: 'EARLY', finishedAt: '2026-03-06T10:00:00+07:00' });
    expect(done.signatures.map((s: { role: string }) => s.role)).toEqual(['OFFICER', 'AGENCY']);
    // The result-ready message gets a rating link valid RATING_LINK_DAYS (30) days: expiry 05/04 10:00.
    const rows = await w.t.app.orm.em.fork().getConnection().execute<Array<{ payload: string | Record<string, any> }>>("select payload from kernel_outbox where type = 'dossiers.Transitioned'");
    const doneEvent = rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)).find((p) => p.dossierId === id && p.events.includes('DONE'));
    expect(doneEvent.details.ratingToken).toMatch(new RegExp(`^${id}\\.${Date.parse('2026-04-05T03:00:00Z') / 1000}\\.[\\w-]+$`));
  });

  it('the desk returns the result (10); the public tracking view shows the statuses and no names', async () => {
    w.at(utc('2026-03-06T15:00:00'));
    const returned = (await w.ok('tiepnhan', Q.returnResult, { input: { id, method: 'AT_DESK', recipient: 'Nguyễn Thị Hoa' } })).returnResult;
    expect(returned).toMatchObject({ state: 'RETURNED', nationalStatus: 10, returnedAt: '2026-03-06T15:00:00+07:00', result: { returnMethod: 'AT_DESK', returnRecipient: 'Nguyễn Thị Hoa', signatureCount: 2 } });
    expect(returned.timeline.map((l: { nationalStatus: number }) => l.nationalStatus)).toEqual([0, 1, 2, 4, 4, 4, 5, 4, 4, 4, 4, 9, 10]);
    expect(await factKinds(w.t, id)).toEqual([
      'RECEIVED', 'STEP_COMPLETED:EARLY', 'STEP_COMPLETED:LATE', 'STEP_COMPLETED:EARLY', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED', 'DONE:EARLY', 'RETURNED',
    ]);

    const tracked = (await w.ok(null, Q.track, { code: returned.code, secret })).trackDossier;
    expect(tracked.timeline.map((s: { nationalStatus: number }) => s.nationalStatus)).toEqual([1, 2, 4, 5, 4, 9, 10]);
    expect(JSON.stringify(tracked)).not.toMatch(/Nguyễn|Trần|Phạm|Hoàng/);
    expectRefused(await w.gql(null, Q.track, { code: returned.code, secret: 'wrong' }), 'NOT_FOUND');
  });
});

describe('the generated PDFs', () => {
  const text = pdfText;

  it('Mẫu 01 and Mẫu 02 carry the code, the applicant name with its diacritics and the due date', async () => {
    const { dossier } = await w.ok('tiepnhan', Q.dossier, { id });
    const [receipt, supplement] = await Promise.all(dossier.forms.map((f: { sha256: string }) => dossierBlobs().get(f.sha256)));
    const slip = text(receipt);
    expect(slip).toContain(`${DESK}-260302-0007`);
    expect(slip).toContain('Nguyễn Thị Hoa');
    expect(slip).toContain('09/03/2026');
    expect(text(supplement)).toContain('Bản sao giấy khai sinh');
  });

  it('the result PDF carries both signatures, valid for pdfsig', async () => {
    const { dossier } = await w.ok('tiepnhan', Q.dossier, { id });
    const signed = await dossierBlobs().get(dossier.result.documentSha256);
    expect(text(signed)).toContain('Nguyễn Thị Hoa');
    const dir = mkdtempSync(join(tmpdir(), 'motcua-sig-'));
    writeFileSync(join(dir, 'root.der'), pki.root.certificate);
    writeFileSync(join(dir, 'result.pdf'), signed);
    execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.der')]);
    const report = spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'result.pdf')], { encoding: 'utf8' }).stdout;
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
  });
});
