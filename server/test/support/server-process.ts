import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const SERVER_DIR = resolve(__dirname, '../..');

/**
 * Starts the real server (`src/main.ts` from source) in a child process on a free port and
 * resolves once it listens. `env` overrides the test defaults (SQLite in memory, test mode).
 */
export function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'file::memory:', DEMO_SEED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Sends a signal and resolves with the exit code and how long the process took to exit. */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolveExit) => {
    child.once('exit', (code) => resolveExit({ code, ms: Date.now() - started }));
    child.kill(signal);
  });
}
