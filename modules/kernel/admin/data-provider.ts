import type { BaseRecord, CrudFilter, CrudSort, DataProvider, GetListParams, Pagination } from '@refinedev/core';
import createDataProvider from '@refinedev/graphql';
import type { AnyVariables, Client, DocumentInput, OperationResult } from '@urql/core';
import { apiErrorFrom } from './errors';

/** The server's largest page. */
export const MAX_PAGE_SIZE = 100;

type Data = Record<string, any>;

/** The value of the operation's one root field (`{ staff: … }` → `…`). */
function rootField(response: OperationResult): any {
  const data: Data = response.data ?? {};
  return data[Object.keys(data)[0]];
}

/** A mutation payload's one entity (`{ createStaff: { staff: … } }` → `…`). */
function payloadEntity(response: OperationResult): BaseRecord {
  const payload: Data = rootField(response) ?? {};
  const keys = Object.keys(payload);
  return keys.length === 1 && typeof payload[keys[0]] === 'object' ? payload[keys[0]] : payload;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Refine filters → the server's typed filter input: each filter's `field` is a field of the
 * resource's `…Filter` input (`search`, `unitId`, `status`…), whose meaning the server defines,
 * so the operator is not sent. Empty values are left out.
 */
export function filterInput(filters: readonly CrudFilter[] = []): Data | undefined {
  const entries = filters.map((filter) => {
    if (!('field' in filter)) throw new Error('Only field filters are supported by the GraphQL API (no and/or groups).');
    return [filter.field, filter.value] as const;
  }).filter(([, value]) => !isEmpty(value));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Refine sorters → `[{ field: FULL_NAME, direction: DESC }]` (fields are the camelCase names of the sort enum). */
export function sortInput(sorters: readonly CrudSort[] = []): Data[] | undefined {
  if (!sorters.length) return undefined;
  return sorters.map(({ field, order }) => ({ field: field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase(), direction: order.toUpperCase() }));
}

/** Refine pagination → `offset`/`limit` (no pagination = the largest page). */
export function pageInput(pagination: Pagination = {}): { offset?: number; limit: number } {
  if (pagination.mode === 'off') return { limit: MAX_PAGE_SIZE };
  const pageSize = pagination.pageSize ?? 20;
  return { offset: ((pagination.currentPage ?? 1) - 1) * pageSize, limit: pageSize };
}

/** The variables of a list query: `offset`, `limit`, `filter`, `sort`, plus `meta.gqlVariables`. */
export function listVariables({ pagination, filters, sorters, meta }: GetListParams): Data {
  return { ...pageInput(pagination), filter: filterInput(filters), sort: sortInput(sorters), ...meta?.gqlVariables };
}

/**
 * A client whose operations reject with an `ApiError` (code + both messages) instead of
 * resolving with urql's error, so Refine and the pages keep the error's code.
 */
function rejectingClient(client: Client): Client {
  const settle = (result: Promise<OperationResult>) => ({
    toPromise: async () => {
      const response = await result;
      if (response.error) throw apiErrorFrom(response.error);
      return response;
    },
  });
  return {
    query: (query: DocumentInput, variables: AnyVariables, context?: object) => settle(client.query(query, variables, context).toPromise()),
    mutation: (query: DocumentInput, variables: AnyVariables, context?: object) => settle(client.mutation(query, variables, context).toPromise()),
  } as unknown as Client;
}

/**
 * Refine's GraphQL data provider fitted to the Motcua API conventions, so plugins only write
 * the operations (in `meta.gqlQuery` / `meta.gqlMutation`):
 * - lists are connections taking `offset`, `limit`, a typed `filter` and `sort`; the page is
 *   `nodes` and the total `totalCount` of the query's one root field;
 * - `getOne` passes `id`; mutations take one `input` (`update` adds `id`; send `version` in
 *   the values) and return a payload whose one entity is the result;
 * - errors are `ApiError`s.
 *
 * @example
 * useTable({ resource: 'staff', meta: { gqlQuery: gql`query($offset: Int, $limit: Int, $filter: StaffFilter, $sort: [StaffSort!]) {
 *   staff(offset: $offset, limit: $limit, filter: $filter, sort: $sort) { nodes { id fullName } totalCount } }` } });
 */
export function createGraphqlDataProvider(client: Client): DataProvider {
  return createDataProvider(rejectingClient(client), {
    getList: { buildVariables: listVariables, dataMapper: (response) => rootField(response).nodes, getTotalCount: (response) => rootField(response).totalCount },
    getOne: { buildVariables: ({ id, meta }) => ({ id, ...meta?.gqlVariables }), dataMapper: rootField },
    create: { buildVariables: ({ variables }) => ({ input: variables }), dataMapper: payloadEntity },
    update: { buildVariables: ({ id, variables }) => ({ input: { id, ...variables } }), dataMapper: payloadEntity },
    deleteOne: { buildVariables: ({ id }) => ({ input: { id } }), dataMapper: (_response, { id }) => ({ id }) },
  });
}
