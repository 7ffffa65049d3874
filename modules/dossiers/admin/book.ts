/**
 * The tracking book (Sổ theo dõi hồ sơ, Mẫu 07) page's rules that need no browser: who may
 * open it and its period in Vietnam time.
 */

/** Who may open a unit's tracking book: its desk keeps it (`dossier.receive`), leaders and supervisors read it (`dossier.supervise`). */
export const BOOK_PERMISSIONS = ['dossier.receive', 'dossier.supervise'] as const;

/** The tracking book's period: calendar days in Vietnam, both inclusive, as `YYYY-MM-DD`. */
export interface DayRange {
  first: string;
  last: string;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000; // Vietnam keeps +07:00 all year (no daylight saving)
const dayOf = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/**
 * The calendar month `now` falls in, in Vietnam (whatever the browser's zone).
 *
 * @example currentMonthInVietnam(new Date('2026-11-30T18:00:00Z')) // { first: '2026-12-01', last: '2026-12-31' }
 */
export function currentMonthInVietnam(now: Date): DayRange {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const [year, month] = [local.getUTCFullYear(), local.getUTCMonth()];
  return { first: dayOf(Date.UTC(year, month, 1)), last: dayOf(Date.UTC(year, month + 1, 0)) };
}

/**
 * The instants the API takes for a period: from the first day's midnight (inclusive) to the
 * midnight after the last day (exclusive), in Vietnam time.
 *
 * @example instantsOf({ first: '2026-03-01', last: '2026-03-31' }) // { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' }
 */
export function instantsOf(range: DayRange): { from: string; to: string } {
  const [year, month, day] = range.last.split('-').map(Number) as [number, number, number];
  const next = dayOf(Date.UTC(year, month - 1, day + 1));
  return { from: `${range.first}T00:00:00+07:00`, to: `${next}T00:00:00+07:00` };
}
