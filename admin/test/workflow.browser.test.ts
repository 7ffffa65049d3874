import { startInstance } from '@motcua/workflow/contract';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminBrowserSuite, CHROMIUM, demoSession } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('workflow browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const PROCESS_BY_CODE = `query($search: String) { processes(filter: { search: $search }) { nodes { id code status publishedVersion steps { code kind actor { roleKey } transitions { action to } } } } }`;
const CREATE_PROCESS = `mutation($input: CreateProcessInput!) { createProcess(input: $input) { process { id } } }`;
const PUBLISH_PROCESS = `mutation($input: PublishProcessInput!) { publishProcess(input: $input) { process { status } } }`;
const ME = `{ me { agencyId } }`;
const CALENDAR_DAY = `query($year: Int) { calendar(id: "VN-GOV") { version days(year: $year) { date kind note } } }`;

/** A step as the test enters it in the designer's step form. */
interface StepEntry { code: string; name: string; kind?: string; role: string; quota: string; next?: string[]; actions?: string[] }

describe.skipIf(!BROWSER_READY)('workflow admin pages in a real browser', () => {
  const suite = adminBrowserSuite();
  const openSignedIn = (username: string, path: string) => suite.openSignedIn(username, path);
  const tokensOf = (username: string) => demoSession(suite.app, username);

  /** Waits until no drawer or dialog is still sliding or zooming in (clicks during it miss). */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('[class*="drawer-panel-motion"], [class*="zoom-appear"], [class*="zoom-enter"]'));
  }

  /**
   * Picks `option` in the antd Select labelled `label` within `scope`, until the select shows it
   * (a click while the dropdown still slides in can miss).
   */
  async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
    await settled(page);
    const input = scope.getByLabel(label, { exact: true });
    const select = input.locator(`xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
    const chosen = select.locator('.ant-select-selection-item').filter({ hasText: option });
    await expect.poll(async () => {
      if (await chosen.count()) return true;
      // Forced: once the Select has a value, its shown item lies over the input.
      await input.click({ force: true });
      const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first();
      await item.click({ timeout: 5_000 }).catch(() => undefined);
      return chosen.first().waitFor({ timeout: 1_000 }).then(() => true, () => false);
    }, { timeout: 25_000 }).toBe(true);
  }

  /** Fills the step form (already open) and applies it. */
  async function fillStep(page: Page, step: Partial<StepEntry>): Promise<void> {
    const form = page.getByTestId('step-form');
    await form.waitFor();
    await settled(page);
    if (step.code) await form.getByLabel('Mã bước', { exact: true }).fill(step.code);
    if (step.name) await form.getByLabel('Tên bước', { exact: true }).fill(step.name);
    if (step.kind) await choose(page, form, 'Loại bước', step.kind);
    if (step.role) await choose(page, form, 'Vai trò xử lý', step.role);
    if (step.quota) await form.getByLabel('Định mức', { exact: true }).fill(step.quota);
    for (const code of step.next ?? []) await choose(page, form, 'Bước tiếp theo', code);
    for (const action of step.actions ?? []) await choose(page, form, 'Thao tác khác được phép', action);
    await form.getByRole('button', { name: 'Áp dụng' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async function addStep(page: Page, step: StepEntry): Promise<void> {
    await page.getByRole('button', { name: 'Thêm bước' }).click();
    await fillStep(page, step);
    await page.getByTestId(`step-node-${step.code}`).waitFor();
  }

  it('lets quantri draw a 4-step process with a parallel branch, fix an unassigned role, simulate and publish', async () => {
    const watched = await openSignedIn('quantri', '/workflow/processes/create');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Thiết kế quy trình mới' }).waitFor();
    await page.getByLabel('Mã', { exact: true }).fill('LLTP-SO1');
    await page.getByLabel('Tên quy trình', { exact: true }).fill('Cấp Phiếu lý lịch tư pháp số 1');
    await page.getByLabel('Số lượng thời hạn', { exact: true }).fill('10');

    // Drawn from the end, so each step's next steps already exist; the reception step splits
    // into two parallel branches that join at the signing step.
    await addStep(page, { code: 'PHE_DUYET', name: 'Phê duyệt, ký kết quả', kind: 'Hợp nhánh', role: 'AGENCY_LEADER', quota: '1', actions: ['Ký số', 'Hoàn thành'] });
    await addStep(page, { code: 'THAM_DINH', name: 'Thẩm định hồ sơ', role: 'HANDLING_OFFICER', quota: '4', next: ['PHE_DUYET'] });
    await addStep(page, { code: 'XAC_MINH', name: 'Xác minh án tích', role: 'UNIT_LEADER', quota: '3', next: ['PHE_DUYET'] });
    // Reception happens at the provincial service centre: nobody in the department holds that role.
    await addStep(page, { code: 'TIEP_NHAN', name: 'Tiếp nhận, phân công', kind: 'Tách song song', role: 'RECEPTION_OFFICER', quota: '0.5', next: ['THAM_DINH', 'XAC_MINH'] });
    await choose(page, page.locator('form').first(), 'Bước bắt đầu', 'TIEP_NHAN');
    await watched.screenshot('wf-01-designer-drawn');

    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.waitForURL(/\/workflow\/processes\/edit\//);
    const problems = page.getByTestId('process-problems');
    // The create page saves, then gives way to the edit page, which loads the process again.
    await expect.poll(() => problems.locator('.ant-list-item').count(), { timeout: 15_000 }).toBe(1);
    await problems.getByText(/RECEPTION_OFFICER/).waitFor();
    await expect.poll(() => page.getByTestId('step-node-TIEP_NHAN').getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('step-node-THAM_DINH').getAttribute('data-invalid')).toBe('false');
    expect(await page.getByRole('button', { name: 'Ban hành' }).isDisabled()).toBe(true);
    await watched.screenshot('wf-02-unassigned-role');

    await page.getByTestId('step-node-TIEP_NHAN').click();
    await fillStep(page, { role: 'CLERK' });
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByTestId('process-valid').waitFor();
    expect(await page.getByTestId('step-node-TIEP_NHAN').getAttribute('data-invalid')).toBe('false');

    const simulation = page.getByTestId('simulation');
    await simulation.getByLabel('Số hồ sơ', { exact: true }).fill('120');
    await simulation.getByLabel('Hồ sơ đến mỗi ngày', { exact: true }).fill('4');
    await simulation.getByLabel('Cán bộ HANDLING_OFFICER', { exact: true }).fill('3');
    await simulation.getByLabel('Hạt giống ngẫu nhiên', { exact: true }).fill('7');
    await simulation.getByRole('button', { name: 'Chạy mô phỏng' }).click();
    const report = page.getByTestId('simulation-report');
    await report.getByText('Tỷ lệ đúng hạn', { exact: true }).waitFor();
    await report.getByTestId('chart-steps').locator('rect').first().waitFor({ state: 'attached' });
    expect(await report.getByTestId('chart-steps').locator('rect').count()).toBe(4);
    expect(await report.getByTestId('chart-roles').locator('rect').count()).toBeGreaterThanOrEqual(3);
    await report.getByText(/\d+ \/ 120/).waitFor();
    // Roles left empty ran with the agency's current holders, now shown; the given count is kept.
    expect(await simulation.getByLabel('Cán bộ CLERK', { exact: true }).inputValue()).toBe('1');
    expect(await simulation.getByLabel('Cán bộ HANDLING_OFFICER', { exact: true }).inputValue()).toBe('3');
    await watched.screenshot('wf-03-simulated');

    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByTestId('process-status').getByText('Đã ban hành').waitFor();
    await watched.screenshot('wf-04-published');

    const token = (await tokensOf('quantri')).accessToken;
    const { data } = await suite.app.gql(PROCESS_BY_CODE, { search: 'LLTP-SO1' }, { token });
    const [process] = data.processes.nodes;
    expect(process).toMatchObject({ code: 'LLTP-SO1', status: 'PUBLISHED', publishedVersion: 1 });
    const byCode = Object.fromEntries(process.steps.map((step: { code: string }) => [step.code, step]));
    expect(byCode.TIEP_NHAN).toMatchObject({ kind: 'PARALLEL_SPLIT', actor: { roleKey: 'CLERK' }, transitions: [{ action: 'FORWARD', to: ['THAM_DINH', 'XAC_MINH'] }] });
    expect(byCode.PHE_DUYET).toMatchObject({ kind: 'JOIN', transitions: [{ action: 'SIGN', to: [] }, { action: 'COMPLETE', to: [] }] });
  }, 120_000);

  it('lets the system administrator mark a day of the national calendar in the year view', async () => {
    const watched = await openSignedIn('admin', '/workflow/calendars');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Lịch làm việc và ngày nghỉ' }).waitFor();
    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByLabel('Năm', { exact: true }).press('Enter');
    const year = page.getByTestId('year-view');
    await year.locator('[data-date="2025-04-26"][data-status="WORKING_DAY"]').waitFor();
    expect(await year.locator('[data-date="2025-05-02"]').getAttribute('data-status')).toMatch(/HOLIDAY|DAY_OFF/);
    expect(await year.locator('[data-date="2025-05-03"]').getAttribute('data-status')).toBe('WEEKEND');
    expect(await year.locator('[data-date="2025-11-26"]').getAttribute('data-status')).toBe('WORKING');
    await watched.screenshot('wf-05-calendar-2025');

    await year.locator('[data-date="2025-12-31"]').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Loại ngày', { exact: true }).isEnabled()).toBe(true);
    await choose(page, dialog, 'Loại ngày', 'Ngày nghỉ hoán đổi');
    await dialog.getByLabel('Ghi chú', { exact: true }).fill('Nghỉ hoán đổi cuối năm (thử)');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await year.locator('[data-date="2025-12-31"][data-status="DAY_OFF"]').waitFor();
    await page.getByText('Nghỉ hoán đổi cuối năm (thử)').first().waitFor();
    await watched.screenshot('wf-06-calendar-marked');

    const { data } = await suite.app.gql(CALENDAR_DAY, { year: 2025 });
    expect(data.calendar.days).toContainEqual({ date: '2025-12-31', kind: 'DAY_OFF', note: 'Nghỉ hoán đổi cuối năm (thử)' });
  }, 90_000);

  it('shows quantri the national calendar read-only', async () => {
    const { page } = await openSignedIn('quantri', '/workflow/calendars');
    const year = page.getByTestId('year-view');
    const firstDay = await year.locator('[data-date]').first().getAttribute('data-date');
    await year.locator(`[data-date="${firstDay}"]`).click();
    await page.getByTestId('calendar-read-only').waitFor();
    expect(await page.getByRole('dialog').getByLabel('Loại ngày', { exact: true }).isDisabled()).toBe(true);
  }, 60_000);

  it('shows every workflow page in English', async () => {
    const watched = await openSignedIn('quantri', '/workflow/processes');
    const { page } = watched;
    await page.evaluate(() => localStorage.setItem('motcua.language', 'en'));
    for (const [path, heading] of [
      ['/workflow/processes', 'Internal processes'], ['/workflow/processes/create', 'Design a new process'],
      ['/workflow/calendars', 'Working calendars and days off'], ['/workflow/inbox', 'My tasks'],
    ]) {
      await page.goto(`${suite.app.url}/admin${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
    }
    await page.getByRole('tab', { name: 'Overdue' }).click();
    await page.getByTestId('inbox-table').getByText('No tasks').waitFor();
    await watched.screenshot('wf-10-inbox-english');
  }, 60_000);

  /** Publishes a two-step process (handling officer, then the director) as quantri; returns its id. */
  async function publishedTwoStepProcess(): Promise<string> {
    const token = (await tokensOf('quantri')).accessToken;
    const { data: { me } } = await suite.app.gql(ME, {}, { token });
    const input = {
      agencyId: me.agencyId, code: 'CHUNG-THUC', name: 'Chứng thực bản sao', statutoryLimit: { value: 2, unit: 'WORKING_DAYS' }, startStepCode: 'THU_LY',
      steps: [
        { code: 'THU_LY', name: 'Thụ lý hồ sơ', actor: { roleKey: 'HANDLING_OFFICER' }, quota: { value: 8, unit: 'WORKING_HOURS' }, transitions: [{ action: 'FORWARD', to: ['KY'] }] },
        { code: 'KY', name: 'Ký duyệt', actor: { roleKey: 'AGENCY_LEADER' }, quota: { value: 1, unit: 'WORKING_DAYS' }, transitions: [{ action: 'COMPLETE' }] },
      ],
    };
    const created = await suite.app.gql(CREATE_PROCESS, { input }, { token });
    expect(created.errors).toBeUndefined();
    const id = created.data.createProcess.process.id;
    expect((await suite.app.gql(PUBLISH_PROCESS, { input: { id, version: 1 } }, { token })).errors).toBeUndefined();
    return id;
  }

  it('shows chuyenvien the tasks of their role by due instant, and lets them claim one and forward it', async () => {
    const processId = await publishedTwoStepProcess();
    const start = (subjectId: string, now: Date) =>
      suite.app.app.orm.em.fork().transactional(((em: never) => startInstance(em, { processId, subjectType: 'Dossier', subjectId, now })) as never);
    const day = 24 * 3600_000;
    await start('HS-MOI', new Date());
    await start('HS-CU', new Date(Date.now() - 7 * day)); // received a week ago: overdue

    const watched = await openSignedIn('chuyenvien', '/workflow/inbox');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Việc cần xử lý' }).waitFor();
    const table = page.getByTestId('inbox-table');
    await table.getByText('Không có việc nào').waitFor();

    await page.getByRole('tab', { name: 'Theo vai trò của tôi' }).click();
    const rows = table.locator('tr.ant-table-row');
    const row = (subject: string) => rows.filter({ hasText: subject });
    await row('HS-MOI').waitFor();
    // Earliest due first (the demo seed's dossiers are in this view too): the week-old dossier, marked overdue.
    await expect.poll(() => rows.first().textContent()).toContain('HS-CU');
    expect(await row('HS-CU').textContent()).toContain('Quá hạn');
    expect(await row('HS-MOI').textContent()).not.toContain('Quá hạn');
    await watched.screenshot('wf-07-inbox-my-role');

    await row('HS-CU').getByRole('button', { name: 'Nhận xử lý' }).click();
    await row('HS-CU').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Quá hạn' }).click();
    await row('HS-CU').getByText('Tôi', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Của tôi', exact: true }).click();
    await row('HS-CU').getByText('Thụ lý hồ sơ').waitFor();
    expect(await rows.count()).toBe(1);
    await table.getByRole('button', { name: 'Xử lý' }).click();
    await page.getByRole('menuitem', { name: 'Chuyển bước' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ý kiến xử lý', { exact: true }).fill('Hồ sơ đầy đủ, trình ký');
    await watched.screenshot('wf-08-inbox-complete');
    await dialog.getByRole('button', { name: 'Xử lý' }).click();
    await table.getByText('Không có việc nào').waitFor();
    await watched.screenshot('wf-09-inbox-done');

    const director = (await tokensOf('giamdoc')).accessToken;
    const { data } = await suite.app.gql(`{ inbox(view: MY_ROLE, limit: 10) { nodes { stepCode subjectId } } }`, {}, { token: director });
    expect(data.inbox.nodes).toContainEqual({ stepCode: 'KY', subjectId: 'HS-CU' });
  }, 90_000);
});
