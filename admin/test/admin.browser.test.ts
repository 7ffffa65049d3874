import { adminRoutes, createTestApp, DEMO_PASSWORD, type TestApp } from '@motcua/server/testing';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAdminIfStale, CHROMIUM, demoSession, DIST, gotoSignedIn, launchChromium, openPage, RESULTS, type SessionTokens, type WatchedPage } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('admin browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const timings: Record<string, number> = {};

describe('admin bundle', () => {
  beforeAll(buildAdminIfStale, 240_000);

  it('holds one copy of graphql, and says how big it is', () => {
    const modules: string[] = JSON.parse(readFileSync(resolve(DIST, '.vite/modules.json'), 'utf8'));
    const graphqlCopies = new Set(modules.map((id) => /node_modules\/\.pnpm\/(graphql@[^/]+)\//.exec(id)?.[1]).filter(Boolean));
    expect([...graphqlCopies]).toEqual(['graphql@16.15.0']);

    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((match) => resolve(DIST, match[1]));
    const size = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);
    const gzip = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
    const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
    console.log(`admin bundle: ${modules.length} modules, ${graphqlCopies.size} graphql copy; initial JS ${kB(size(initial))} (${kB(gzip(initial))} gzip) in ${initial.length} files`);
    expect(initial.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!BROWSER_READY)('admin app in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    buildAdminIfStale();
    t = await createTestApp({ routes: adminRoutes(DIST) });
    admin = `${t.url}/admin`;
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    writeFileSync(resolve(RESULTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    console.log('admin page timings (ms):', timings);
  });

  afterEach(() => {
    expect(pages.flatMap((watched) => watched.problems.splice(0))).toEqual([]);
  });

  /** A new browser tab with fresh storage, closed and checked for errors after each test. */
  async function newPage(): Promise<WatchedPage> {
    const watched = await openPage(browser);
    pages.push(watched);
    return watched;
  }

  async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  /** Opens `path` with a session for `username` already stored, as after an earlier sign-in. */
  const openSignedIn = (watched: WatchedPage, path: string, tokens: SessionTokens) => gotoSignedIn(watched.page, admin, path, tokens);

  const tokensOf = (username: string) => demoSession(t, username);

  describe('the agency administrator', () => {
    let watched: WatchedPage;
    let page: Page;
    let staffId: string;

    beforeAll(async () => {
      watched = await newPage();
      page = watched.page;
    });

    it('gets the Vietnamese login page quickly', async () => {
      // Navigation start → login form visible, in three fresh tabs (no cache); the median counts,
      // so that one slow moment of a shared CI machine does not decide.
      const loads: number[] = [];
      for (const attempt of [1, 2, 3]) {
        const fresh = attempt === 3 ? watched : await newPage();
        await fresh.page.goto(`${admin}/`);
        const visible = await fresh.page.waitForFunction(() => (document.querySelector('input#username') ? performance.now() : null));
        loads.push(Math.round((await visible.jsonValue()) as number));
        if (fresh !== watched) await fresh.close();
      }
      timings.loginFormVisible = [...loads].sort((a, b) => a - b)[1];
      console.log(`login form visible after ${loads.join(', ')} ms`);
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      await page.getByRole('heading', { name: 'Đăng nhập hệ thống' }).waitFor();
      expect(timings.loginFormVisible).toBeLessThan(2_000);
      await watched.screenshot('01-login');
    });

    it('is told when the password is wrong', async () => {
      await signIn(page, 'quantri', 'Sai-mat-khau-1');
      await page.getByTestId('login-error').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      await watched.screenshot('02-login-wrong-password');
    });

    it('signs in to the dashboard with their name, unit and role', async () => {
      const started = Date.now();
      await signIn(page, 'quantri');
      await page.getByTestId('greeting').getByText('Xin chào, Lê Thị Thu Hà').waitFor();
      timings.signInToDashboard = Date.now() - started;
      const account = page.getByTestId('my-account');
      await account.getByText('Quản trị cơ quan').waitFor();
      await account.getByText('Sở Tư pháp tỉnh Thanh Hóa (và các đơn vị trực thuộc)').waitFor();
      await page.reload();
      const dashboard = await page.waitForFunction(() => (document.querySelector('[data-testid="my-account"] .ant-tag') ? performance.now() : null));
      timings.dashboardReload = Math.round(await dashboard.jsonValue() as number);
      await watched.screenshot('03-dashboard');
    });

    it('sees the agency tree, opened on their own agency, and edits it', async () => {
      await page.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
      await page.getByRole('tree').getByText('Ủy ban nhân dân tỉnh Thanh Hóa', { exact: true }).waitFor();
      await page.getByRole('tree').getByText('Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa', { exact: true }).waitFor();
      await page.getByText('000.00.10.H56', { exact: true }).last().waitFor();
      await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).waitFor();
      await page.getByRole('button', { name: 'Sửa' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('Điện thoại').fill('0237 3852 001');
      await drawer.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('cell', { name: '0237 3852 001' }).waitFor();
      await page.getByRole('tree').getByText('Sở Xây dựng tỉnh Thanh Hóa', { exact: true }).click();
      await page.getByText('000.00.12.H56', { exact: true }).last().waitFor();
      expect(await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).count()).toBe(0); // not their agency
      await watched.screenshot('04-agency-tree');
    });

    it('creates a custom role from the permission matrix', async () => {
      await page.getByRole('menuitem', { name: 'Vai trò, phân quyền' }).click();
      await page.getByRole('button', { name: 'Thêm vai trò' }).click();
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Vui lòng nhập tên vai trò').waitFor();
      await page.getByText('Vui lòng chọn ít nhất một quyền').waitFor();
      await page.getByLabel('Tên vai trò', { exact: true }).fill('Cán bộ một cửa Sở Tư pháp');
      await page.getByLabel('Tên tiếng Anh').fill('Justice one-stop officer');
      expect(await page.getByLabel('Mã vai trò').inputValue()).toBe('can-bo-mot-cua-so-tu-phap');
      await page.getByRole('row', { name: /Xem danh sách cán bộ/ }).getByRole('checkbox').check();
      await page.getByRole('row', { name: /Tạo tài khoản cán bộ/ }).getByRole('checkbox').check();
      await watched.screenshot('05-role-create');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('heading', { name: 'Vai trò và phân quyền' }).waitFor();
      const row = page.getByRole('row', { name: /Cán bộ một cửa Sở Tư pháp/ }).first();
      await row.getByText('Tuỳ chỉnh').waitFor();
      await row.getByText('2 quyền').waitFor();
      await watched.screenshot('06-roles');
    });

    it('creates a staff member and assigns them the custom role in their unit', async () => {
      await page.getByRole('menuitem', { name: 'Cán bộ' }).click();
      await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Vui lòng nhập họ và tên').waitFor();
      await page.getByText('Vui lòng chọn đơn vị công tác').waitFor();
      await page.getByLabel('Họ và tên').fill('Đặng Thị Mai');
      await page.getByLabel('Tên đăng nhập').fill('maidt');
      await page.getByLabel('Mật khẩu ban đầu').fill('ngan');
      await page.getByText('Mật khẩu có ít nhất 8 ký tự, gồm cả chữ và số').waitFor();
      await page.getByLabel('Mật khẩu ban đầu').fill('MotCua2026');
      await page.getByLabel('Đơn vị công tác').click();
      await page.getByLabel('Đơn vị công tác').fill('hanh chinh tu phap');
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: 'Phòng Hành chính tư pháp' }).click();
      await page.getByLabel('Chức vụ').fill('Chuyên viên');
      await page.getByRole('button', { name: 'Lưu' }).click();

      await page.getByText('Vai trò được giao').waitFor();
      staffId = /\/staff\/edit\/([^/?]+)/.exec(page.url())![1];
      await page.getByRole('button', { name: 'Giao vai trò' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Vai trò').click();
      await page.locator('.ant-select-item-option', { hasText: 'Cán bộ một cửa Sở Tư pháp' }).click();
      await dialog.getByRole('button', { name: 'Giao vai trò' }).click();
      const assignment = page.getByRole('row', { name: /Cán bộ một cửa Sở Tư pháp/ });
      await assignment.getByText('Phòng Hành chính tư pháp').waitFor();
      await watched.screenshot('07-staff-roles');

      const token = await t.login('quantri');
      const { data } = await t.gql('query($id: ID!) { roleAssignments(filter: { userId: $id }) { nodes { unitId } totalCount } }', { id: staffId }, { token });
      expect(data.roleAssignments.totalCount).toBe(1);
    });

    it('finds the new staff member by a search without diacritics', async () => {
      await page.getByRole('menuitem', { name: 'Cán bộ' }).click();
      await page.getByLabel('Tìm theo họ tên, tên đăng nhập').fill('dang thi mai');
      await page.getByLabel('Tìm theo họ tên, tên đăng nhập').press('Enter');
      await page.getByRole('row', { name: /Đặng Thị Mai/ }).getByText('maidt').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1);
      await watched.screenshot('08-staff-search');
    });

    it('is told to reload when someone else changed the record meanwhile', async () => {
      await page.goto(`${admin}/staff/edit/${staffId}`);
      await page.getByLabel('Chức vụ').waitFor();
      await page.waitForFunction(() => (document.querySelector('input#position') as HTMLInputElement | null)?.value === 'Chuyên viên');
      const token = await t.login('quantri');
      const { data } = await t.gql('query($id: ID!) { staffMember(id: $id) { version } }', { id: staffId }, { token });
      const changed = await t.gql('mutation($input: UpdateStaffInput!) { updateStaff(input: $input) { staff { version } } }', {
        input: { id: staffId, version: data.staffMember.version, position: 'Chuyên viên chính' },
      }, { token });
      expect(changed.errors).toBeUndefined();

      await page.getByLabel('Chức vụ').fill('Phó trưởng phòng');
      await page.getByRole('button', { name: 'Lưu' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Bản ghi đã được người khác thay đổi' });
      await alert.getByText('Dữ liệu đã được người khác thay đổi; hãy tải lại và thử lại.', { exact: false }).waitFor();
      // The form now holds the latest version: the other change is visible, and saving again works.
      await page.waitForFunction(() => (document.querySelector('input#position') as HTMLInputElement | null)?.value === 'Chuyên viên chính');
      await watched.screenshot('09-stale-version');
      await page.getByLabel('Chức vụ').fill('Phó trưởng phòng');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu cán bộ').first().waitFor();
      const saved = await t.gql('query($id: ID!) { staffMember(id: $id) { position } }', { id: staffId }, { token });
      expect(saved.data.staffMember.position).toBe('Phó trưởng phòng');
    });

    it('switches to English, keeps it after a reload, and signs out', async () => {
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Overview' }).click();
      await page.getByTestId('greeting').getByText('Welcome, Lê Thị Thu Hà').waitFor();
      await page.getByRole('menuitem', { name: 'Agencies and units' }).waitFor();
      await page.reload();
      await page.getByTestId('my-account').getByText('Agency administrator').waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await watched.screenshot('10-dashboard-english');
      await page.getByRole('menuitem', { name: 'Roles and permissions' }).click();
      await page.getByRole('heading', { name: 'Roles and permissions' }).waitFor();
      await page.getByText('Permission matrix').waitFor();
      await watched.screenshot('11-roles-english');

      await page.getByTestId('user-name').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      expect(await page.evaluate(() => localStorage.getItem('motcua.session'))).toBeNull();
      await watched.screenshot('12-signed-out-english');
    });
  });

  describe('a reception officer', () => {
    it('sees no role editor, and its address shows a refusal', async () => {
      const { page, screenshot } = await newPage();
      await page.goto(`${admin}/`);
      await signIn(page, 'tiepnhan');
      await page.getByTestId('my-account').getByText('Cán bộ tiếp nhận').waitFor();
      await page.getByRole('menuitem', { name: 'Cán bộ' }).waitFor();
      expect(await page.getByRole('menuitem', { name: 'Vai trò, phân quyền' }).count()).toBe(0);
      await screenshot('13-reception-dashboard');

      await page.getByRole('menuitem', { name: 'Cán bộ' }).click();
      await page.getByRole('row', { name: /Nguyễn Văn An/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Thêm cán bộ' }).count()).toBe(0);

      await page.goto(`${admin}/roles/create`);
      await page.getByText('Không có quyền truy cập', { exact: true }).waitFor();
      await page.getByText('Tài khoản của bạn không có quyền truy cập trang này.', { exact: false }).waitFor();
      await screenshot('14-reception-refused');
      await page.context().close();
    });
  });

  describe('refusals and failures', () => {
    it('a server error shows its translated message in place of the list, not a blank page', async () => {
      const watched = await newPage();
      const { page } = watched;
      watched.expectConsoleErrors(/status of 50[02]/);
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (body.includes('StaffList')) {
          return route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', messages: { vi: 'Lỗi hệ thống; vui lòng thử lại sau.', en: 'Internal error; please try again later.' } } }] }),
          });
        }
        if (body.includes('AgencyTree')) return route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' });
        return route.continue();
      });
      await openSignedIn(watched, '/staff', await tokensOf('quantri'));
      // In place of the list (a notification says it too):
      const inPlace = page.locator('.ant-alert', { hasText: 'Không tải được dữ liệu' });
      await inPlace.getByText('Lỗi hệ thống; vui lòng thử lại sau.').waitFor();
      await inPlace.getByRole('button', { name: 'Thử lại' }).waitFor();
      await page.getByRole('menuitem', { name: 'Cán bộ' }).waitFor();
      await watched.screenshot('15-server-error');
      await page.getByRole('menuitem', { name: 'Cơ quan, đơn vị' }).click();
      await page.locator('.ant-alert', { hasText: 'Không tải được dữ liệu' }).getByText('Máy chủ đang gặp sự cố (HTTP 502). Vui lòng thử lại sau.').waitFor();
      await watched.screenshot('16-bad-gateway');
      await watched.close();
    });

    it('a citizen account is sent to the public portal', async () => {
      const watched = await newPage();
      await watched.page.goto(`${admin}/login`);
      await signIn(watched.page, 'congdan');
      await watched.page.getByTestId('login-error').getByText('Trang quản trị chỉ dành cho cán bộ, công chức.', { exact: false }).waitFor();
      expect(await watched.page.evaluate(() => localStorage.getItem('motcua.session'))).toBeNull();
      await watched.close();
    });

    it('an expired session brings the login page back, saying why', async () => {
      const watched = await newPage();
      watched.expectConsoleErrors(/status of 401/);
      await openSignedIn(watched, '/staff', { accessToken: 'expired.access.token', expiresAt: '2020-01-01T00:00:00Z', refreshToken: 'spent-refresh-token', refreshExpiresAt: '2020-01-01T00:00:00Z' });
      await watched.page.getByTestId('session-expired').getByText('Phiên đăng nhập đã hết hạn hoặc không còn hiệu lực. Vui lòng đăng nhập lại.').waitFor();
      expect(new URL(watched.page.url()).pathname).toBe('/admin/login');
      await watched.screenshot('17-session-expired');
      await watched.close();
    });

    it('an expired access token is refreshed without bothering the user', async () => {
      const watched = await newPage();
      watched.expectConsoleErrors(/status of 401/);
      const tokens = await tokensOf('quantri');
      await openSignedIn(watched, '/agencies', { ...tokens, accessToken: 'expired.access.token' });
      await watched.page.getByRole('tree').getByText('Sở Tư pháp tỉnh Thanh Hóa', { exact: true }).waitFor();
      const stored = JSON.parse((await watched.page.evaluate(() => localStorage.getItem('motcua.session')))!);
      expect(stored.accessToken).not.toBe('expired.access.token');
      expect(stored.refreshToken).not.toBe(tokens.refreshToken);
      await watched.close();
    });
  });
});
