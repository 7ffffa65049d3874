/**
 * Sign-in, sessions and credentials: login, failed logins and the lock-out, refresh-token
 * rotation and reuse detection, logout, token expiry and forgery, disabled accounts,
 * password change, citizen sign-up, and integration API keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The harness first: it loads reflect-metadata, which the kernel's decorators need (the kernel does not load it itself).
import { createTestApp, DEMO_PASSWORD, type GraphqlResult, type TestApp } from '@motcua/server/testing';
import { FixedClock } from '@motcua/kernel/contract';
import {
  agenciesByCode, createStaff, expectOk, expectRefused, expectRefusedWithoutWrites, GQL, loginPayload, masked, rowsWrittenBy, sql,
  STAFF_PASSWORD, unique, userIdOf,
} from './support.js';

const REFRESH = 'mutation($r: String!) { refreshToken(input: { refreshToken: $r }) { accessToken refreshToken } }';
const LOGOUT = 'mutation($everywhere: Boolean) { logout(input: { everywhere: $everywhere }) { ok } }';
const CHANGE_PASSWORD = 'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { ok } }';
const REGISTER = `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) {
  accessToken refreshToken user { username fullName kind agencyId grants { permission } } } }`;
const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix unitId includeSubtree permissions } } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { ok } }';

const MINUTE = 60_000;

/** `me` with a token: the user, or the refusal. */
const meWith = (t: TestApp, token: string) => t.gql(GQL.me, {}, { token });

/** Asserts a credential was refused before GraphQL ran: HTTP 401 with `code`. */
function expectUnauthorized(result: GraphqlResult, code: string, label: string): void {
  expectRefused(result, code, label);
  expect(result.status, `${label}: HTTP status`).toBe(401);
}

async function failedLoginCount(t: TestApp, username: string): Promise<number> {
  const [row] = await sql<{ n: number | string }>(t, 'select failed_login_count as n from identity_user where username = ?', [username]);
  return Number(row.n);
}

