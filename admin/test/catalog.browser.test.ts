import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminBrowserSuite, CHROMIUM } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('catalog browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const PROCEDURE_BY_CODE = `query($code: String!) { procedure(code: $code) { id versions { number status } current { number cases { components { code } form { schema } } } } }`;
const SAMPLE = JSON.parse(readFileSync(resolve(__dirname, '../../modules/catalog/src/exchange/sample-catalog.json'), 'utf8')) as { format: string; procedures: Array<Record<string, unknown>> };
const LLTP = '2.000488'; // Thủ tục cấp Phiếu lý lịch tư pháp cho công dân Việt Nam…

describe.skipIf(!BROWSER_READY)('catalog admin pages in a real browser', () => {
  const suite = adminBrowserSuite();
  const openSignedIn = (username: string, path: string) => suite.openSignedIn(username, path);
  const gql = (query: string, variables: Record<string, unknown>) => suite.app.gql(query, variables);

  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

  it('lets the agency admin find a procedure without diacritics, draft its components and e-form with a live preview; the catalog admin publishes it', async () => {
    const watched = await openSignedIn('quantri', '/catalog/procedures');
    const { page } = watched;
    await page.getByRole('menuitem', { name: 'Thủ tục hành chính' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Nhập danh mục' }).count()).toBe(0); // importing is the catalog admin's

    // Typed without diacritics, found with them.
    await page.getByPlaceholder('Tìm theo tên hoặc mã').fill('phieu ly lich tu phap');
    await page.getByPlaceholder('Tìm theo tên hoặc mã').press('Enter');
    const row = page.getByRole('row', { name: /2\.000488/ });
    await row.getByText('Thủ tục cấp Phiếu lý lịch tư pháp', { exact: false }).waitFor();
    await watched.screenshot('cat-01-search-without-diacritics');
    await row.click();

    await page.getByRole('heading', { name: /2\.000488 — Thủ tục cấp Phiếu lý lịch tư pháp/ }).waitFor();
    await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
    await page.getByText('Bản nháp sẽ được cán bộ quản lý danh mục thủ tục của tỉnh công bố.').waitFor();
    expect(await page.getByRole('button', { name: 'Công bố' }).count()).toBe(0);

    // Components by case: one more component.
    await tab(page, 'Thành phần hồ sơ');
    const caseCard = page.getByTestId('case-0');
    const before = await caseCard.getByTestId('component-row').count();
    await caseCard.getByRole('button', { name: 'Thêm thành phần hồ sơ' }).click();
    const added = caseCard.getByTestId('component-row').nth(before);
    await added.getByLabel('Mã', { exact: true }).fill('XN-CUTRU');
    await added.getByLabel('Tên thành phần hồ sơ').fill('Giấy xác nhận thông tin về cư trú');

    // E-form: a required text field and a choice list, shown at once in the preview.
    await tab(page, 'Biểu mẫu điện tử');
    const preview = page.getByTestId('form-preview');
    const fields = page.getByTestId('form-field');
    const existing = await fields.count();
    await page.getByRole('button', { name: 'Thêm trường' }).click();
    await fields.nth(existing).getByLabel('Nhãn trường').fill('Số điện thoại liên hệ');
    await fields.nth(existing).getByLabel('Nhãn trường').blur();
    await expect.poll(() => fields.nth(existing).getByLabel('Tên thuộc tính').inputValue()).toBe('soDienThoaiLienHe');
    await fields.nth(existing).getByText('Bắt buộc').click();
    await preview.getByText('Số điện thoại liên hệ').waitFor();

    await page.getByRole('button', { name: 'Thêm trường' }).click();
    await fields.nth(existing + 1).getByLabel('Nhãn trường').fill('Hình thức nhận phiếu');
    await fields.nth(existing + 1).getByLabel('Nhãn trường').blur();
    await fields.nth(existing + 1).getByRole('combobox', { name: 'Kiểu' }).click({ force: true });
    await page.locator('.ant-select-dropdown:visible').getByTitle('Danh sách chọn').click();
    const choices = fields.nth(existing + 1).getByRole('combobox', { name: 'Các lựa chọn' });
    await choices.fill('Trực tiếp');
    await choices.press('Enter');
    await choices.fill('Bưu chính');
    await choices.press('Enter');
    await choices.press('Escape');
    await preview.getByText('Hình thức nhận phiếu').waitFor();
    await preview.getByRole('combobox').last().click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('Bưu chính').last().waitFor();
    await page.keyboard.press('Escape');
    await preview.getByRole('button', { name: 'Kiểm tra' }).click();
    await preview.getByText('Vui lòng nhập').first().waitFor(); // the required field, empty in the preview
    await watched.screenshot('cat-02-form-builder-preview');
    await preview.getByRole('tab', { name: 'JSON Schema' }).click();
    await page.getByTestId('form-json').getByText('"soDienThoaiLienHe"', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('status').getByText('Đã lưu bản nháp').waitFor();
    await page.getByTestId('completeness').getByText('Bản nháp đã đủ các thành phần bắt buộc để công bố.').waitFor();
    await watched.screenshot('cat-03-draft-saved');

    // Agency admins draft; the province's catalog administrator publishes.
    const catalogAdmin = await openSignedIn('quantrituc', `/catalog/procedures`);
    const p2 = catalogAdmin.page;
    await p2.getByPlaceholder('Mã thủ tục').fill(LLTP);
    await p2.getByPlaceholder('Mã thủ tục').press('Enter');
    await p2.getByRole('row', { name: /2\.000488/ }).getByText('Có bản nháp v2').waitFor();
    await p2.getByRole('row', { name: /2\.000488/ }).click();
    await p2.getByRole('button', { name: 'Công bố' }).click();
    await p2.getByRole('dialog').getByRole('button', { name: 'Công bố' }).click();
    await p2.getByRole('status').getByText('Đã công bố').waitFor();
    const versions = p2.getByTestId('versions');
    await versions.getByRole('row', { name: /Phiên bản 2.*Đã công bố/ }).waitFor();
    await versions.getByRole('row', { name: /Phiên bản 1/ }).waitFor();

    // The diff between the two versions shows the new component and form fields.
    await p2.getByRole('button', { name: 'So sánh' }).click();
    const diff = p2.getByTestId('diff');
    await diff.getByText('XN-CUTRU', { exact: false }).first().waitFor();
    await catalogAdmin.screenshot('cat-04-published-with-diff');

    const { data } = await gql(PROCEDURE_BY_CODE, { code: LLTP });
    expect(data.procedure.current.number).toBe(2);
    expect(data.procedure.current.cases[0].components.map((c: { code: string }) => c.code)).toContain('XN-CUTRU');
    const schema = data.procedure.current.cases[0].form.schema;
    expect(schema.properties.soDienThoaiLienHe).toMatchObject({ type: 'string', title: 'Số điện thoại liên hệ', minLength: 1 });
    expect(schema.required).toContain('soDienThoaiLienHe');
    expect(schema.properties.hinhThucNhanPhieu).toMatchObject({ type: 'string', enum: ['Trực tiếp', 'Bưu chính'] });

    // Back in the agency admin's tab, reloading shows the new version, published.
    await page.reload();
    await page.getByRole('heading', { name: /2\.000488/ }).waitFor();
    await tab(page, 'Phiên bản');
    await page.getByTestId('versions').getByRole('row', { name: /Phiên bản 2.*Đã công bố/ }).waitFor();
  }, 120_000);

  it("lets the agency admin configure its agency's offering, refusing a local limit above the statutory one", async () => {
    const watched = await openSignedIn('quantri', '/catalog/procedures');
    const { page } = watched;
    await page.getByPlaceholder('Mã thủ tục').fill(LLTP);
    await page.getByPlaceholder('Mã thủ tục').press('Enter');
    await page.getByRole('row', { name: /2\.000488/ }).click();
    await tab(page, 'Cơ quan thực hiện');
    const offering = page.getByTestId('offerings').getByRole('row', { name: /Sở Tư pháp/ });
    await offering.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Sửa cấu hình của cơ quan').waitFor();
    const direct = dialog.getByLabel('Số', { exact: true }).first(); // the first channel: in person
    await direct.fill('20');
    await dialog.getByRole('combobox', { name: 'Đơn vị', exact: true }).first().click({ force: true });
    await page.locator('.ant-select-dropdown:visible').getByTitle('ngày làm việc', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Mã quy trình xử lý' }).fill('wf-lltp-so-tu-phap');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').getByText('Không thực hiện được').waitFor(); // 20 working days exceeds the statutory 10
    await watched.screenshot('cat-07-offering-limit-refused');

    await direct.fill('7');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await offering.getByText('7 ngày làm việc').waitFor();
    await offering.getByText('(theo quy định: 10 ngày làm việc)').waitFor();
    await offering.getByText('wf-lltp-so-tu-phap').waitFor();
    await watched.screenshot('cat-08-offering-saved');
  }, 90_000);

  it('refuses to publish an incomplete procedure and lists every missing part', async () => {
    const watched = await openSignedIn('quantrituc', '/catalog/procedures');
    const { page } = watched;
    await page.getByRole('button', { name: 'Thêm thủ tục' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã thủ tục').fill('1.999001');
    await dialog.getByLabel('Tên thủ tục').fill('Thủ tục thử nghiệm chưa đủ thành phần');
    await dialog.getByRole('combobox', { name: 'Lĩnh vực' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByRole('button', { name: 'Tạo' }).click();
    await page.getByRole('heading', { name: /1\.999001/ }).waitFor();
    await page.getByTestId('completeness').getByText(/Còn thiếu \d+ thành phần bắt buộc/).waitFor();

    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Công bố' }).click();
    const report = page.getByTestId('refusal-report');
    await report.getByText('Chưa công bố được: còn thiếu các thành phần bắt buộc').waitFor();
    expect(await report.locator('li').count()).toBeGreaterThanOrEqual(4);
    await watched.screenshot('cat-05-publish-refused');
  }, 60_000);

  it('imports a JSON file after a dry run that reports each row', async () => {
    const watched = await openSignedIn('quantrituc', '/catalog/import');
    const { page } = watched;
    const known = SAMPLE.procedures.find((p) => p.code === '1.001612')!;
    const file = {
      format: SAMPLE.format,
      procedures: [known, { ...known, code: '1.999002', name: 'Thủ tục nhập thử từ tệp JSON' }, { ...known, code: 'không-phải-mã' }],
    };
    await page.getByText('Nhập danh mục thủ tục hành chính (JSON hoặc Excel)').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-muc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const report = page.getByTestId('import-report');
    await report.getByText('Chạy thử', { exact: true }).waitFor();
    await report.getByRole('row', { name: /^1 1\.001612 Bỏ qua/ }).waitFor();
    await report.getByRole('row', { name: /^2 1\.999002 Thêm mới/ }).waitFor();
    await report.getByRole('row', { name: /^3 .*Từ chối/ }).waitFor();
    expect((await gql(PROCEDURE_BY_CODE, { code: '1.999002' })).data.procedure).toBeNull();
    await watched.screenshot('cat-06-import-dry-run');

    await report.getByRole('button', { name: 'Nhập vào danh mục' }).click();
    await report.getByText('Đã nhập', { exact: true }).waitFor();
    await report.getByRole('row', { name: /^2 1\.999002 Thêm mới/ }).waitFor();
    expect((await gql(PROCEDURE_BY_CODE, { code: '1.999002' })).data.procedure.versions).toEqual([{ number: 1, status: 'PUBLISHED' }]);

    // The exported Excel file reads back with nothing to change.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.locator('input[type=file]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: readFileSync(await download.path()) });
    await report.getByText('Chạy thử', { exact: true }).waitFor();
    await report.getByRole('row', { name: /1\.999002 Bỏ qua/ }).waitFor();
    expect(await report.getByRole('row', { name: /Thêm mới|Cập nhật|Từ chối/ }).count()).toBe(0);
    await watched.screenshot('cat-09-export-reimported');
  }, 60_000);
});
