/**
 * Acceptance 5 of the dossiers module in a real browser: the reception officer (tiepnhan)
 * receives a direct dossier at the desk and gets its receipt (Mẫu 01); the officers process it
 * step by step (chuyenvien forwards, truongphong submits, giamdoc completes), the result is
 * numbered, signed by the officer then the agency and returned at the desk; a citizen tracks it
 * by code on the public page, without signing in.
 *
 * Set-up through the API (what the catalog and workflow pages already do in their own tests): a
 * published three-step process of Sở Tư pháp and a procedure offered at the provincial desk with
 * it; the signing keys the server configures from its SIGNING_* settings, here from a test PKI.
 */
import { ANY_SIGNER, configureSigning, createTestPki } from '@motcua/signature/contract';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESK, JUSTICE, procedureContent, threeStepProcess } from '@motcua/dossiers/contract';
import { DEMO_PASSWORD } from '@motcua/server/testing';
import { adminBrowserSuite, CHROMIUM, demoSession } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('dossiers browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const PROCEDURE_CODE = '2.000998';
const BOUNDARY_FREE_CODE = '2.000997';
const COMMUNE = '000.30.31.H56'; // UBND phường Hạc Thành
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(!BROWSER_READY)('dossiers admin pages in a real browser', () => {
  const suite = adminBrowserSuite();
  let code = '';
  let dossierPath = '';
  let dossierId = '';
  let agency: (code: string) => string;
  let processId = '';

  /** Publishes a procedure of Sở Tư pháp and offers it at the provincial desk with the test process. */
  async function offer(procedureCode: string, content: Record<string, unknown>) {
    const draft = await ok('admin', 'mutation($input: CreateProcedureDraftInput!) { createProcedureDraft(input: $input) { version { id procedureId } } }', {
      input: { code: procedureCode, ownerAgencyId: agency(JUSTICE), content },
    });
    const { id: versionId, procedureId } = draft.createProcedureDraft.version;
    await ok('admin', 'mutation($input: PublishProcedureVersionInput!) { publishProcedureVersion(input: $input) { version { id } } }', { input: { versionId, effectiveFrom: '2026-01-01' } });
    await ok('admin', 'mutation($input: SetProcedureOfferingInput!) { setProcedureOffering(input: $input) { offering { id } } }', {
      input: { procedureId, agencyId: agency(JUSTICE), receivingUnitIds: [agency(DESK)], workflowDefinitionId: processId, channels: [{ channel: 'DIRECT' }, { channel: 'ONLINE' }] },
    });
  }

  async function ok(username: string, query: string, variables: Record<string, unknown>) {
    const result = await suite.app.gql(query, variables, { token: (await demoSession(suite.app, username)).accessToken });
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  beforeAll(async () => {
    const pki = await createTestPki();
    configureSigning({
      keys: {
        officer: { signer: pki.officer.RSA.signer(), role: 'OFFICER_PERSONAL', operators: [ANY_SIGNER] },
        seal: { signer: pki.organisation.RSA.signer(), role: 'AGENCY_SEAL', operators: [ANY_SIGNER] },
      },
    });
    const { agencies } = await ok('admin', '{ agencies(limit: 100) { nodes { id code } } }', {});
    agency = (wanted: string) => agencies.nodes.find((a: { code: string }) => a.code === wanted).id as string;
    const created = await ok('quantri', 'mutation($input: CreateProcessInput!) { createProcess(input: $input) { process { id } } }', { input: threeStepProcess(agency(JUSTICE), 'TRICH-LUC-UI') });
    processId = created.createProcess.process.id;
    await ok('quantri', 'mutation($input: PublishProcessInput!) { publishProcess(input: $input) { process { id } } }', { input: { id: processId, version: 1 } });
    await offer(PROCEDURE_CODE, procedureContent());
  }, 120_000);

  /** Runs one allowed action from the dossier page through its small form. */
  async function act(page: Page, action: string, fill?: () => Promise<void>) {
    await page.getByTestId(`action-${action}`).click();
    await page.locator('.ant-modal:visible').waitFor();
    await fill?.();
    await page.getByTestId('action-ok').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
  }

  /** Acts on the dossier's open step from "steps waiting for me", as the inbox shows it; the dossier page opens after. */
  async function stepAs(username: string, stepName: string, stepAction: string) {
    const watched = await suite.openSignedIn(username, '/dossiers');
    const { page } = watched;
    const row = page.getByTestId('my-steps').locator(`tr[data-dossier="${dossierId}"]`);
    await row.getByText(stepName).waitFor();
    await row.getByTestId('step-act').click();
    await page.locator('.ant-modal:visible').waitFor();
    await page.getByTestId('action-step').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(stepAction).click();
    await page.getByTestId('action-comment').fill(`Ý kiến của ${username}`);
    await page.getByTestId('action-ok').click();
    await page.getByTestId('dossier-code').getByText(code).waitFor();
    await expect.poll(() => page.getByTestId('dossier-state').innerText()).toMatch(/^4 · Đang xử lý/);
    await watched.screenshot(`dos-step-${username}`);
  }

  it('the reception officer finds the procedure without diacritics, scans the components, receives and gets Mẫu 01', async () => {
    const watched = await suite.openSignedIn('tiepnhan', '/dossiers/reception');
    const { page } = watched;
    await page.getByTestId('procedure-search').locator('input').fill('trich luc ho tich thu nghiem');
    await page.locator('.ant-select-dropdown:visible').getByText(`${PROCEDURE_CODE} · Cấp bản sao trích lục hộ tịch (thử nghiệm)`).click();
    await page.getByTestId('checklist').waitFor();
    await page.getByTestId('component-CCCD').getByText('cơ quan tự khai thác từ cơ sở dữ liệu').waitFor();
    for (const component of ['TK', 'UQ']) {
      await page.getByTestId(`scan-${component}`).setInputFiles({ name: `${component}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId(`component-${component}`).getByText(`${component}.pdf`).waitFor();
    }
    await page.getByTestId('applicant-name').fill('Nguyễn Thị Hoa');
    await page.getByTestId('applicant-id').fill('001190012345');
    await page.getByTestId('receive').click();
    await page.getByTestId('receipt').waitFor();
    code = await page.getByTestId('receipt-code').innerText();
    expect(code).toMatch(new RegExp(`^${DESK.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));
    expect(await page.getByTestId('receipt-form').innerText()).toContain('Mẫu 01');
    await watched.screenshot('dos-01-receipt');
    // Print: the slip downloads as issued, with the code and the applicant's name as typed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('form-download').click()]);
    expect(download.suggestedFilename()).toBe(`mau-01-${code}.pdf`);
    const slip = execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(slip).toContain(code);
    expect(slip).toContain('Nguyễn Thị Hoa');
    const { dossier } = await ok('tiepnhan', 'query($code: String) { dossier(code: $code) { id state documents { componentCode digitised } } }', { code });
    expect(dossier.state).toBe('RECEIVED');
    expect(dossier.documents).toEqual([{ componentCode: 'TK', digitised: true }, { componentCode: 'UQ', digitised: true }]);
    dossierId = dossier.id;
    dossierPath = `/dossiers/${dossier.id}`;
  });

  it('the officers process it through the steps to a signed result, returned at the desk', async () => {
    // The desk finds it in the list by the applicant's name typed without diacritics.
    const watched = await suite.openSignedIn('tiepnhan', '/dossiers');
    const { page } = watched;
    await page.getByTestId('dossier-search').fill('nguyen thi hoa');
    await page.getByTestId('dossier-search').press('Enter');
    await page.getByTestId('dossier-list').getByRole('row', { name: new RegExp(code) }).click();
    await page.getByTestId('dossier-code').getByText(code).waitFor();
    expect(await page.getByTestId('dossier-applicant').innerText()).toBe('Nguyễn Thị Hoa');
    await watched.screenshot('dos-02-dossier');

    await stepAs('chuyenvien', 'Thụ lý', 'Chuyển bước tiếp');
    await stepAs('truongphong', 'Trình ký', 'Chuyển bước tiếp');
    await stepAs('giamdoc', 'Ký duyệt', 'Hoàn thành xử lý');

    const officer = await suite.openSignedIn('chuyenvien', dossierPath);
    await act(officer.page, 'APPROVE_RESULT', () => officer.page.getByTestId('action-number').fill('15/TLHT-STP'));
    await expect.poll(() => officer.page.getByTestId('dossier-state').innerText()).toMatch(/Chờ chuyên viên ký/);
    await act(officer.page, 'SIGN_AS_OFFICER');
    await expect.poll(() => officer.page.getByTestId('dossier-state').innerText()).toMatch(/Chờ cơ quan ký/);

    const leader = await suite.openSignedIn('giamdoc', dossierPath);
    await act(leader.page, 'SIGN_AS_AGENCY');
    await expect.poll(() => leader.page.getByTestId('dossier-state').innerText()).toMatch(/^9 · Đã có kết quả/);
    expect(await leader.page.getByTestId('dossier-result').innerText()).toContain('15/TLHT-STP · 2 chữ ký');

    const desk = await suite.openSignedIn('tiepnhan', dossierPath);
    await act(desk.page, 'RETURN_RESULT');
    await expect.poll(() => desk.page.getByTestId('dossier-state').innerText()).toMatch(/^10 · Đã trả kết quả/);
    expect(await desk.page.getByTestId('dossier-result').innerText()).toContain('Tại bộ phận một cửa: Nguyễn Thị Hoa');
    await desk.screenshot('dos-03-returned');
  }, 180_000);

  it('a citizen tracks it by code and the key on the slip, without signing in', async () => {
    const rows = await suite.app.app.orm.em.fork().getConnection().execute('select tracking_secret from dossiers_dossier where code = ?', [code]);
    const watched = await suite.openSignedIn('congdan', '/');
    const { page } = watched;
    await page.evaluate(() => localStorage.removeItem('motcua.session'));
    await page.goto(`${suite.app.url}/admin/tra-cuu`);
    await page.getByTestId('track-code').fill(code);
    await page.getByTestId('track-secret').fill(rows[0].tracking_secret);
    await page.getByTestId('track').click();
    await page.getByTestId('tracking').waitFor();
    expect(await page.getByTestId('track-status').innerText()).toBe('Đã trả kết quả');
    expect(await page.getByTestId('tracking').innerText()).toContain('Cấp bản sao trích lục hộ tịch (thử nghiệm)');
    expect(await page.getByTestId('tracking').innerText()).not.toContain('Nguyễn Thị Hoa');
    await watched.screenshot('dos-04-tracking');
  });

  it('a boundary-free dossier lodged at a commune desk: the competent desk finds it awaiting, sees where it was lodged and receives it', async () => {
    await offer(BOUNDARY_FREE_CODE, { ...procedureContent(), boundaryFree: true });
    // A reception officer of UBND phường Hạc Thành, a desk outside the offering.
    const staff = await ok('admin', 'mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }', {
      input: { username: 'tiepnhanxa', password: DEMO_PASSWORD, fullName: 'Lê Thị Mai', unitId: agency(COMMUNE) },
    });
    const { roles } = await ok('admin', '{ roles(limit: 100) { nodes { id key } } }', {});
    const roleId = roles.nodes.find((r: { key: string }) => r.key === 'RECEPTION_OFFICER').id;
    await ok('admin', 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { assignment { id } } }', { input: { userId: staff.createStaff.staff.id, roleId, unitId: agency(COMMUNE) } });
    const lodged = await ok('tiepnhanxa', 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code boundaryFree } }', {
      input: {
        create: { procedure: BOUNDARY_FREE_CODE, agencyId: agency(JUSTICE), caseCode: 'TH1', channel: 'DIRECT', formData: { hoTen: 'Lê Văn Tâm', soLuong: 1 }, applicant: { name: 'Lê Văn Tâm' } },
        documents: ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: `${componentCode}.pdf`, contentBase64: PDF.toString('base64') })),
      },
    });
    const lodgedCode = lodged.receiveDossier.code as string;
    expect(lodgedCode).toMatch(new RegExp(`^${COMMUNE.replace(/\./g, '\\.')}-`));

    const watched = await suite.openSignedIn('tiepnhan', '/dossiers');
    const { page } = watched;
    await page.getByTestId('dossier-awaiting-competent').click();
    await page.getByTestId('dossier-list').getByRole('row', { name: new RegExp(lodgedCode) }).click();
    await page.getByTestId('dossier-code').getByText(lodgedCode).waitFor();
    expect(await page.getByTestId('dossier-boundary-free').innerText()).toBe('Tiếp nhận không phụ thuộc địa giới · Chờ cơ quan có thẩm quyền tiếp nhận');
    expect(await page.getByTestId('dossier-lodged-at').innerText()).toBe('Ủy ban nhân dân phường Hạc Thành');
    await watched.screenshot('dos-05-boundary-free');
    await act(page, 'RECEIVE_AT_COMPETENT_AGENCY');
    await expect.poll(() => page.getByTestId('dossier-competent-received-at').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await page.getByTestId('dossier-boundary-free').innerText()).toBe('Tiếp nhận không phụ thuộc địa giới');
    expect(await page.getByTestId('dossier-state').innerText()).toMatch(/^2 · /);
    await watched.screenshot('dos-06-competent-received');
  });
  it('the desk lists the soonest due first when asked, the not yet received last', async () => {
    const watched = await suite.openSignedIn('giamdoc', '/dossiers');
    const { page } = watched;
    const list = page.getByTestId('dossier-list');
    await list.locator('tbody tr[data-row-key]').first().waitFor();
    await page.getByTestId('dossier-order').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('Hạn trả sớm nhất trước').click();
    // Due column: `dd/mm/yyyy hh:mm`, or — when not received yet.
    const dueKeys = async () => (await list.locator('tbody tr[data-row-key] td:nth-child(6)').allInnerTexts())
      .map((text) => text.replace(/^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}:\d{2})$/, '$3-$2-$1 $4').replace('—', '~'));
    await expect.poll(async () => { const keys = await dueKeys(); return keys.length > 1 && keys.join() === [...keys].sort().join(); }).toBe(true);
    await watched.screenshot('dos-07-due-soonest');
  });
});