describe('sign-in and sessions', () => {
  let t: TestApp;
  let adminToken: string;
  let units: Awaited<ReturnType<typeof agenciesByCode>>;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await t.login('admin');
    units = await agenciesByCode(t);
  });
  afterAll(() => t.close());

  /** A fresh staff account in Phòng Hành chính tư pháp, for tests that change its state. */
  const freshStaff = () => createStaff(t, adminToken, units.get('000.02.10.H56')!.id);

  it('returns tokens, their expiry and the user on a correct password', async () => {
    const before = Date.now();
    const payload = await loginPayload(t, 'truongphong', DEMO_PASSWORD);
    expect(payload.accessToken.split('.')).toHaveLength(3);
    expect(payload.refreshToken).toMatch(/^[\w-]{40,}$/);
    const expiresAt = new Date(payload.expiresAt).getTime();
    expect(expiresAt - before).toBeGreaterThan(14 * MINUTE);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(15 * MINUTE);
    expect(payload.user).toMatchObject({ username: 'truongphong', fullName: 'Phạm Văn Cường', kind: 'STAFF', agencyId: units.get('000.02.10.H56')!.id });
    expect(payload.user.grants).toContainEqual({ permission: 'staff.readPersonalData', unitId: units.get('000.02.10.H56')!.id, includeSubtree: false });
    expect(expectOk(await meWith(t, payload.accessToken)).me.username).toBe('truongphong');
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    expect((await loginPayload(t, '  TruongPhong ', DEMO_PASSWORD)).user.username).toBe('truongphong');
  });

  it('refuses a wrong password with INVALID_CREDENTIALS, one warn log line, and only the failure counter written', async () => {
    const requestId = `auth-wrong-${unique()}`;
    const counterBefore = await failedLoginCount(t, 'vanthu');
    const { result, written } = await rowsWrittenBy(t, () =>
      t.gql(GQL.login, { u: 'vanthu', p: 'SaiMatKhau99' }, { headers: { 'x-request-id': requestId }, lang: 'en' }),
    );
    const error = expectRefused(result, 'INVALID_CREDENTIALS', 'wrong password');
    expect(error.extensions.messages).toEqual({ vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' });
    expect(error.message, 'message in the language asked for').toBe('Wrong username or password.');
    expect(written, 'no session, audit record or event').toEqual({});
    expect(await failedLoginCount(t, 'vanthu')).toBe(counterBefore + 1);

    const lines = t.logs.filter((line) => line.reqId === requestId);
    expect(lines, 'exactly one log line for the request').toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, codes: ['INVALID_CREDENTIALS'] });
    expect(JSON.stringify(lines[0]), 'the password is never logged').not.toContain('SaiMatKhau99');
  });

  it('refuses an unknown username with the same error and writes nothing at all', async () => {
    const wrong = await t.gql(GQL.login, { u: 'vanthu', p: 'SaiMatKhau99' });
    const { result, written } = await rowsWrittenBy(t, () => t.gql(GQL.login, { u: 'khongtontai', p: 'SaiMatKhau99' }));
    const error = expectRefused(result, 'INVALID_CREDENTIALS', 'unknown user');
    expect(error.extensions.messages, 'indistinguishable from a wrong password').toEqual(wrong.errors![0].extensions.messages);
    expect(written).toEqual({});
  });

  it('rotates refresh tokens, and a reused refresh token revokes the whole family', async () => {
    const first = await loginPayload(t, 'chuyenvien', DEMO_PASSWORD);
    const otherDevice = await loginPayload(t, 'chuyenvien', DEMO_PASSWORD);
    const second = expectOk(await t.gql(REFRESH, { r: first.refreshToken }), 'refresh').refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(expectOk(await meWith(t, second.accessToken)).me.username).toBe('chuyenvien');

    expectRefused(await t.gql(REFRESH, { r: first.refreshToken }), 'TOKEN_INVALID', 'reused refresh token');
    expectRefused(await t.gql(REFRESH, { r: second.refreshToken }), 'TOKEN_INVALID', 'newest refresh token of a revoked family');
    expectUnauthorized(await meWith(t, second.accessToken), 'TOKEN_EXPIRED', 'access token of a revoked family');

    expect(expectOk(await meWith(t, otherDevice.accessToken), 'another session is not in the family').me.username).toBe('chuyenvien');
    expectOk(await t.gql(REFRESH, { r: otherDevice.refreshToken }), 'the other session still refreshes');
  });

  it('refuses an unknown refresh token', async () => {
    expectRefused(await t.gql(REFRESH, { r: 'khong-phai-token-that-su-0000000000000000000' }), 'TOKEN_INVALID', 'unknown refresh token');
  });

  it('makes the access token fail at once after logout (TOKEN_EXPIRED, HTTP 401)', async () => {
    const session = await loginPayload(t, 'giamdoc', DEMO_PASSWORD);
    expectOk(await meWith(t, session.accessToken));
    expect(expectOk(await t.gql(LOGOUT, {}, { token: session.accessToken })).logout.ok).toBe(true);
    expectUnauthorized(await meWith(t, session.accessToken), 'TOKEN_EXPIRED', 'access token after logout');
    expectRefused(await t.gql(REFRESH, { r: session.refreshToken }), 'TOKEN_INVALID', 'refresh token after logout');
  });

  it('signs out every session with logout(everywhere: true)', async () => {
    const [a, b] = [await loginPayload(t, 'giamsat', DEMO_PASSWORD), await loginPayload(t, 'giamsat', DEMO_PASSWORD)];
    expectOk(await t.gql(LOGOUT, { everywhere: true }, { token: a.accessToken }));
    expectUnauthorized(await meWith(t, a.accessToken), 'TOKEN_EXPIRED', 'this session');
    expectUnauthorized(await meWith(t, b.accessToken), 'TOKEN_EXPIRED', 'the other session');
  });

  describe('forged access tokens are refused with TOKEN_INVALID (HTTP 401), never read as anonymous', () => {
    let token: string;
    let adminId: string;
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const parts = () => token.split('.') as [string, string, string];
    /** The signature with one character changed, at `index` (negative counts from the end). */
    const alteredSignature = (index: number) => {
      const signature = parts()[2];
      const at = (index + signature.length) % signature.length;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const replacement = alphabet[alphabet.indexOf(signature[at]) ^ 1];
      return `${signature.slice(0, at)}${replacement}${signature.slice(at + 1)}`;
    };

    beforeAll(async () => {
      token = await t.login('chuyenvien');
      adminId = await userIdOf(t, adminToken, 'admin');
    });

    const forgeries: Array<[string, () => string]> = [
      ['a changed signature', () => `${parts()[0]}.${parts()[1]}.${alteredSignature(10)}`],
      ['a signature differing only in its last character', () => `${parts()[0]}.${parts()[1]}.${alteredSignature(-1)}`],
      ['a payload claiming another user', () => {
        const claims = JSON.parse(Buffer.from(parts()[1], 'base64url').toString());
        return `${parts()[0]}.${b64({ ...claims, sub: adminId })}.${parts()[2]}`;
      }],
      ['a payload with a later expiry', () => {
        const claims = JSON.parse(Buffer.from(parts()[1], 'base64url').toString());
        return `${parts()[0]}.${b64({ ...claims, exp: claims.exp + 86_400 })}.${parts()[2]}`;
      }],
      ['an alg "none" header without signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${parts()[1]}.`],
      ['an alg "none" header keeping the signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${parts()[1]}.${parts()[2]}`],
      ['an HS512 header', () => `${b64({ alg: 'HS512', typ: 'JWT' })}.${parts()[1]}.${parts()[2]}`],
      ['a token that is not a JWT', () => 'khong-phai-jwt'],
    ];

    it('accepts the untouched token (control)', async () => {
      expect(expectOk(await meWith(t, token)).me.username).toBe('chuyenvien');
    });

    it.each(forgeries)('refuses %s', async (name, forge) => {
      const forged = forge();
      expect(forged).not.toBe(token);
      expectUnauthorized(await meWith(t, forged), 'TOKEN_INVALID', name);
    });

    it('refuses a scheme other than Bearer', async () => {
      const result = await t.post(JSON.stringify({ query: GQL.me }), { headers: { authorization: `Basic ${token}` } });
      expect(result.status).toBe(401);
      expect(result.json.errors[0].extensions.code).toBe('TOKEN_INVALID');
    });
  });

  it('refuses sign-in to a disabled account (ACCOUNT_DISABLED) and stops its live tokens at once', async () => {
    const staff = await freshStaff();
    const session = await loginPayload(t, staff.username, STAFF_PASSWORD);
    expectOk(await t.gql(GQL.disableStaff, { id: staff.id }, { token: adminToken }), 'disable');

    expectRefused(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'ACCOUNT_DISABLED', 'login while disabled');
    expectUnauthorized(await meWith(t, session.accessToken), 'TOKEN_EXPIRED', 'access token of a disabled account');
    expectRefused(await t.gql(REFRESH, { r: session.refreshToken }), 'TOKEN_INVALID', 'refresh token of a disabled account');
  });

  it('does not bring back the sessions of a disabled account when it is enabled again', async () => {
    const staff = await freshStaff();
    const session = await loginPayload(t, staff.username, STAFF_PASSWORD);
    expectOk(await t.gql(GQL.disableStaff, { id: staff.id }, { token: adminToken }), 'disable');
    expectOk(await t.gql(GQL.enableStaff, { id: staff.id }, { token: adminToken }), 'enable');

    expectUnauthorized(await meWith(t, session.accessToken), 'TOKEN_EXPIRED', 'access token issued before the account was disabled');
    expectRefused(await t.gql(REFRESH, { r: session.refreshToken }), 'TOKEN_INVALID', 'refresh token issued before the account was disabled');
    expectOk(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'a new sign-in works');
  });

  it('changes the password: checks the current one and the policy, keeps this session, ends the others', async () => {
    const staff = await freshStaff();
    const current = await loginPayload(t, staff.username, STAFF_PASSWORD);
    const other = await loginPayload(t, staff.username, STAFF_PASSWORD);
    const token = current.accessToken;

    await expectRefusedWithoutWrites(t, 'INVALID_CREDENTIALS', 'wrong current password', () =>
      t.gql(CHANGE_PASSWORD, { c: 'KhongDung123', n: 'MatKhauMoi2026' }, { token }));
    const weak = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'weak new password', () =>
      t.gql(CHANGE_PASSWORD, { c: STAFF_PASSWORD, n: 'ngan' }, { token }));
    expect(weak.extensions.details).toMatchObject({ field: 'newPassword' });
    expectRefused(await t.gql(CHANGE_PASSWORD, { c: STAFF_PASSWORD, n: 'MatKhauMoi2026' }), 'UNAUTHENTICATED', 'anonymous');

    expect(expectOk(await t.gql(CHANGE_PASSWORD, { c: STAFF_PASSWORD, n: 'MatKhauMoi2026' }, { token })).changePassword.ok).toBe(true);
    expectOk(await meWith(t, token), 'the session that changed the password goes on');
    expectUnauthorized(await meWith(t, other.accessToken), 'TOKEN_EXPIRED', 'the other session');
    expectRefused(await t.gql(GQL.login, { u: staff.username, p: STAFF_PASSWORD }), 'INVALID_CREDENTIALS', 'old password');
    expectOk(await t.gql(GQL.login, { u: staff.username, p: 'MatKhauMoi2026' }), 'new password');
  });

  it('registers a citizen, signs them in, and gives them no staff rights', async () => {
    const username = `congdan.${unique()}`;
    const input = { username: username.toUpperCase(), password: 'CongDan2026', fullName: '  Trần   Văn Dân ', phone: '0987 654 399', personalId: '038199012399' };
    const payload = expectOk(await t.gql(REGISTER, { input }), 'register').registerCitizen;
    expect(payload.user).toEqual({ username, fullName: 'Trần Văn Dân', kind: 'CITIZEN', agencyId: null, grants: [] });

    const me = expectOk(await meWith(t, payload.accessToken)).me;
    expect(me).toMatchObject({ username, fullName: 'Trần Văn Dân', kind: 'CITIZEN', agencyId: null, grants: [] });
    expect(expectOk(await t.gql(GQL.staffList, {}, { token: payload.accessToken })).staff.totalCount, 'a citizen sees no staff').toBe(0);
    expectOk(await t.gql(GQL.login, { u: username, p: 'CongDan2026' }), 'sign in again');

    const taken = await expectRefusedWithoutWrites(t, 'CONFLICT', 'username taken', () => t.gql(REGISTER, { input: { ...input, username } }));
    expect(taken.extensions.details).toMatchObject({ field: 'username' });
    const weak = await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'weak password', () =>
      t.gql(REGISTER, { input: { ...input, username: `x${unique()}`, password: 'matkhau' } }));
    expect(weak.extensions.details).toMatchObject({ field: 'password' });
  });

  describe('API keys', () => {
    let quantri: string;
    const unit = (code: string) => units.get(code)!.id;
    const keyInput = (overrides: Record<string, unknown> = {}) => ({ name: 'Cổng dịch vụ công', unitId: unit('000.02.10.H56'), permissions: ['staff.read'], ...overrides });

    beforeAll(async () => {
      quantri = await t.login('quantri');
    });

    it('creates a key within Sở Tư pháp whose secret works as a Bearer token, scoped to its unit and permissions', async () => {
      const { result, written } = await rowsWrittenBy(t, () => t.gql(CREATE_KEY, { input: keyInput() }, { token: quantri }));
      const created = expectOk(result, 'createApiKey').createApiKey;
      expect(written).toEqual({ identity_api_key: 1, kernel_audit: 1 });
      expect(created.secret).toMatch(/^mc_[\w-]{8}\.[\w-]{40,}$/);
      expect(created.secret.startsWith(`${created.apiKey.prefix}.`)).toBe(true);
      expect(created.apiKey).toMatchObject({ unitId: unit('000.02.10.H56'), includeSubtree: false, permissions: ['staff.read'] });
      const listed = expectOk(await t.gql('{ apiKeys { id prefix } }', {}, { token: quantri })).apiKeys;
      expect(listed).toContainEqual({ id: created.apiKey.id, prefix: created.apiKey.prefix });
      expect(JSON.stringify(listed), 'the secret is shown only once').not.toContain(created.secret.split('.')[1]);

      const staff = expectOk(await t.gql(GQL.staffList, { limit: 100 }, { token: created.secret }), 'staff with the key').staff;
      expect(staff.nodes.map((node: { username: string }) => node.username)).toEqual(expect.arrayContaining(['chuyenvien', 'truongphong']));
      expect(new Set(staff.nodes.map((node: { unitId: string }) => node.unitId)), 'only its own unit').toEqual(new Set([unit('000.02.10.H56')]));
      const leader = staff.nodes.find((node: { username: string }) => node.username === 'truongphong');
      expect(leader.phone, 'no staff.readPersonalData on the key').toBe(masked('0912345604'));

      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'staff.create, which the key lacks though its owner has it', () =>
        t.gql(GQL.createStaff, { input: { username: `k.${unique()}`, password: STAFF_PASSWORD, fullName: 'Qua khoá API', unitId: unit('000.02.10.H56') } }, { token: created.secret }));
    });

    it("masks the owner's own personal data for a key without staff.readPersonalData", async () => {
      const created = expectOk(await t.gql(CREATE_KEY, { input: keyInput({ unitId: unit('000.00.10.H56'), includeSubtree: true }) }, { token: quantri })).createApiKey;
      const ownerId = await userIdOf(t, adminToken, 'quantri');
      const owner = expectOk(await t.gql(GQL.staffMember, { id: ownerId }, { token: created.secret }), 'owner via key').staffMember;
      expect({ phone: owner.phone, personalId: owner.personalId }).toEqual({ phone: masked('0912345601'), personalId: masked('038190000101') });
    });

    it('refuses a key outside the creator’s agency, and permissions that do not exist', async () => {
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'key in Sở Xây dựng', () =>
        t.gql(CREATE_KEY, { input: keyInput({ unitId: unit('000.02.12.H56') }) }, { token: quantri }));
      for (const permission of ['*', 'staff.fly']) {
        for (const [who, token] of [['quantri', quantri], ['admin', adminToken]]) {
          await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', `${who} asking for ${permission}`, () =>
            t.gql(CREATE_KEY, { input: keyInput({ permissions: ['staff.read', permission] }) }, { token }));
        }
      }
    });

    it('refuses permissions the creator does not hold (FORBIDDEN)', async () => {
      // A custom role that manages keys and reads staff, held by the unit leader in his unit only.
      const role = expectOk(await t.gql(GQL.createRole, {
        input: { agencyId: unit('000.00.10.H56'), key: `khoa-api-${unique()}`, name: 'Quản lý khoá API', permissions: ['apiKey.manage', 'staff.read'] },
      }, { token: quantri }), 'createRole').createRole.role;
      const holderId = await userIdOf(t, adminToken, 'truongphong');
      expectOk(await t.gql(GQL.assignRole, { input: { userId: holderId, roleId: role.id, unitId: unit('000.02.10.H56') } }, { token: quantri }), 'assignRole');
      const holder = await t.login('truongphong');

      expectOk(await t.gql(CREATE_KEY, { input: keyInput() }, { token: holder }), 'a key with a permission he holds');
      const refused = await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'staff.create, which he does not hold', () =>
        t.gql(CREATE_KEY, { input: keyInput({ permissions: ['staff.read', 'staff.create'] }) }, { token: holder }));
      expect(refused.extensions.details).toMatchObject({ missingPermissions: ['staff.create'] });
      const wider = await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'his unit with its subtree, where he holds staff.read for the unit only', () =>
        t.gql(CREATE_KEY, { input: keyInput({ includeSubtree: true }) }, { token: holder }));
      expect(wider.extensions.details).toMatchObject({ missingPermissions: ['staff.read'] });
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'a key at Sở Tư pháp, above his unit', () =>
        t.gql(CREATE_KEY, { input: keyInput({ unitId: unit('000.00.10.H56') }) }, { token: holder }));
    });

    it('refuses an expiry in the past, and a key changing its owner’s password', async () => {
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'expiry in the past', () =>
        t.gql(CREATE_KEY, { input: keyInput({ expiresAt: '2020-01-01T00:00:00Z' }) }, { token: quantri }));
      const created = expectOk(await t.gql(CREATE_KEY, { input: keyInput() }, { token: quantri })).createApiKey;
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'changePassword through a key', () =>
        t.gql('mutation { changePassword(input: { currentPassword: "Motcua@2026", newPassword: "Khac2026moi" }) { ok } }', {}, { token: created.secret }));
    });

    it('stops a revoked key at once (TOKEN_INVALID) and refuses a wrong secret', async () => {
      const created = expectOk(await t.gql(CREATE_KEY, { input: keyInput() }, { token: quantri })).createApiKey;
      expectOk(await t.gql(GQL.staffList, {}, { token: created.secret }), 'the key works');
      const wrongSecret = `${created.apiKey.prefix}.${'A'.repeat(43)}`;
      expectUnauthorized(await t.gql(GQL.staffList, {}, { token: wrongSecret }), 'TOKEN_INVALID', 'right prefix, wrong secret');

      const officer = await t.login('chuyenvien');
      await expectRefusedWithoutWrites(t, 'FORBIDDEN', 'revoking as someone who does not manage keys', () =>
        t.gql(REVOKE_KEY, { id: created.apiKey.id }, { token: officer }));
      expect(expectOk(await t.gql(REVOKE_KEY, { id: created.apiKey.id }, { token: quantri })).revokeApiKey.ok).toBe(true);
      expectUnauthorized(await t.gql(GQL.staffList, {}, { token: created.secret }), 'TOKEN_INVALID', 'revoked key');
    });
  });
});

