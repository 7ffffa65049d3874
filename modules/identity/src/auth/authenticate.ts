import type { EntityManager } from '@mikro-orm/knex';
import { type Authenticator, type Grant, type GrantScope, GLOBAL_SCOPE, type Principal, type PrincipalKind } from '@motcua/kernel/contract';
import { AppError, queryPrepared } from '@motcua/kernel/contract';
import { timingSafeEqual } from 'node:crypto';
import { sha256, verifyAccessToken } from './tokens.js';

/** API keys look like `mc_<8 chars>.<secret>`; the prefix finds the row. */
export const API_KEY_PATTERN = /^(mc_[A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{20,})$/;

interface PrincipalRow {
  id: string;
  username: string;
  full_name: string;
  kind: PrincipalKind;
  unit_id: string | null;
}

interface GrantRow {
  permissions: string | string[];
  unit_id: string | null;
  path: string | null;
  include_subtree: boolean | number;
}

// Raw SQL on purpose: this runs on every request, and hydrating entities here would cost
// more than the query (see docs/architecture.md, "read path").
const SESSION_USER_SQL =
  'select u.id, u.username, u.full_name, u.kind, u.unit_id from identity_session s join identity_user u on u.id = s.user_id ' +
  "where s.id = ? and s.user_id = ? and s.revoked_at is null and u.status = 'ACTIVE'";
const GRANTS_SQL =
  'select r.permissions, ra.unit_id, a.path, ra.include_subtree from identity_role_assignment ra ' +
  'join identity_role r on r.id = ra.role_id left join identity_agency a on a.id = ra.unit_id where ra.user_id = ?';

function parsePermissions(value: string | string[]): string[] {
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
}

function scopeOf(row: { unit_id: string | null; path: string | null; include_subtree: boolean | number }): GrantScope {
  if (!row.unit_id) return GLOBAL_SCOPE;
  return { global: false, unitId: row.unit_id, unitPath: row.path, includeSubtree: Boolean(row.include_subtree) };
}

/** The grants of every role assigned to a user, each in its assignment's scope. */
export async function loadGrants(em: EntityManager, userId: string): Promise<Grant[]> {
  const rows = await queryPrepared<GrantRow>(em, GRANTS_SQL, [userId]);
  return rows.flatMap((row) => parsePermissions(row.permissions).map((permission) => ({ permission, scope: scopeOf(row) })));
}

function principalOf(row: PrincipalRow, grants: Grant[], sessionId: string | null, kind: PrincipalKind = row.kind): Principal {
  return { kind, userId: row.id, username: row.username, fullName: row.full_name, agencyId: row.unit_id, sessionId, grants };
}

async function fromAccessToken(token: string, em: EntityManager, secret: Buffer, nowMs: number): Promise<Principal> {
  const claims = verifyAccessToken(token, secret, nowMs);
  const [row] = await queryPrepared<PrincipalRow>(em, SESSION_USER_SQL, [claims.sid, claims.sub]);
  if (!row) throw new AppError('TOKEN_EXPIRED'); // logged out, rotated away, or account disabled
  return principalOf(row, await loadGrants(em, row.id), claims.sid);
}

interface ApiKeyRow extends PrincipalRow {
  secret_hash: string;
  permissions: string | string[];
  key_unit_id: string;
  path: string;
  include_subtree: boolean | number;
}

const API_KEY_SQL =
  'select k.secret_hash, k.permissions, k.unit_id as key_unit_id, k.include_subtree, a.path, u.id, u.username, u.full_name, u.kind, u.unit_id ' +
  'from identity_api_key k join identity_user u on u.id = k.owner_id join identity_agency a on a.id = k.unit_id ' +
  "where k.prefix = ? and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?) and u.status = 'ACTIVE'";

async function fromApiKey(prefix: string, secret: string, em: EntityManager, now: Date): Promise<Principal> {
  const [row] = await em.execute<ApiKeyRow[]>(API_KEY_SQL, [prefix, em.getPlatform().processDateProperty(now)]);
  const expected = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(Buffer.from(sha256(secret), 'hex'), expected);
  if (!row || !matches) throw new AppError('TOKEN_INVALID');
  const scope = scopeOf({ unit_id: row.key_unit_id, path: row.path, include_subtree: row.include_subtree });
  const grants = parsePermissions(row.permissions).map((permission) => ({ permission, scope }));
  return principalOf(row, grants, null, 'API_KEY');
}

/**
 * Establishes the principal from `Authorization: Bearer <access token | API key>`.
 * No header means anonymous (null); a malformed, forged or expired credential is an error
 * rather than a silent downgrade to anonymous.
 */
export const authenticate: Authenticator = async (authorization, { em, clock, platform }) => {
  if (!authorization) return null;
  const [scheme, credential] = authorization.split(' ', 2);
  if (scheme?.toLowerCase() !== 'bearer' || !credential) throw new AppError('TOKEN_INVALID');
  const apiKey = API_KEY_PATTERN.exec(credential);
  if (apiKey) return fromApiKey(apiKey[1], apiKey[2], em, clock.now());
  return fromAccessToken(credential, em, platform.authSecret, clock.now().getTime());
};
