import type { Logger } from 'pino';

export interface PollingWorkerOptions {
  log: Logger;
  /** How often to look for work when nobody kicks the worker. */
  pollMs: number;
}

/**
 * A loop that processes batches of work until none is left, then sleeps until the next
 * poll or a `kick()`. Never runs two batches at once in one process; across processes the
 * leases keep workers apart. Subclasses implement `processBatch`.
 */
export abstract class PollingWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = true;

  constructor(protected readonly options: PollingWorkerOptions) {}

  /** Handles one batch and returns how many items it handled (0 = nothing due). */
  protected abstract processBatch(): Promise<number>;

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Looks for work now (e.g. right after a transaction that wrote some committed). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.rerun = true;
    else this.schedule(0);
  }

  /** Processes batches until none is due; for tests and the CLI. Returns items handled. */
  async drain(): Promise<number> {
    while (this.running) await this.running;
    let total = 0;
    const draining = (async () => {
      for (let handled = await this.processBatch(); handled > 0; handled = await this.processBatch()) total += handled;
    })();
    this.running = draining.finally(() => (this.running = null)); // the poll loop waits for us
    await this.running;
    return total;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runLoop(), delayMs);
    this.timer.unref();
  }

  private runLoop(): void {
    this.timer = null;
    if (this.running) return this.schedule(this.options.pollMs); // a drain() is in progress
    this.running = this.loopUntilIdle()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'worker batch failed'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        const again = this.rerun;
        this.rerun = false;
        this.schedule(again ? 0 : this.options.pollMs);
      });
  }

  private async loopUntilIdle(): Promise<void> {
    while (!this.stopped && (await this.processBatch()) > 0);
  }
}

/** Exponential back-off: base × 2^(attempt-1), capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
