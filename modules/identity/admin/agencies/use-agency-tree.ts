import type { UnitRef } from '@motcua/kernel/admin';
import { useCustom } from '@refinedev/core';
import { useMemo } from 'react';
import { AGENCY_TREE } from './queries';

export type AgencyKind = 'MINISTRY' | 'PROVINCE' | 'DEPARTMENT' | 'SERVICE_CENTER' | 'UNIT' | 'COMMUNE';

export interface AgencyNode {
  id: string;
  name: string;
  shortName: string | null;
  code: string;
  kind: AgencyKind;
  parentId: string | null;
  active: boolean;
  children?: AgencyNode[];
}

/** A unit of the tree with where it sits. */
export interface LocatedAgency extends UnitRef {
  agency: AgencyNode;
}

export interface AgencyTree {
  roots: AgencyNode[];
  /** Every unit by id, with its ancestors. */
  byId: ReadonlyMap<string, LocatedAgency>;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
}

function locate(nodes: AgencyNode[], ancestorIds: string[], into: Map<string, LocatedAgency>): void {
  for (const agency of nodes) {
    into.set(agency.id, { id: agency.id, ancestorIds, agency });
    locate(agency.children ?? [], [...ancestorIds, agency.id], into);
  }
}

/** The organisation tree (public; cached for a minute and shared by every page that needs it). */
export function useAgencyTree(): AgencyTree {
  const { query, result } = useCustom<{ agencyTree: AgencyNode[] }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: AGENCY_TREE },
    queryOptions: { staleTime: 60_000, queryKey: ['identity', 'agencyTree'] },
  });
  const roots = result.data?.agencyTree;
  const byId = useMemo(() => {
    const map = new Map<string, LocatedAgency>();
    locate(roots ?? [], [], map);
    return map;
  }, [roots]);
  return { roots: roots ?? [], byId, isLoading: query.isLoading, error: query.error, refetch: () => void query.refetch() };
}
