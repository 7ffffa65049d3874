import autocannon from 'autocannon';
import { cpuTimeMs } from './children.js';

export interface LoadOptions {
  url: string;
  body: string;
  token: string;
  seconds: number;
  connections: number;
  /** The server's pid, to read its CPU time before and after. */
  pid?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Server process CPU (user + sys, GC threads included) per request, ms. */
  cpuMsPerReq: number | null;
  errors: number;
  non2xx: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * POSTs `body` to `url`/graphql for `seconds` with `connections` keep-alive connections.
 * Latencies are collected per response in ms with sub-ms resolution (autocannon's own
 * histogram rounds to whole ms, too coarse for 1–2 ms answers). Only 2xx responses count.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let bad = 0;
  const instance = autocannon({
    url: `${options.url}/graphql`,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: options.body,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode < 200 || statusCode >= 300) {
      bad++;
      return;
    }
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = responseTime;
  });
  const cpuBefore = options.pid ? cpuTimeMs(options.pid) : null;
  const started = process.hrtime.bigint();
  const result = await instance;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = options.pid ? cpuTimeMs(options.pid) : null;
  const sorted = latencies.subarray(0, count).sort();
  const seconds = Number(result.duration) || elapsed;
  return {
    requests: count,
    seconds,
    rps: count / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMsPerReq: cpuBefore !== null && cpuAfter !== null && count ? (cpuAfter - cpuBefore) / count : null,
    errors: result.errors + result.timeouts,
    non2xx: bad,
  };
}
