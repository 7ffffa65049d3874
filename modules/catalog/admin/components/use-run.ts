import { useCustomMutation } from '@refinedev/core';
import type { DocumentNode } from 'graphql';

/**
 * Runs a GraphQL mutation and resolves with its data (rejects with an `ApiError`); no
 * notification, so the page shows the outcome where the user looks.
 *
 * @example
 * const { run, running } = useRun();
 * await run(PUBLISH_VERSION, { input: { versionId, effectiveFrom } });
 */
export function useRun() {
  const { mutateAsync, mutation } = useCustomMutation();
  const run = async <T = Record<string, any>>(gqlMutation: DocumentNode, values: Record<string, unknown>): Promise<T> => {
    const response = await mutateAsync({ url: '', method: 'post', values, meta: { gqlMutation }, successNotification: false, errorNotification: false });
    return response.data as T;
  };
  return { run, running: mutation.isPending };
}
