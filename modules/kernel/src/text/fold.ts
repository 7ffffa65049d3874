import { raw } from '@mikro-orm/core';

/**
 * Folds Vietnamese text for search: lower case, diacritics removed, `đ` → `d`, runs of
 * whitespace collapsed. Stored beside searchable columns and applied to queries, so
 * `giay phep lai xe` finds `Giấy phép lái xe` identically on SQLite and PostgreSQL.
 *
 * @example
 * foldVietnamese('  Sở Tư pháp  Đà Nẵng') // 'so tu phap da nang'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `escape '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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
