import { useCustom } from '@refinedev/core';
import { type Sector, SECTORS } from '../queries';

/** The sector code list (lĩnh vực), loaded once and cached. */
export function useSectors(): Sector[] {
  const { result } = useCustom<{ procedureSectors: Sector[] }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: SECTORS },
    queryOptions: { queryKey: ['catalog', 'sectors'], staleTime: Infinity },
  });
  return result.data?.procedureSectors ?? [];
}
