import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { adminRoutes, createTestApp, DEMO_PASSWORD, type TestApp } from '@motcua/server/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const ADMIN_DIR = resolve(__dirname, '..');
export const DIST = resolve(ADMIN_DIR, 'dist');
/** Screenshots and timings land here (git-ignored), so anyone can see what the browser showed. */
export const RESULTS = resolve(ADMIN_DIR, 'test-results');

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));

/** Builds the admin app unless admin/dist is newer than every admin source. */
export function buildAdminIfStale(): void {
  execFileSync(process.execPath, [resolve(ADMIN_DIR, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium not found: install it with `apt-get install chromium` or set CHROMIUM_PATH');
  mkdirSync(RESULTS, { recursive: true });
  // A fresh temporary profile per launch (playwright passes its own --user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page that records every page error, console error and i18n warning as a problem. */
export interface WatchedPage {
  page: Page;
  problems: string[];
  /** Console errors matching `pattern` are expected on this page (e.g. the browser logging a 401 or 500 response). */
  expectConsoleErrors(pattern: RegExp): void;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  const expected = new Set<RegExp>();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && ![...expected].some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
    if (message.type() === 'warning' && text.startsWith('[i18n]')) problems.push(`console warning: ${text}`);
  });
  return {
    page,
    problems,
    expectConsoleErrors: (pattern) => void expected.add(pattern),
    screenshot: async (name) => void (await page.screenshot({ path: resolve(RESULTS, `${name}.png`), fullPage: true })),
    close: () => context.close(),
  };
}

/** What `useSignedInBrowser` gives a describe block. */
export interface SignedInBrowser {
  /** The test server (serving the built admin at /admin), once `beforeAll` ran. */
  readonly t: TestApp;
  /** Access and refresh tokens of a demo account, as a sign-in returns them. */
  tokensOf(username: string): Promise<Record<string, string>>;
  /** A new tab signed in as `username` (the session stored as after a sign-in), at `path`. */
  openSignedIn(username: string, path: string): Promise<WatchedPage>;
}

const LOGIN_TOKENS = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken expiresAt refreshToken refreshExpiresAt } }`;

/**
 * Registers, in the calling describe block, a test server with the demo data serving the built
 * admin, one Chromium, and a check after each test that no tab opened had a page error,
 * console error or missing translation.
 *
 * @example
 * describe.skipIf(!BROWSER_READY)('my pages', () => {
 *   const browser = useSignedInBrowser();
 *   it('shows the inbox', async () => { const { page } = await browser.openSignedIn('chuyenvien', '/workflow/inbox'); … });
 * });
 */
export function useSignedInBrowser(): SignedInBrowser {
  let t: TestApp | undefined;
  let browser: Browser;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    buildAdminIfStale();
    t = await createTestApp({ routes: adminRoutes(DIST) });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(pages.flatMap((watched) => watched.problems.splice(0))).toEqual([]);
  });

  const tokensOf = async (username: string) => (await t!.gql(LOGIN_TOKENS, { u: username, p: DEMO_PASSWORD })).data.login as Record<string, string>;
  return {
    get t() {
      if (!t) throw new Error('the test server starts in beforeAll');
      return t;
    },
    tokensOf,
    async openSignedIn(username, path) {
      const watched = await openPage(browser);
      pages.push(watched);
      const tokens = await tokensOf(username);
      await watched.page.goto(`${t!.url}/admin/login`);
      await watched.page.evaluate((session) => localStorage.setItem('motcua.session', JSON.stringify(session)), tokens);
      await watched.page.goto(`${t!.url}/admin${path}`);
      return watched;
    },
  };
}
