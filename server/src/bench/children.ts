import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A server the bench started, and how to reach it. */
export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  url: string;
  /** The last lines the child wrote to stdout/stderr (for error messages). */
  output: string[];
}

const running = new Set<Child>();

/** SIGKILLs every child still running; safe to call from an `exit` handler. */
export function killAllSync(): void {
  for (const child of running) {
    try {
      child.proc.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node [nodeArgs] script` with `env` (PORT is chosen here) and waits until GET
 * `/healthz` answers 200. Fails with the child's output if it exits or does not become ready.
 */
export async function startChild(name: string, script: string, env: Record<string, string>, options: { nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = { name, proc, pid: proc.pid ?? -1, url: `http://127.0.0.1:${port}`, output: [] };
  running.add(child);
  const keep = (data: Buffer) => {
    child.output.push(...String(data).split('\n').filter(Boolean));
    child.output.splice(0, Math.max(0, child.output.length - 40));
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let exited: string | null = null;
  proc.on('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
    running.delete(child);
  });
  proc.on('error', (error) => {
    exited = `could not start: ${error.message}`;
  });

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${child.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  await stopChild(child);
  throw new Error(`${name} did not start (${exited ?? 'timed out'}):\n  ${child.output.slice(-20).join('\n  ')}`);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  const { proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/** utime + stime of a process in ms (Linux /proc; null elsewhere). */
export function cpuTimeMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks (100/s on Linux)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
