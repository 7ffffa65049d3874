import { foldVietnamese } from '../src/text/fold';

/** The server's folding (`Sở Tư pháp` → `so tu phap`), so client-side filters match server search. */
export { foldVietnamese };

/** Whether every word of `query` occurs in `text`, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const folded = foldVietnamese(text);
  return foldVietnamese(query).split(/\s+/).filter(Boolean).every((word) => folded.includes(word));
}
