import { type BaseRecord, useCustom, useCustomMutation } from '@refinedev/core';
import { type DocumentNode, print } from 'graphql';
import { useMemo } from 'react';
import { AGENCY_TREE, ME } from './queries';

interface TreeNode { id: string; name: string; children?: TreeNode[] }

/** A GraphQL query through Refine's data provider (cached per document and variables). */
export function useGql<T extends BaseRecord>(document: DocumentNode, variables: Record<string, unknown>, enabled = true) {
  const text = useMemo(() => print(document), [document]);
  const { query } = useCustom<T>({
    url: '', method: 'get', meta: { gqlQuery: document, gqlVariables: variables },
    queryOptions: { enabled, queryKey: ['evaluation', text, variables] },
  });
  // `result.data` is `{}` while loading; the query's own data is undefined until the response arrives.
  return { data: query.data?.data as unknown as T | undefined, isLoading: query.isLoading, error: query.error, refetch: () => query.refetch() };
}

/** A GraphQL mutation with Refine's data provider (no toast: the pages show errors themselves). */
export function useGqlMutation<T extends BaseRecord = BaseRecord>() {
  const { mutateAsync, mutation } = useCustomMutation<T>();
  const run = async (document: DocumentNode, variables: Record<string, unknown>) =>
    (await mutateAsync({ url: '', method: 'post', values: variables, meta: { gqlMutation: document }, successNotification: false, errorNotification: false })).data as T;
  return { run, isPending: mutation.isPending };
}

/** Names of every agency and unit (public tree), by id. */
export function useUnitNames(): Map<string, string> {
  const { data } = useGql<{ agencyTree: TreeNode[] }>(AGENCY_TREE, {});
  return useMemo(() => {
    const names = new Map<string, string>();
    const walk = (nodes: TreeNode[] = []) => nodes.forEach((node) => { names.set(node.id, node.name); walk(node.children); });
    walk(data?.agencyTree);
    return names;
  }, [data]);
}

/** The signed-in user's id. */
export function useMyId(): string | undefined {
  return useGql<{ me: { id: string } }>(ME, {}).data?.me.id;
}
