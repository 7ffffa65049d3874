/**
 * Column values differ by driver: SQLite returns dates as epoch milliseconds and booleans
 * as 0/1, PostgreSQL returns Date and boolean. These normalise a raw row value.
 */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
}

export function asOptionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : asDate(value);
}

export function asBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
export function asJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** The id behind a relation value in a row: the id itself, or an entity/reference's `id`. */
export function relationId(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : (value as { id: string }).id;
}
