import { getLanguage } from '@motcua/kernel/admin';

/** The tokens of the signed-in session, kept in localStorage. */
export interface Tokens {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

export const GRAPHQL_PATH = '/graphql';
const SESSION_KEY = 'motcua.session';
const REASON_KEY = 'motcua.signedOutBecause';
const REFRESH = `mutation Refresh($input: RefreshTokenInput!) {
  refreshToken(input: $input) { accessToken expiresAt refreshToken refreshExpiresAt }
}`;

/** The current session's tokens, or null when signed out. */
export function currentTokens(): Tokens | null {
  const stored = localStorage.getItem(SESSION_KEY);
  return stored ? (JSON.parse(stored) as Tokens) : null;
}

export function saveTokens(tokens: Tokens): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(tokens));
  sessionStorage.removeItem(REASON_KEY);
}

/** Forgets the session; `expired` makes the login page say why the user has to sign in again. */
export function clearTokens(reason?: 'expired'): void {
  localStorage.removeItem(SESSION_KEY);
  if (reason) sessionStorage.setItem(REASON_KEY, reason);
}

/** Why the last session ended, if the login page should say so. */
export function signOutReason(): 'expired' | null {
  return sessionStorage.getItem(REASON_KEY) === 'expired' ? 'expired' : null;
}

/** The login page has said it: forget the reason. */
export function forgetSignOutReason(): void {
  sessionStorage.removeItem(REASON_KEY);
}

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for new tokens (single-use); false when the session is gone. */
async function refreshTokens(refreshToken: string): Promise<boolean> {
  try {
    const response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': getLanguage() },
      body: JSON.stringify({ query: REFRESH, variables: { input: { refreshToken } } }),
    });
    const body = await response.json();
    if (!body.data?.refreshToken) return false;
    saveTokens(body.data.refreshToken);
    return true;
  } catch {
    return false;
  }
}

/**
 * `fetch` for the GraphQL client: sends the access token and the language, and when the
 * server answers 401 (token expired or invalid) refreshes the tokens once — one refresh
 * shared by concurrent requests — and retries. When that fails the session is cleared and
 * the 401 is returned, so the caller sees the server's error and signs the user out.
 */
export async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    headers.set('accept-language', getLanguage());
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const used = currentTokens();
  const response = await send(used?.accessToken);
  if (response.status !== 401 || !used) return response;
  const latest = currentTokens();
  if (latest && latest.accessToken !== used.accessToken) return send(latest.accessToken); // refreshed meanwhile
  if (!latest) return response;
  refreshing ??= refreshTokens(latest.refreshToken).finally(() => (refreshing = null));
  if (await refreshing) return send(currentTokens()?.accessToken);
  clearTokens('expired');
  return response;
}
