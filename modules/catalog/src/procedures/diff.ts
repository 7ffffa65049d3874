/**
 * Differences between two versions' content, for the admin's diff tab: lists of things with
 * an identity (channels, cases, components, fees, legal basis, results) are matched by it,
 * so a reordered list is no change and a renamed component shows as one change.
 */
import { canonicalJson } from '@motcua/kernel/contract';
import type { ProcedureContent } from './content.js';

export interface ContentChange {
  path: string;
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: string | null;
  after: string | null;
}

/** The identity of list items under a key, e.g. channels by `channel`. */
const IDENTITY: Record<string, string> = {
  channels: 'channel', cases: 'code', components: 'code', fees: 'name', legalBasis: 'number', results: 'name',
};

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

function diffValue(path: string, key: string, a: unknown, b: unknown, out: ContentChange[]): void {
  if (same(a, b)) return;
  const identity = IDENTITY[key];
  if (identity && Array.isArray(a) && Array.isArray(b)) return diffKeyedList(path, identity, a, b, out);
  const objects = a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b) && key !== 'form';
  if (objects) return diffObject(path, a as Record<string, unknown>, b as Record<string, unknown>, out);
  out.push({ path, kind: a === undefined || a === null ? 'ADDED' : b === undefined || b === null ? 'REMOVED' : 'CHANGED', before: json(a), after: json(b) });
}

function diffObject(prefix: string, a: Record<string, unknown>, b: Record<string, unknown>, out: ContentChange[]): void {
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) diffValue(prefix ? `${prefix}.${key}` : key, key, a[key], b[key], out);
}

function diffKeyedList(path: string, identity: string, a: unknown[], b: unknown[], out: ContentChange[]): void {
  const keyed = (items: unknown[]) => new Map(items.map((item) => [String((item as Record<string, unknown>)[identity]), item]));
  const before = keyed(a);
  const after = keyed(b);
  for (const id of [...new Set([...before.keys(), ...after.keys()])]) {
    const itemPath = `${path}[${id}]`;
    if (!before.has(id)) out.push({ path: itemPath, kind: 'ADDED', before: null, after: json(after.get(id)) });
    else if (!after.has(id)) out.push({ path: itemPath, kind: 'REMOVED', before: json(before.get(id)), after: null });
    else diffValue(itemPath, '', before.get(id), after.get(id), out);
  }
}

/**
 * What changed from content `a` to content `b`.
 *
 * @example
 * diffContent(v1, v2);
 * // [{ path: 'channels[ONLINE].limit.value', kind: 'CHANGED', before: '5', after: '3' }]
 */
export function diffContent(a: ProcedureContent, b: ProcedureContent): ContentChange[] {
  const out: ContentChange[] = [];
  diffObject('', a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, out);
  return out;
}
