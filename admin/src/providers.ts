import { QueryClient } from '@tanstack/react-query';
import { createAccessControlProvider } from './access/access-control';
import { client, dataProvider } from './api/client';
import { createAuthProvider } from './auth/auth-provider';
import { translate } from './i18n';
import { plugins } from './plugins';

/** Refine's query cache, cleared whenever the signed-in user changes. */
export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

export const authProvider = createAuthProvider({ client, translate, onSessionChange: () => queryClient.clear() });

export const accessControlProvider = createAccessControlProvider(plugins, async () => (await authProvider.me()).grants);

export { dataProvider };
