import { type BaseRecord, useCustom, useCustomMutation } from '@refinedev/core';
import { type DocumentNode, print } from 'graphql';
import { useMemo } from 'react';

/**
 * A GraphQL query through Refine's data provider, cached per `scope` (the plugin's name),
 * document and variables. `data` is undefined until the response arrives (Refine's own
 * `result.data` is `{}` while loading, which pages would mistake for an answer). A `quiet`
 * query shows no error toast: for optional parts of a page the caller may not be allowed to read.
 *
 * @example
 * const { data, isLoading } = useGqlQuery<{ me: { id: string } }>('evaluation', ME, {});
 * const task = useGqlQuery<{ task: Task }>('dossiers', OPEN_TASK, { id }, Boolean(id), { quiet: true });
 */
export function useGqlQuery<T extends BaseRecord>(scope: string, document: DocumentNode, variables: Record<string, unknown>, enabled = true, { quiet = false } = {}) {
  const text = useMemo(() => print(document), [document]);
  const { query } = useCustom<T>({
    url: '', method: 'get', meta: { gqlQuery: document, gqlVariables: variables }, ...(quiet ? { errorNotification: false as const } : {}),
    queryOptions: { enabled, queryKey: [scope, text, variables] },
  });
  return { data: query.data?.data as unknown as T | undefined, isLoading: query.isLoading, error: query.error, refetch: () => query.refetch() };
}

/**
 * A GraphQL mutation through Refine's data provider, without toasts (pages show errors in
 * place, translated).
 *
 * @example
 * const { run, isPending } = useGqlMutation<{ returnResult: { code: string } }>();
 * await run(RETURN_RESULT, { input });
 */
export function useGqlMutation<T extends BaseRecord = BaseRecord>() {
  const { mutateAsync, mutation } = useCustomMutation<T>();
  const run = async (document: DocumentNode, variables: Record<string, unknown>) =>
    (await mutateAsync({ url: '', method: 'post', values: variables, meta: { gqlMutation: document }, successNotification: false, errorNotification: false })).data as T;
  return { run, isPending: mutation.isPending };
}
