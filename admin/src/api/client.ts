import { createGraphqlDataProvider } from '@motcua/kernel/admin';
import { Client, fetchExchange } from '@urql/core';
import { authFetch, GRAPHQL_PATH } from '../auth/session';

/** The one GraphQL client: POSTs to the same origin's /graphql, no client cache (Refine caches). */
export const client = new Client({
  url: GRAPHQL_PATH,
  exchanges: [fetchExchange],
  fetch: authFetch,
  preferGetMethod: false,
  requestPolicy: 'network-only',
});

export const dataProvider = createGraphqlDataProvider(client);
