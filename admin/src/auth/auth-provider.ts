import { apiErrorFrom, gql, isApiError, type Grant, type Translator } from '@motcua/kernel/admin';
import type { AuthProvider } from '@refinedev/core';
import type { Client } from '@urql/core';
import { clearTokens, currentTokens, saveTokens } from './session';

/** The signed-in user, as the layout and dashboard show it. */
export interface Me {
  id: string;
  username: string;
  fullName: string;
  kind: 'STAFF' | 'CITIZEN';
  position: string | null;
  agencyId: string | null;
  agency: { id: string; name: string } | null;
  grants: Grant[];
}

const ME_FIELDS = 'id username fullName kind position agencyId agency { id name } grants { permission unitId includeSubtree }';
const ME = gql`query Me { me { ${ME_FIELDS} } }`;
const LOGIN = gql`mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken expiresAt refreshToken refreshExpiresAt user { ${ME_FIELDS} } }
}`;
const LOGOUT = gql`mutation Logout { logout { ok } }`;

export interface AuthProviderDeps {
  client: Client;
  translate: Translator;
  /** Called when a different user may be signed in: drop every cached answer. */
  onSessionChange: () => void;
}

/**
 * Refine's auth provider on the server's `login` / `refreshToken` / `logout` / `me`:
 * tokens in localStorage (refreshed by `authFetch`), `me` loaded once per session and used
 * for the identity and the permissions (`me.grants`), and sign-out when an API call says the
 * session is gone.
 */
export function createAuthProvider({ client, translate, onSessionChange }: AuthProviderDeps): AuthProvider & { me(): Promise<Me> } {
  let me: Promise<Me> | null = null;

  const loadMe = (): Promise<Me> => {
    if (me) return me;
    const loading = client.query(ME, {}).toPromise().then(({ data, error }) => {
      if (error) throw apiErrorFrom(error);
      return data.me as Me;
    });
    loading.catch(() => me === loading && (me = null)); // a failure is not remembered
    me = loading;
    return loading;
  };
  const loginError = (message: string) => ({ success: false, error: { name: translate('login.failed'), message } });

  return {
    me: loadMe,
    async login({ username, password }: { username: string; password: string }) {
      const { data, error } = await client.mutation(LOGIN, { input: { username: username.trim(), password } }).toPromise();
      if (error) return loginError(apiErrorFrom(error).message);
      const { user, ...tokens } = data.login;
      saveTokens(tokens);
      if (user.kind !== 'STAFF') {
        await client.mutation(LOGOUT, {}).toPromise();
        clearTokens();
        return loginError(translate('login.staffOnly'));
      }
      onSessionChange();
      me = Promise.resolve(user as Me);
      return { success: true, redirectTo: '/' };
    },
    async logout() {
      if (currentTokens()) await client.mutation(LOGOUT, {}).toPromise();
      clearTokens();
      me = null;
      onSessionChange();
      return { success: true, redirectTo: '/login' };
    },
    async check() {
      if (!currentTokens()) return { authenticated: false, redirectTo: '/login' };
      try {
        await loadMe();
        return { authenticated: true };
      } catch (error) {
        if (isApiError(error) && error.endsSession) clearTokens('expired');
        return { authenticated: false, redirectTo: '/login', error: error as Error };
      }
    },
    async onError(error: unknown) {
      if (!isApiError(error) || !error.endsSession) return {};
      clearTokens('expired');
      me = null;
      return { logout: true, redirectTo: '/login' };
    },
    getIdentity: loadMe,
    getPermissions: async () => (await loadMe()).grants,
  };
}
