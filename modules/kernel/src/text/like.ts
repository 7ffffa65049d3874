import { raw } from '@mikro-orm/core';
import { escapeLike, foldVietnamese } from './fold.js';

/**
 * A MikroORM `$like` condition: the column contains the folded search text. The pattern is
 * escaped and says `escape '\'`, which PostgreSQL assumes and SQLite needs, so `_` and `%` in a
 * search match themselves on both. A raw value (not a raw key), so a where-clause holding it
 * can run twice (rows and count). Typed as a string, as MikroORM types raw fragments.
 *
 * @example
 * qb.where({ searchText: containsFolded('so tu phap') });
 */
export function containsFolded(search: string): { $like: string } {
  return { $like: raw(`? escape '\\'`, [`%${escapeLike(foldVietnamese(search))}%`]) };
}

/** A MikroORM `$like` condition: the column starts with `prefix` taken literally. */
export function startsWith(prefix: string): { $like: string } {
  return { $like: raw(`? escape '\\'`, [`${escapeLike(prefix)}%`]) };
}
