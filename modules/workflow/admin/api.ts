import { useCustom, useCustomMutation } from '@refinedev/core';
import type { DocumentNode } from 'graphql';
import { useState } from 'react';

/**
 * Runs one GraphQL query through the data provider (Refine caches it under `key`).
 *
 * @example
 * const { data, query } = useGqlQuery<{ calendars: … }>(CALENDARS, ['workflow', 'calendars']);
 */
export function useGqlQuery<T>(document: DocumentNode, key: readonly unknown[], variables?: Record<string, unknown>, enabled = true) {
  const { query, result } = useCustom({
    url: '',
    method: 'get',
    meta: { gqlQuery: document, gqlVariables: variables },
    queryOptions: { queryKey: ['workflow', ...key], enabled },
  });
  // Before the first answer (or while disabled) Refine gives an empty object, not undefined.
  return { data: query.isSuccess ? (result.data as unknown as T) : undefined, query };
}

/**
 * Runs operations on demand (mutations, or queries such as a simulation), keeping the last
 * error for an ErrorAlert. `run` resolves with the data, or undefined when it failed.
 */
export function useGqlRun() {
  const { mutateAsync, mutation } = useCustomMutation();
  const [error, setError] = useState<unknown>();
  const run = async <T,>(document: DocumentNode, variables: Record<string, unknown>, options: { query?: boolean; success?: string } = {}): Promise<T | undefined> => {
    setError(undefined);
    try {
      const response = await mutateAsync({
        url: '',
        method: 'post',
        values: variables,
        meta: options.query ? { gqlQuery: document } : { gqlMutation: document },
        successNotification: options.success ? { type: 'success', message: options.success } : false,
        errorNotification: false,
      });
      return response.data as T;
    } catch (failure) {
      setError(failure);
      return undefined;
    }
  };
  return { run, error, clearError: () => setError(undefined), pending: mutation.isPending };
}
