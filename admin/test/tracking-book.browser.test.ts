/**
 * The tracking book (Sổ theo dõi hồ sơ, Mẫu 07) in a real browser, on the demo data alone: the
 * reception officer opens it for their desk (preselected) and this month (the default), sees the
 * demo dossiers in the preview and downloads the book as Excel and PDF, both read back (exceljs
 * through the dossiers contract, pdftotext). Handling officers have no menu entry; leaders do.
 */
import { DESK, worksheetTexts } from '@motcua/dossiers/contract';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adminBrowserSuite, CHROMIUM, demoSession } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('tracking book browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const MENU = 'Sổ theo dõi hồ sơ';
const PATH = '/dossiers/tracking-book';

describe.skipIf(!BROWSER_READY)('the tracking book page in a real browser', () => {
  const suite = adminBrowserSuite();

  /** The demo dossiers the desk received (read through the API, as the book should list them). */
  async function deskDossiers(): Promise<Array<{ code: string; applicantName: string }>> {
    const token = (await demoSession(suite.app, 'tiepnhan')).accessToken;
    const { data: { agencies } } = await suite.app.gql('{ agencies(limit: 100) { nodes { id code } } }');
    const unitId = agencies.nodes.find((a: { code: string }) => a.code === DESK).id;
    const { data } = await suite.app.gql('query($filter: DossierFilter) { dossiers(filter: $filter, limit: 100) { nodes { code applicantName } } }', { filter: { unitId } }, { token });
    return data.dossiers.nodes;
  }

  it('the reception officer previews this month at the desk and downloads the book as Excel and PDF', async () => {
    const dossiers = await deskDossiers();
    expect(dossiers.map((d) => d.applicantName)).toContain('Trần Thị Bích Ngọc');
    const watched = await suite.openSignedIn('tiepnhan', '/');
    const { page } = watched;
    await page.getByRole('menuitem', { name: MENU }).click();
    await page.getByTestId('book-unit').getByText('Bộ phận Tiếp nhận và Trả kết quả').waitFor();
    const table = page.getByTestId('book-rows');
    for (const dossier of dossiers) await table.getByRole('row', { name: new RegExp(dossier.code.replace(/\./g, '\\.')) }).getByText(dossier.applicantName).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(dossiers.length);
    await watched.screenshot('book-01-preview');

    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByTestId('book-xlsx').click()]);
    expect(excel.suggestedFilename()).toMatch(/^so-theo-doi-01-\d{2}-\d{4}\.xlsx$/);
    const rows = await worksheetTexts(readFileSync(await excel.path()));
    for (const dossier of dossiers) expect(rows.some((row) => row.includes(dossier.code) && row.includes(dossier.applicantName))).toBe(true);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('book-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^so-theo-doi-01-\d{2}-\d{4}\.pdf$/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdf.path(), '-'], { encoding: 'utf8' }).normalize('NFC');
    const ngoc = dossiers.find((d) => d.applicantName === 'Trần Thị Bích Ngọc')!;
    expect(text).toContain(ngoc.code);
    expect(text).toContain('Trần Thị Bích Ngọc');
  }, 120_000);

  it('a period without dossiers previews none', async () => {
    const { page } = await suite.openSignedIn('tiepnhan', PATH);
    await page.getByTestId('book-rows').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('book-from').fill('2020-01-01');
    await page.getByTestId('book-to').fill('2020-01-31');
    await expect.poll(() => page.getByTestId('book-rows').locator('tbody tr.ant-table-row').count()).toBe(0);
  });

  it("the agency's leader picks the desk (searched without diacritics) and reads the agency's dossiers received there", async () => {
    const dossiers = await deskDossiers();
    const { page } = await suite.openSignedIn('giamdoc', PATH);
    await page.getByText('Chọn đơn vị tiếp nhận').first().waitFor(); // no desk of their own: they pick one
    await page.getByTestId('book-unit').click();
    await page.keyboard.type('bo phan tiep nhan');
    await page.locator('.ant-select-dropdown:visible').getByText('Bộ phận Tiếp nhận và Trả kết quả').click();
    await expect.poll(() => page.getByTestId('book-rows').locator('tbody tr.ant-table-row').count()).toBe(dossiers.length);
  });

  it.each([
    ['giamdoc', true],
    ['giamsat', true],
    ['chuyenvien', false],
  ])('%s sees the menu entry: %s', async (username, shown) => {
    const { page } = await suite.openSignedIn(username, '/');
    await page.getByRole('menuitem', { name: 'Cán bộ' }).waitFor(); // every one of them reads staff: their grants have loaded
    expect(await page.getByRole('menuitem', { name: MENU }).count()).toBe(shown ? 1 : 0);
  });
});
