import { useGqlMutation, useGqlQuery } from '@motcua/kernel/admin';
import type { BaseRecord } from '@refinedev/core';
import type { DocumentNode } from 'graphql';
import { useMemo } from 'react';
import { AGENCY_TREE, ME } from './queries';

interface TreeNode { id: string; name: string; children?: TreeNode[] }

/** A GraphQL query of this plugin (see `useGqlQuery`). */
export function useGql<T extends BaseRecord>(document: DocumentNode, variables: Record<string, unknown>, enabled = true) {
  return useGqlQuery<T>('evaluation', document, variables, enabled);
}

export { useGqlMutation };

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
