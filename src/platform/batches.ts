// Draining a claimed queue (an outbox): claim a batch, handle its rows with a few workers at once,
// claim again, until a claim comes back empty or the run's time budget is spent. What a row is,
// how it is claimed (leases, order rules) and what handling it means is the caller's.

export interface DrainOptions {
  /** rows of one batch handled at the same time */
  readonly concurrency: number;
  /** no new batch is claimed once the run has taken this long */
  readonly budgetMs: number;
}

/** Handles every row of each claimed batch (at most `concurrency` at once) until none is claimed or the budget is spent. */
export async function drainBatches<Row>(claim: () => Promise<readonly Row[]>, handle: (row: Row) => Promise<void>, options: DrainOptions): Promise<void> {
  const started = performance.now();
  for (;;) {
    const batch = await claim();
    let next = 0;
    const worker = async () => {
      for (let row = batch[next++]; row !== undefined; row = batch[next++]) await handle(row);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, batch.length) }, worker));
    if (batch.length === 0 || performance.now() - started > options.budgetMs) return;
  }
}
