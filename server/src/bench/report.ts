import type { Dialect, QueryKey } from './queries.js';
import type { LoadResult } from './load.js';

export type ServerKind = 'ours' | 'baseline';

/** One measured run of one server on one query. */
export interface Sample extends LoadResult {
  database: Dialect;
  query: QueryKey;
  server: ServerKind;
  round: number;
}

/** Medians over the rounds of one (database, query, server). */
export interface Cell {
  database: Dialect;
  query: QueryKey;
  server: ServerKind;
  rounds: number;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p99: number;
  cpuMsPerReq: number | null;
  errors: number;
  non2xx: number;
}

export interface Comparison {
  database: Dialect;
  query: QueryKey;
  ours: Cell;
  baseline: Cell;
  ratio: number;
  target: number;
  pass: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function cellOf(samples: Sample[]): Cell {
  const [first] = samples;
  const cpu = samples.map((s) => s.cpuMsPerReq).filter((v): v is number => v !== null);
  return {
    database: first.database,
    query: first.query,
    server: first.server,
    rounds: samples.length,
    rps: median(samples.map((s) => s.rps)),
    rpsMin: Math.min(...samples.map((s) => s.rps)),
    rpsMax: Math.max(...samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    cpuMsPerReq: cpu.length ? median(cpu) : null,
    errors: samples.reduce((n, s) => n + s.errors, 0),
    non2xx: samples.reduce((n, s) => n + s.non2xx, 0),
  };
}

const fixed = (value: number | null, digits: number) => (value === null || Number.isNaN(value) ? '–' : value.toFixed(digits));

/** The results table, one line per server, the ratio on the "ours" line. */
export function formatTable(comparisons: Comparison[], labels: Record<QueryKey, string>): string {
  const header = ['database', 'query', 'server', 'req/s (min..max)', 'p50 ms', 'p99 ms', 'CPU ms/req', 'ratio', 'target', 'result'];
  const lines: string[][] = [];
  for (const c of comparisons) {
    for (const cell of [c.ours, c.baseline]) {
      const ours = cell.server === 'ours';
      const problems = cell.errors || cell.non2xx ? ` !${cell.errors} err/${cell.non2xx} non-2xx` : '';
      lines.push([
        c.database,
        labels[c.query],
        cell.server,
        `${fixed(cell.rps, 0)} (${fixed(cell.rpsMin, 0)}..${fixed(cell.rpsMax, 0)})${problems}`,
        fixed(cell.p50, 2),
        fixed(cell.p99, 2),
        fixed(cell.cpuMsPerReq, 3),
        ours ? fixed(c.ratio, 3) : '1',
        ours ? `≥ ${c.target.toFixed(2)}` : '',
        ours ? (c.pass ? 'PASS' : 'MISS') : '',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}
