import { createTestPki, sampleResultPdf, signPdf } from '@motcua/signature/contract';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminBrowserSuite, CHROMIUM, demoSession, RESULTS, type WatchedPage } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('signature browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const ADD_ANCHOR = 'mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number label } }';
const ROOT_NAME = 'Motcua Test Root (browser test)';

describe.skipIf(!BROWSER_READY)('signature admin pages in a real browser', () => {
  const suite = adminBrowserSuite();
  const openSignedIn = (username: string, path: string) => suite.openSignedIn(username, path);
  let signed: Uint8Array;

  beforeAll(async () => {
    const pki = await createTestPki();
    const pdf = await sampleResultPdf({ number: '15/QĐ-STP', date: '2026-11-26', title: 'Quyết định cấp phiếu lý lịch tư pháp' });
    signed = await signPdf(pdf, pki.officer.RSA.signer(), { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B', reason: 'Phê duyệt kết quả', signerName: 'Nguyễn Văn Ánh' });
    const token = (await demoSession(suite.app, 'admin')).accessToken;
    const added = await suite.app.gql(ADD_ANCHOR, { i: { name: ROOT_NAME, certificateBase64: Buffer.from(pki.root.certificate).toString('base64') } }, { token });
    expect(added.errors).toBeUndefined();
  }, 240_000);

  async function upload(watched: WatchedPage, name: string, bytes: Uint8Array): Promise<void> {
    await watched.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  }

  it('tells quantri a signed result is valid, and a changed one is not', async () => {
    const watched = await openSignedIn('quantri', '/signature/verify');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Kiểm tra chữ ký số trên tài liệu PDF' }).waitFor();
    await page.getByRole('menuitem', { name: 'Kiểm tra chữ ký số' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Danh sách tin cậy' }).count()).toBe(0);

    writeFileSync(resolve(RESULTS, 'signed-sample.pdf'), signed);
    await upload(watched, 'ket-qua-da-ky.pdf', signed);
    const report = page.getByTestId('verify-report');
    await report.getByTestId('indication').first().getByText('Hợp lệ', { exact: true }).waitFor();
    await report.getByText('Nguyễn Văn Ánh').first().waitFor();
    await report.getByText('Toàn bộ tài liệu').waitFor();
    await watched.screenshot('sig-01-verify-valid');

    const tampered = signed.slice();
    const at = tampered.indexOf(0x42, Math.floor(tampered.length / 4)); // a byte inside the signed range, before the signature
    tampered[at] ^= 0x01;
    await upload(watched, 'ket-qua-bi-sua.pdf', tampered);
    await report.getByTestId('indication').first().getByText('Không hợp lệ', { exact: true }).waitFor();
    await report.getByText('Tài liệu đã bị sửa sau khi ký.').waitFor();
    await watched.screenshot('sig-02-verify-tampered');

    const huge = new Uint8Array(800_000);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    await upload(watched, 'qua-lon.pdf', huge);
    await page.getByTestId('verify-problem').getByText(/quá lớn/).waitFor();
    await watched.screenshot('sig-03-verify-too-large');
  }, 60_000);

  it('shows admin the trust list with the test root', async () => {
    const watched = await openSignedIn('admin', '/signature/trust-list');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Danh sách tin cậy' }).waitFor();
    await page.getByTestId('anchors').getByText(ROOT_NAME).waitFor();
    await page.getByTestId('anchors').getByText('CN=Motcua Test Root CA', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Tải lên CRL' }).waitFor();
    await watched.screenshot('sig-04-trust-list');
  }, 60_000);
});
