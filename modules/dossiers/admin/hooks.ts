import { type BaseRecord, useCustom, useCustomMutation } from '@refinedev/core';
import { type DocumentNode, print } from 'graphql';
import { useMemo } from 'react';

/** A GraphQL query through Refine's data provider (cached per document and variables). */
export function useGql<T extends BaseRecord>(document: DocumentNode, variables: Record<string, unknown>, enabled = true) {
  const text = useMemo(() => print(document), [document]);
  const { query } = useCustom<T>({
    url: '', method: 'get', meta: { gqlQuery: document, gqlVariables: variables },
    queryOptions: { enabled, queryKey: ['dossiers', text, variables] },
  });
  return { data: query.data?.data as unknown as T | undefined, isLoading: query.isLoading, error: query.error, refetch: () => query.refetch() };
}

/** A GraphQL mutation (no toast: the pages show errors themselves). */
export function useGqlMutation<T extends BaseRecord = BaseRecord>() {
  const { mutateAsync, mutation } = useCustomMutation<T>();
  const run = async (document: DocumentNode, variables: Record<string, unknown>) =>
    (await mutateAsync({ url: '', method: 'post', values: variables, meta: { gqlMutation: document }, successNotification: false, errorNotification: false })).data as T;
  return { run, isPending: mutation.isPending };
}

/** `26/11/2026 09:00` in the instant's own offset (the API sends `+07:00`). */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : value;
}
