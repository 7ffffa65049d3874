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
