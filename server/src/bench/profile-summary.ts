/**
 * Summarises a V8 .cpuprofile (from `BENCH_CPU_PROF=1 pnpm bench`, or `node --cpu-prof`):
 * a per-second timeline of busy (non-idle) time, then self time by package and the top
 * functions by self time, over the whole profile or a window of it (seconds from its start;
 * pick the measured run from the timeline).
 *
 *   node server/dist/bench/profile-summary.js <file.cpuprofile> [--from=<s>] [--to=<s>] [--top=<n>] [--inclusive=<regex>]
 *
 * `--inclusive` adds total (self + callees) time of the functions whose "name [package file:line]"
 * matches the regex, e.g. `--inclusive='motcua|@apollo|mikro-orm|graphql'`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which package (or runtime part) a script URL belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (garbage collector), (program), (idle)
    return '(native)';
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1];
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1];
  const workspace = /\/(modules\/[^/]+|server|migrations)\//.exec(url);
  if (workspace) return `motcua:${workspace[1]}`;
  return url;
}

const keyOf = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
  `${functionName || '(anonymous)'}  [${packageOf(url, functionName)}${url ? ` ${url.split('/').slice(-1)[0]}:${lineNumber + 1}` : ''}]`;

export function summarise(profile: Profile, from = 0, to = Infinity, top = 30, inclusive?: RegExp): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const totalByFunction = new Map<string, number>();
  // timeDeltas[i] is the time between sample i-1 and sample i; attribute it to sample i.
  let time = profile.startTime;
  const busyPerSecond: number[] = [];
  const selfByFunction = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') continue;
    const second = Math.floor((time - profile.startTime) / 1e6);
    busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta;
    if (second < from || second >= to) continue;
    const pkg = packageOf(url, functionName);
    const key = keyOf(node);
    if (inclusive) {
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
        const frameKey = keyOf(byId.get(id)!);
        if (!seen.has(frameKey) && inclusive.test(frameKey)) totalByFunction.set(frameKey, (totalByFunction.get(frameKey) ?? 0) + delta);
        seen.add(frameKey);
      }
    }
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + delta);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + delta);
    total += delta;
  }
  const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
  const timeline = Array.from(busyPerSecond, (v) => Math.round((v ?? 0) / 1e5)).join(' ');
  const window = Number.isFinite(to) || from > 0 ? ` in seconds ${from}..${Number.isFinite(to) ? to : 'end'}` : '';
  const lines = [
    'main-thread busy time per second of the profile, in tenths (10 = saturated):',
    `  ${timeline}`,
    '',
    `busy (non-idle) time: ${(total / 1e6).toFixed(2)} s${window}`,
    '',
    'self time by package:',
  ];
  for (const [pkg, v] of [...selfByPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`  ${pct(v)}  ${pkg}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [fn, v] of [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)}  ${fn}`);
  if (inclusive) {
    lines.push('', `top ${top} functions matching ${inclusive} by total (inclusive) time:`);
    for (const [fn, v] of [...totalByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)}  ${fn}`);
  }
  return lines.join('\n');
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node server/dist/bench/profile-summary.js <file.cpuprofile> [--from=<s>] [--to=<s>] [--top=<n>] [--inclusive=<regex>]');
    process.exit(2);
  }
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const from = Number(option('from') ?? 0);
  const to = option('to') ? Number(option('to')) : Infinity;
  const top = Number(option('top') ?? 30);
  const inclusive = option('inclusive');
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, from, to, top, inclusive ? new RegExp(inclusive) : undefined));
}

main();
