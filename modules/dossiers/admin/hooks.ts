import { useGqlMutation, useGqlQuery } from '@motcua/kernel/admin';
import type { BaseRecord } from '@refinedev/core';
import type { DocumentNode } from 'graphql';

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
