/** Lower case without Vietnamese diacritics (`Sở Tư pháp` → `so tu phap`), as the server searches. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Whether every word of `query` occurs in `text`, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldVietnamese(text);
  return foldVietnamese(query).split(/\s+/).filter(Boolean).every((word) => folded.includes(word));
}
