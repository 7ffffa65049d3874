/**
 * Assertions every module's integration tests share: a GraphQL operation succeeded, or it was
 * refused with a typed bilingual error and wrote nothing. They throw node's AssertionError, so
 * they work under any test runner without the server depending on one.
 */
import assert from 'node:assert/strict';
import type { GraphqlResult, TestApp } from './index.js';

export type GraphqlError = NonNullable<GraphqlResult['errors']>[number];

/** Letters that only Vietnamese text has (precomposed diacritics, đ). */
const VIETNAMESE_LETTER = /[À-ỹ]/;

/**
 * Asserts the operation succeeded and returns its data.
 *
 * @example
 * const { me } = expectOk(await t.gql('{ me { fullName } }', {}, { token }), 'me');
 */
export function expectOk<T = any>(result: GraphqlResult<T>, label = 'operation'): T {
  assert.equal(result.errors, undefined, `${label} failed: ${JSON.stringify(result.errors)}`);
  assert.equal(result.status, 200, `${label}: HTTP status`);
  return result.data as T;
}

/**
 * Asserts the operation was refused with exactly `code`, with a Vietnamese and an English
 * message, and that no data came back for it. Returns the error for further checks.
 *
 * @example
 * expectRefused(await t.gql(CREATE, { input }), 'UNAUTHENTICATED', 'anonymous create');
 */
export function expectRefused(result: GraphqlResult, code: string, label = 'operation'): GraphqlError {
  const codes = result.errors?.map((error) => error.extensions.code);
  assert.deepEqual(codes, [code], `${label}: expected ${code}, got ${JSON.stringify(result.errors ?? result.data)}`);
  const [error] = result.errors!;
  assert.match(error.extensions.messages.vi, VIETNAMESE_LETTER, `${label}: Vietnamese message`);
  assert.match(error.extensions.messages.en, /\w/, `${label}: English message`);
  for (const [field, value] of Object.entries(result.data ?? {})) assert.equal(value, null, `${label}: ${field} must carry no data`);
  return error;
}

/** Row-count assertions over the tables a module writes to. */
export interface WriteCounter {
  /** Runs `action` and reports how many rows each table gained or lost (unchanged tables left out). */
  rowsWrittenBy<T>(t: TestApp, action: () => Promise<T>): Promise<{ result: T; written: Record<string, number> }>;
  /** Runs an operation that must be refused with `code` and must write no row; returns the error. */
  expectRefusedWithoutWrites(t: TestApp, code: string, label: string, action: () => Promise<GraphqlResult>): Promise<GraphqlError>;
}

/**
 * Builds the write assertions for a module's tables.
 *
 * @example
 * export const { rowsWrittenBy, expectRefusedWithoutWrites } =
 *   writeCounter(['catalog_procedure', 'kernel_audit', 'kernel_outbox']);
 */
export function writeCounter(tables: readonly string[]): WriteCounter {
  async function rowsWrittenBy<T>(t: TestApp, action: () => Promise<T>) {
    const before = await t.count(...tables);
    const result = await action();
    const after = await t.count(...tables);
    const written = Object.fromEntries(tables.filter((table) => after[table] !== before[table]).map((table) => [table, after[table] - before[table]]));
    return { result, written };
  }
  return {
    rowsWrittenBy,
    async expectRefusedWithoutWrites(t, code, label, action) {
      const { result, written } = await rowsWrittenBy(t, action);
      const error = expectRefused(result, code, label);
      assert.deepEqual(written, {}, `${label}: a refused operation wrote rows`);
      return error;
    },
  };
}
