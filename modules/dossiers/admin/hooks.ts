import { useGqlMutation, useGqlQuery } from '@motcua/kernel/admin';
import type { BaseRecord } from '@refinedev/core';
import type { DocumentNode } from 'graphql';
import { useMemo } from 'react';
import { AGENCY_TREE } from './queries';

/** A GraphQL query of this plugin (see `useGqlQuery`). */
export function useGql<T extends BaseRecord>(document: DocumentNode, variables: Record<string, unknown>, enabled = true, options: { quiet?: boolean } = {}) {
  return useGqlQuery<T>('dossiers', document, variables, enabled, options);
}

export { useGqlMutation };

/** `26/11/2026 09:00` in the instant's own offset (the API sends `+07:00`). */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : value;
}

/** An agency or unit of the public organisation tree. */
export interface AgencyTreeNode { id: string; name: string; children?: AgencyTreeNode[] }

/**
 * The organisation tree (public) and every agency's and unit's name by id, for pickers and
 * for naming the ids the API returns.
 *
 * @example
 * const { roots, names } = useAgencyTree();
 * names.get(offering.agencyId) // 'Sở Tư pháp'
 */
export function useAgencyTree(): { roots: AgencyTreeNode[]; names: ReadonlyMap<string, string> } {
  const { data } = useGql<{ agencyTree: AgencyTreeNode[] }>(AGENCY_TREE, {});
  return useMemo(() => {
    const names = new Map<string, string>();
    const walk = (nodes: AgencyTreeNode[] = []) => nodes.forEach((node) => { names.set(node.id, node.name); walk(node.children); });
    walk(data?.agencyTree);
    return { roots: data?.agencyTree ?? [], names };
  }, [data]);
}
