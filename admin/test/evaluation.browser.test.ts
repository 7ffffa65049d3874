import { recordDossierFact } from '@motcua/evaluation/contract';
import { uuid7 } from '@motcua/kernel/contract';
import { adminRoutes, createTestApp, DEMO_PASSWORD, type TestApp } from '@motcua/server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAdminIfStale, CHROMIUM, DIST, launchChromium, openPage, type WatchedPage } from './browser';

const BROWSER_READY = Boolean(CHROMIUM) || Boolean(process.env.CI);
if (!BROWSER_READY) console.warn('evaluation browser tests skipped: Chromium is not installed (apt-get install chromium); CI requires it');

const LOGIN_TOKENS = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken expiresAt refreshToken refreshExpiresAt } }`;
const CARD = 'query($id: ID!, $period: String!) { scorecard(kind: UNIT, id: $id, period: $period) { figures { stepsLate ratings composite } } }';
const FACTS = 'query($id: ID!, $period: String!) { scorecardFacts(kind: OFFICER, id: $id, period: $period, factKinds: ["STEP_COMPLETED"], timeliness: "LATE") { nodes { id } } }';
const VN_OFFSET_MS = 7 * 3_600_000;

/** The quarter of today in Vietnam, e.g. `2026-Q4` (the facts below happen today). */
function quarterNow(): string {
  const day = new Date(Date.now() + VN_OFFSET_MS);
  return `${day.getUTCFullYear()}-Q${Math.floor(day.getUTCMonth() / 3) + 1}`;
}

describe.skipIf(!BROWSER_READY)('evaluation admin pages in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: string;
  const period = quarterNow();
  const unit: Record<string, string> = {};
  const pages: WatchedPage[] = [];

  async function tokensOf(username: string): Promise<Record<string, string>> {
    const { data } = await t.gql(LOGIN_TOKENS, { u: username, p: DEMO_PASSWORD });
    return data.login;
  }

  async function gqlAs(username: string, query: string, variables: Record<string, unknown> = {}) {
    const result = await t.gql(query, variables, { token: (await tokensOf(username)).accessToken });
    expect(result.errors).toBeUndefined();
    return result.data;
  }

  /** One dossier received by the civil unit, with two steps by chuyenvien (one late when `late`). */
  async function feedDossier(code: string, officerId: string, late: boolean): Promise<string> {
    const dossierId = uuid7();
    const base = { dossierId, agencyId: unit.justice, unitId: unit.civil, officerId, procedureId: unit.procedure };
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await t.app.orm.em.fork().transactional(async (em) => {
      await recordDossierFact(em, { ...base, kind: 'RECEIVED', online: false, code, officerId: null, occurredAt: at(30) });
      await recordDossierFact(em, { ...base, kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: late ? 'LATE' : 'EARLY', occurredAt: at(20) });
      await recordDossierFact(em, { ...base, kind: 'DONE', timeliness: late ? 'LATE' : 'EARLY', occurredAt: at(10) });
    });
    await t.app.dispatcher.drain();
    return dossierId;
  }

  beforeAll(async () => {
    buildAdminIfStale();
    t = await createTestApp({ routes: adminRoutes(DIST) });
    admin = `${t.url}/admin`;
    const { agencies } = await gqlAs('admin', '{ agencies(limit: 100) { nodes { id code } } }');
    const byCode = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
    Object.assign(unit, { justice: byCode.get('000.00.10.H56'), civil: byCode.get('000.02.10.H56'), support: byCode.get('000.03.10.H56'), procedure: uuid7() });
    const officer = (await gqlAs('chuyenvien', '{ me { id } }')).me.id;
    unit.linkDossier = await feedDossier('H56.10-LINK-0001', officer, false);
    await feedDossier('H56.10-KIOSK-0002', officer, false);
    await feedDossier('H56.10-LATE-0003', officer, true);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(pages.flatMap((watched) => watched.problems.splice(0))).toEqual([]);
  });

  async function open(path: string, username?: string): Promise<WatchedPage> {
    const watched = await openPage(browser);
    pages.push(watched);
    if (username) {
      await watched.page.goto(`${admin}/login`);
      const tokens = await tokensOf(username);
      await watched.page.evaluate((session) => localStorage.setItem('motcua.session', JSON.stringify(session)), tokens);
    }
    await watched.page.goto(`${admin}${path}`);
    return watched;
  }

  async function answerAll(watched: WatchedPage, level: number): Promise<void> {
    for (const code of ['CONVENIENCE', 'OVERALL']) await watched.page.getByTestId(`question-${code}`).getByRole('button').nth(level - 1).click();
  }

  it('a citizen rates from the link of the result email, without signing in', async () => {
    const { issueRatingLink } = await gqlAs('tiepnhan', 'mutation($id: ID!) { issueRatingLink(dossierId: $id) { path } }', { id: unit.linkDossier });
    const watched = await open(issueRatingLink.path.replace(/^\/admin/, ''));
    const { page } = watched;
    await page.getByText('H56.10-LINK-0001').waitFor();
    await answerAll(watched, 5);
    await page.getByRole('textbox').fill('Cán bộ hướng dẫn tận tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('rating-thanks').getByText('Cảm ơn Ông/Bà đã đánh giá!').waitFor();
    await watched.screenshot('eval-01-rating-link');
    await t.app.dispatcher.drain();
    expect((await gqlAs('giamdoc', CARD, { id: unit.civil, period })).scorecard.figures.ratings).toBe(1);
  }, 60_000);

  it('a citizen rates at the desk kiosk by dossier code', async () => {
    const watched = await open('/kiosk/danh-gia', 'tiepnhan');
    const { page } = watched;
    await page.getByTestId('kiosk-code').fill('H56.10-KIOSK-0002');
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await answerAll(watched, 4);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('rating-thanks').waitFor();
    await watched.screenshot('eval-02-kiosk');
    await t.app.dispatcher.drain();
    expect((await gqlAs('giamdoc', CARD, { id: unit.civil, period })).scorecard.figures.ratings).toBe(2);
  }, 60_000);

  it('a unit leader drills from the late count to the dossier, accepts the dispute and sees the score change', async () => {
    const officer = (await gqlAs('chuyenvien', '{ me { id } }')).me.id;
    const [late] = (await gqlAs('chuyenvien', FACTS, { id: officer, period })).scorecardFacts.nodes;
    await gqlAs('chuyenvien', 'mutation($input: FileDisputeInput!) { fileEvaluationDispute(input: $input) { dispute { id } } }', {
      input: { factId: late.id, reason: 'Chậm do chờ ý kiến Phòng Bổ trợ tư pháp', proposal: 'REATTRIBUTE', targetUnitId: unit.support },
    });
    const before = (await gqlAs('truongphong', CARD, { id: unit.civil, period })).scorecard.figures;
    expect(before.stepsLate).toBe(1);

    const scorecardPath = `/evaluation/scorecards?kind=UNIT&id=${unit.civil}&period=${period}`;
    const watched = await open(scorecardPath, 'truongphong');
    const { page } = watched;
    const card = page.getByTestId('scorecard');
    await card.getByTestId('drill-stepsLate').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('formula').getByText(/onTimeRate/).waitFor();
    await page.getByTestId('trend-chart').waitFor();
    await page.getByTestId('bar-chart').getByText('Tốt (80–90)').waitFor();
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await card.getByTestId('drill-stepsLate').click();
    await page.getByTestId('drill-down').getByText('H56.10-LATE-0003').waitFor();
    await page.getByTestId('drill-down').getByText('Trễ hạn', { exact: true }).waitFor();
    await watched.screenshot('eval-03-drill-down');

    await page.goto(`${admin}/evaluation/disputes`);
    await page.getByTestId('disputes').getByText('Chậm do chờ ý kiến Phòng Bổ trợ tư pháp').waitFor();
    await page.getByTestId('disputes').getByRole('button', { name: 'Chấp nhận', exact: true }).click();
    await page.getByTestId('decision-reason').fill('Đúng, hồ sơ chờ Phòng Bổ trợ tư pháp trả lời');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await watched.screenshot('eval-04-dispute-accepted');

    const after = (await gqlAs('truongphong', CARD, { id: unit.civil, period })).scorecard.figures;
    expect(after.composite).toBeGreaterThan(before.composite);
    await page.goto(`${admin}${scorecardPath}`);
    await card.getByTestId('drill-stepsLate').getByText('0', { exact: true }).waitFor();
    await card.getByTestId('composite').getByText(after.composite.toFixed(2)).waitFor();
    await watched.screenshot('eval-05-score-changed');
  }, 90_000);

  it('the agency admin accepts and answers a petition filed anonymously; the filer sees the answer', async () => {
    const filed = (await t.gql('mutation($input: FilePetitionInput!) { filePetition(input: $input) { code secret } }', {
      input: { subject: 'DOSSIER', dossierCode: 'H56.10-LINK-0001', content: 'Xin hỏi thời gian trả kết quả', contactPhone: '0912000001' },
    })).data.filePetition;
    const watched = await open('/evaluation/petitions', 'quantri');
    const { page } = watched;
    const list = page.getByTestId('petitions');
    await list.getByText(filed.code).waitFor();
    await list.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Đã tiếp nhận', { exact: true }).first().click();
    await list.getByRole('button', { name: 'Trả lời' }).click();
    await page.getByTestId('petition-text').fill('Kết quả được trả trong ngày làm việc tiếp theo');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Đã trả lời', { exact: true }).first().click();
    await list.getByText('Kết quả được trả trong ngày làm việc tiếp theo').waitFor();
    await watched.screenshot('eval-07-petition-answered');
    const status = (await t.gql('query($c: String!, $s: String!) { petitionStatus(code: $c, secret: $s) { status answer } }', { c: filed.code, s: filed.secret })).data.petitionStatus;
    expect(status).toEqual({ status: 'ANSWERED', answer: 'Kết quả được trả trong ngày làm việc tiếp theo' });
  }, 60_000);

  it('the public ranking page renders without signing in', async () => {
    await gqlAs('giamsat', 'mutation($p: String!) { publishEvaluationPeriod(input: { period: $p }) { publication { period } } }', { p: period });
    const watched = await open('/cong-khai/xep-hang');
    const { page } = watched;
    await page.getByRole('heading', { name: 'Công khai kết quả giải quyết thủ tục hành chính' }).waitFor();
    await page.getByTestId('rankings').getByText('Sở Tư pháp').first().waitFor();
    await page.getByTestId('bar-chart').waitFor();
    await watched.screenshot('eval-06-public-rankings');
  }, 60_000);
});