describe('time-based rules (fixed clock)', () => {
  const clock = new FixedClock(new Date('2026-03-02T01:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string) => t.gql(GQL.login, { u: username, p: password });

  it('locks an account after five failures in a row, for 15 minutes', async () => {
    for (let i = 0; i < 4; i += 1) expectRefused(await attempt('vanthu', 'SaiMatKhau99'), 'INVALID_CREDENTIALS', `failure ${i + 1}`);
    expectOk(await attempt('vanthu', DEMO_PASSWORD), 'four failures do not lock, and a success resets the count');
    for (let i = 0; i < 5; i += 1) expectRefused(await attempt('vanthu', 'SaiMatKhau99'), 'INVALID_CREDENTIALS', `failure ${i + 1} after the reset`);

    const locked = await expectRefusedWithoutWrites(t, 'ACCOUNT_LOCKED', 'right password while locked', () => attempt('vanthu', DEMO_PASSWORD));
    expect(locked.extensions.messages.vi).toContain('15 phút');
    expect(locked.extensions.messages.en).toContain('15 min');

    clock.advance(14 * MINUTE);
    const later = expectRefused(await attempt('vanthu', DEMO_PASSWORD), 'ACCOUNT_LOCKED', 'after 14 minutes');
    expect(later.extensions.messages.en).toContain('1 min.');
    clock.advance(MINUTE);
    expect((await loginPayload(t, 'vanthu', DEMO_PASSWORD)).user.username, 'after 15 minutes').toBe('vanthu');
  });

  it('expires access tokens after 15 minutes (TOKEN_EXPIRED, HTTP 401), while the refresh token still works', async () => {
    const session = await loginPayload(t, 'chuyenvien', DEMO_PASSWORD);
    expect(new Date(session.expiresAt).getTime()).toBe(clock.now().getTime() + 15 * MINUTE);
    clock.advance(15 * MINUTE - 1_000);
    expectOk(await meWith(t, session.accessToken), 'one second before expiry');
    clock.advance(1_000);
    expectUnauthorized(await meWith(t, session.accessToken), 'TOKEN_EXPIRED', 'at expiry');
    const renewed = expectOk(await t.gql(REFRESH, { r: session.refreshToken }), 'refresh after the access token expired').refreshToken;
    expectOk(await meWith(t, renewed.accessToken), 'the renewed access token');
  });
});
