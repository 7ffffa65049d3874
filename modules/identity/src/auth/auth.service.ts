import type { EntityManager } from '@mikro-orm/knex';
import { AppError, appendAudit, type Principal, requirePrincipal, type RequestContext, uuid7 } from '@motcua/kernel/contract';
import { BuiltInRole } from '../roles/built-in-roles.js';
import { Role } from '../roles/role.entity.js';
import { RoleAssignment } from '../roles/role-assignment.entity.js';
import { User, UserKind, UserStatus } from '../staff/user.entity.js';
import { newAccount } from '../staff/new-account.js';
import { loadGrants } from './authenticate.js';
import type { ChangePasswordInput, LoginInput, LoginPayload, MeNode, RegisterCitizenInput } from './auth.types.js';
import { assertPasswordPolicy, DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { Session } from './session.entity.js';
import { randomSecret, sha256, signAccessToken } from './tokens.js';

/** Sign-in policy. Durations in seconds. */
export const AUTH_POLICY = {
  accessTokenTtl: 15 * 60,
  refreshTokenTtl: 30 * 24 * 3600,
  maxFailedLogins: 5,
  lockMinutes: 15,
};

/** The `me` view of a principal. */
export function meOf(principal: Principal, kind: UserKind): MeNode {
  return {
    id: principal.userId,
    username: principal.username,
    fullName: principal.fullName,
    kind,
    agencyId: principal.agencyId,
    grants: principal.grants.map((g) => ({ permission: g.permission, unitId: g.scope.unitId, includeSubtree: g.scope.includeSubtree })),
  };
}

async function issueTokens(ctx: RequestContext, user: User, familyId: string): Promise<LoginPayload> {
  const now = ctx.clock.now();
  const refreshToken = randomSecret();
  const session = ctx.em.create(Session, {
    id: uuid7(now.getTime()),
    user,
    refreshHash: sha256(refreshToken),
    familyId,
    expiresAt: new Date(now.getTime() + AUTH_POLICY.refreshTokenTtl * 1000),
    createdAt: now,
  });
  await ctx.em.flush();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + AUTH_POLICY.accessTokenTtl;
  const principal: Principal = {
    kind: user.kind, userId: user.id, username: user.username, fullName: user.fullName,
    agencyId: user.unit?.id ?? null, sessionId: session.id, grants: await loadGrants(ctx.em, user.id),
  };
  return {
    accessToken: signAccessToken({ sub: user.id, sid: session.id, iat, exp }, ctx.platform.authSecret),
    expiresAt: new Date(exp * 1000),
    refreshToken,
    refreshExpiresAt: session.expiresAt,
    user: meOf(principal, user.kind),
  };
}

/** Counts a failed sign-in after the mutation rolled back; locks the account at the limit. */
function countFailure(ctx: RequestContext, userId: string): void {
  ctx.afterRollback.push(async (em: EntityManager) => {
    const user = await em.findOneOrFail(User, userId);
    user.failedLoginCount += 1;
    if (user.failedLoginCount >= AUTH_POLICY.maxFailedLogins) {
      user.failedLoginCount = 0;
      user.lockedUntil = new Date(ctx.clock.now().getTime() + AUTH_POLICY.lockMinutes * 60_000);
    }
    await em.flush();
  });
}

/**
 * Checks a username and password and opens a session. Unknown users and wrong passwords get
 * the same error and the same timing; five failures in a row lock the account for 15 minutes.
 */
export async function login(ctx: RequestContext, input: LoginInput): Promise<LoginPayload> {
  const user = await ctx.em.findOne(User, { username: input.username.trim().toLowerCase() });
  const now = ctx.clock.now();
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
  }
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    if (user) countFailure(ctx, user.id);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== UserStatus.ACTIVE) throw new AppError('ACCOUNT_DISABLED');
  user.failedLoginCount = 0;
  user.lockedUntil = null;
  const payload = await issueTokens(ctx, user, uuid7(now.getTime()));
  await appendAudit(ctx.em, { actorId: user.id, action: 'identity.login', entityType: 'User', entityId: user.id }, now);
  return payload;
}

/**
 * Exchanges a refresh token for a new token pair. The old token is revoked; presenting an
 * already-revoked token means it was copied, so the whole session family is revoked.
 */
export async function refresh(ctx: RequestContext, refreshToken: string): Promise<LoginPayload> {
  const session = await ctx.em.findOne(Session, { refreshHash: sha256(refreshToken) }, { populate: ['user'] });
  const now = ctx.clock.now();
  if (!session) throw new AppError('TOKEN_INVALID');
  if (session.revokedAt) {
    const familyId = session.familyId;
    ctx.afterRollback.push((em) => em.nativeUpdate(Session, { familyId, revokedAt: null }, { revokedAt: now }).then(() => undefined));
    throw new AppError('TOKEN_INVALID');
  }
  if (session.expiresAt <= now) throw new AppError('TOKEN_EXPIRED');
  const user = session.user.getEntity();
  if (user.status !== UserStatus.ACTIVE) throw new AppError('ACCOUNT_DISABLED');
  session.revokedAt = now;
  return issueTokens(ctx, user, session.familyId);
}

/** Ends the caller's session (or all their sessions); their access tokens stop working at once. */
export async function logout(ctx: RequestContext, everywhere: boolean): Promise<void> {
  const principal = requirePrincipal(ctx);
  if (!principal.sessionId) throw AppError.badInput('everywhere', { vi: 'khoá API không có phiên đăng nhập', en: 'API keys have no session' });
  const now = ctx.clock.now();
  const where = everywhere ? { user: principal.userId, revokedAt: null } : { id: principal.sessionId };
  await ctx.em.nativeUpdate(Session, where, { revokedAt: now });
  await appendAudit(ctx.em, { actorId: principal.userId, action: 'identity.logout', entityType: 'User', entityId: principal.userId, data: { everywhere } }, now);
}

/** Changes the caller's own password; other sessions are signed out. */
export async function changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<void> {
  const principal = requirePrincipal(ctx);
  if (principal.kind === 'API_KEY') throw AppError.forbidden('changePassword', 'User'); // a key is not its owner
  const user = await ctx.em.findOneOrFail(User, principal.userId);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new AppError('INVALID_CREDENTIALS');
  assertPasswordPolicy(input.newPassword, 'newPassword');
  user.passwordHash = await hashPassword(input.newPassword);
  user.updatedAt = ctx.clock.now();
  await ctx.em.nativeUpdate(Session, { user: user.id, revokedAt: null, id: { $ne: principal.sessionId } }, { revokedAt: user.updatedAt });
  await ctx.em.flush();
  await appendAudit(ctx.em, { actorId: user.id, action: 'identity.password.change', entityType: 'User', entityId: user.id }, user.updatedAt);
}

/** Creates a citizen account with the built-in CITIZEN role and signs it in. */
export async function registerCitizen(ctx: RequestContext, input: RegisterCitizenInput): Promise<LoginPayload> {
  const now = ctx.clock.now();
  const user = await newAccount(ctx.em, UserKind.CITIZEN, { ...input, position: null }, null, now);
  const citizenRole = await ctx.em.findOneOrFail(Role, { key: BuiltInRole.CITIZEN, agency: null });
  ctx.em.create(RoleAssignment, { id: uuid7(), user, role: citizenRole, unit: null, includeSubtree: false, createdAt: now });
  await ctx.em.flush();
  await appendAudit(ctx.em, { actorId: user.id, action: 'identity.citizen.register', entityType: 'User', entityId: user.id }, now);
  return issueTokens(ctx, user, uuid7(now.getTime()));
}
