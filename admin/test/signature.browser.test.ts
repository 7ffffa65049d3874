import { createTestPki, sampleResultPdf, signPdf } from '@motcua/signature/contract';
import { adminRoutes, createTestApp, DEMO_PASSWORD, type TestApp } from '@motcua/server/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAdminIfStale, CHROMIUM, DIST, launchChromium, openPage, RESULTS, type WatchedPage } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('signature browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const LOGIN_TOKENS = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken expiresAt refreshToken refreshExpiresAt } }`;
const ADD_ANCHOR = 'mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number label } }';
const ROOT_NAME = 'Motcua Test Root (browser test)';

describe.skipIf(!BROWSER_READY)('signature admin pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  let signed: Uint8Array;
  let largeSigned: Uint8Array;
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    buildAdminIfStale();
    // The development PKI gives the keys page server-side signers and an in-process TSA.
    const env = { SIGNING_DEV_PKI: 'true', DATA_DIR: mkdtempSync(join(tmpdir(), 'motcua-admin-sig-')) };
    [t, pki] = await Promise.all([createTestApp({ routes: adminRoutes(DIST), env }), createTestPki()]);
    await t.app.jobs.ensureRecurring();
    await t.app.jobs.drain(); // the first audit-log anchor
    admin = `${t.url}/admin`;
    const pdf = await sampleResultPdf({ number: '15/QĐ-STP', date: '2026-11-26', title: 'Quyết định cấp phiếu lý lịch tư pháp' });
    signed = await signPdf(pdf, pki.officer.RSA.signer(), { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B', reason: 'Phê duyệt kết quả', signerName: 'Nguyễn Văn Ánh' });
    // Over GraphQL's 700 KB: the page sends it as raw bytes to POST /signature/verify.
    const padded = new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(`\n%${'x'.repeat(1_000_000)}\n`)]));
    largeSigned = await signPdf(padded, pki.officer.RSA.signer(), { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B', signerName: 'Nguyễn Văn Ánh' });
    const token = (await tokensOf('admin')).accessToken;
    const added = await t.gql(ADD_ANCHOR, { i: { name: ROOT_NAME, certificateBase64: Buffer.from(pki.root.certificate).toString('base64') } }, { token });
    expect(added.errors).toBeUndefined();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(pages.flatMap((watched) => watched.problems.splice(0))).toEqual([]);
  });

  async function tokensOf(username: string): Promise<Record<string, string>> {
    const { data } = await t.gql(LOGIN_TOKENS, { u: username, p: DEMO_PASSWORD });
    return data.login;
  }

  /** A new tab signed in as `username` (session stored as after a sign-in), at `path`. */
  async function openSignedIn(username: string, path: string): Promise<WatchedPage> {
    const watched = await openPage(browser);
    pages.push(watched);
    const tokens = await tokensOf(username);
    await watched.page.goto(`${admin}/login`);
    await watched.page.evaluate((session) => localStorage.setItem('motcua.session', JSON.stringify(session)), tokens);
    await watched.page.goto(`${admin}${path}`);
    return watched;
  }

  async function upload(watched: WatchedPage, name: string, bytes: Uint8Array): Promise<void> {
    await watched.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  }

  it('tells quantri a signed result is valid, and a changed one is not', async () => {
    const watched = await openSignedIn('quantri', '/signature/verify');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Kiểm tra chữ ký số trên tài liệu PDF' }).waitFor();
    await page.getByRole('menuitem', { name: 'Kiểm tra chữ ký số' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Danh sách tin cậy' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'Khóa ký và chứng thư số' }).count()).toBe(0);

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

    await upload(watched, 'ket-qua-1MB.pdf', largeSigned);
    await report.getByText('ket-qua-1MB.pdf').waitFor();
    await report.getByTestId('indication').first().getByText('Hợp lệ', { exact: true }).waitFor();
    await watched.screenshot('sig-03-verify-large');

    const huge = new Uint8Array(20_000_001);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    await upload(watched, 'qua-lon.pdf', huge);
    await page.getByTestId('verify-problem').getByText(/quá lớn/).waitFor();
    await watched.screenshot('sig-03b-verify-too-large');
  }, 120_000); // handing Chromium a 20 MB file takes a while

  it('shows admin the trust list with the test root', async () => {
    const watched = await openSignedIn('admin', '/signature/trust-list');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Danh sách tin cậy' }).waitFor();
    await page.getByTestId('anchors').getByText(ROOT_NAME).waitFor();
    await page.getByTestId('anchors').getByText('CN=Motcua Test Root CA', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Tải lên CRL' }).waitFor();
    await watched.screenshot('sig-04-trust-list');
  }, 60_000);

  it('lets admin add a root, upload a CRL and remove the root, each a new trust-list version', async () => {
    const watched = await openSignedIn('admin', '/signature/trust-list');
    const { page } = watched;
    const anchors = page.getByTestId('anchors');
    const version = page.getByTestId('trust-list-version');
    await anchors.getByText(ROOT_NAME).waitFor();
    const before = await version.textContent();

    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(pki.rogueRoot.certificate).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    await page.getByRole('button', { name: 'Thêm chứng thư gốc' }).click(); // empty form: the rules answer
    await page.getByText('Vui lòng nhập tên').waitFor();
    await page.getByLabel('Tên hiển thị').fill('Gốc thử nghiệm (trình duyệt)');
    await page.getByLabel('Chứng thư số (PEM)').fill(pem);
    await page.getByRole('button', { name: 'Thêm chứng thư gốc' }).click();
    await anchors.getByText('Gốc thử nghiệm (trình duyệt)').waitFor();
    await page.getByText('Đã thêm chứng thư gốc').first().waitFor();
    expect(await version.textContent()).not.toBe(before);
    await watched.screenshot('sig-05-trust-list-added');

    const crl = await pki.crl(pki.root, []);
    await page.locator('input[type=file][accept=".crl,.pem,.der"]').setInputFiles({ name: 'root.crl', mimeType: 'application/pkix-crl', buffer: Buffer.from(crl) });
    await page.getByText('Đã tải lên CRL').first().waitFor();
    const crls = page.locator('.ant-card').filter({ hasText: 'Danh sách thu hồi (CRL)' });
    await crls.getByText('CN=Motcua Test Root CA, O=Motcua, C=VN').waitFor();
    await watched.screenshot('sig-06-trust-list-crl');

    const row = anchors.locator('tr').filter({ hasText: 'Gốc thử nghiệm (trình duyệt)' });
    await row.getByRole('button', { name: 'Gỡ' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gỡ' }).click();
    await page.getByText('Đã gỡ chứng thư gốc').first().waitFor();
    await anchors.getByText('Gốc thử nghiệm (trình duyệt)').waitFor({ state: 'detached' });
    await anchors.getByText(ROOT_NAME).waitFor();
    expect(await version.textContent()).toMatch(/v5:/); // dev root, test root, added, CRL, removed
    await watched.screenshot('sig-07-trust-list-removed');
  }, 60_000);

  it('shows admin the signing keys, the TSA and the audit-log anchors, in Vietnamese and English', async () => {
    const watched = await openSignedIn('admin', '/signature/keys');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Khóa ký và chứng thư số' }).waitFor();
    const signers = page.getByTestId('signer');
    await signers.first().waitFor();
    expect(await signers.count()).toBe(2);
    await signers.nth(0).getByText('Chữ ký cá nhân của cán bộ').waitFor();
    await signers.nth(0).getByText('RSA-2048').waitFor();
    await signers.nth(1).getByText('Chữ ký số của cơ quan (con dấu)').waitFor();
    await signers.nth(1).getByText('EC P-256').waitFor();
    expect(await page.getByTestId('custody').allTextContents()).toEqual(['Chứng thư thử nghiệm tự sinh', 'Chứng thư thử nghiệm tự sinh']);
    expect(await signers.first().getByTestId('certificate-status').first().textContent()).toBe('Còn hiệu lực');
    await page.getByTestId('development-warning').waitFor();
    await page.getByTestId('tsa').getByText('TSA nội bộ (thử nghiệm)').waitFor();
    await page.getByTestId('tsa').getByText('CN=Motcua Development TSA, O=Motcua, C=VN').waitFor();
    await page.getByTestId('anchor-verdict').getByText(/Chuỗi nhật ký nguyên vẹn/).waitFor();
    await page.getByText('Hợp lệ', { exact: true }).first().waitFor();
    await watched.screenshot('sig-08-signing-keys');

    await page.evaluate(() => localStorage.setItem('motcua.language', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Signing keys and certificates' }).waitFor();
    await page.getByText("Agency's signature (seal)").waitFor();
    await page.getByText('In-process TSA (development)').waitFor();
    await watched.screenshot('sig-09-signing-keys-en');
  }, 60_000);
});
