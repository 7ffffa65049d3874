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

const LOGIN_TOKENS = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken expiresAt refreshToken refreshExpiresAt } }`;

/** What the admin keeps in localStorage after a sign-in. */
export type SessionTokens = Record<string, string>;

/** The session of a demo account (demo password), obtained through the API. */
export async function demoSession(app: TestApp, username: string): Promise<SessionTokens> {
  const { data } = await app.gql(LOGIN_TOKENS, { u: username, p: DEMO_PASSWORD });
  return data.login;
}

/** Opens `path` of the admin at `adminUrl` with `tokens` stored as the session, as after an earlier sign-in. */
export async function gotoSignedIn(page: Page, adminUrl: string, path: string, tokens: SessionTokens): Promise<void> {
  await page.goto(`${adminUrl}/login`);
  await page.evaluate((session) => localStorage.setItem('motcua.session', JSON.stringify(session)), tokens);
  await page.goto(`${adminUrl}${path}`);
}

/** The server and browser of a suite of admin page tests (see {@link adminBrowserSuite}). */
export interface AdminBrowserSuite {
  /** The test app (demo data) serving the built admin at `/admin`. */
  readonly app: TestApp;
  /** A new tab signed in as a demo account, at `path` of the admin; checked for problems after each test. */
  openSignedIn(username: string, path: string): Promise<WatchedPage>;
}

/**
 * Sets up, in the calling `describe`, a test app serving the built admin and a Chromium
 * (closed after the suite), and fails a test when a tab it opened logged a problem.
 *
 * @example
 * const suite = adminBrowserSuite();
 * it('…', async () => { const { page } = await suite.openSignedIn('quantri', '/staff'); … });
 */
export function adminBrowserSuite(): AdminBrowserSuite {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const pages: WatchedPage[] = [];
  const started = () => {
    if (!app || !browser) throw new Error('the admin browser suite has not started');
    return { app, browser };
  };

  beforeAll(async () => {
    buildAdminIfStale();
    [app, browser] = await Promise.all([createTestApp({ routes: adminRoutes(DIST) }), launchChromium()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    expect(pages.flatMap((watched) => watched.problems.splice(0))).toEqual([]);
  });

  return {
    get app() {
      return started().app;
    },
    async openSignedIn(username, path) {
      const { app: server, browser: chromium } = started();
      const watched = await openPage(chromium);
      pages.push(watched);
      await gotoSignedIn(watched.page, `${server.url}/admin`, path, await demoSession(server, username));
      return watched;
    },
  };
}
