/** How one item of a batch came out. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Hands items over to `handle` together: those asked for in one turn of the event loop, and those asked for while
 * the batches before were being handled (at most `max` at a time). At most `concurrency` batches at a time (one by
 * default), so that under load the batches grow rather than queue: the cost of a batch's statements and of its
 * commit is shared by all its items. `handle` answers each item's outcome, in order.
 */
export function inBatches<I, O>(
  handle: (items: I[]) => Promise<Settled<O>[]>,
  { max, concurrency = 1 }: { max: number; concurrency?: number },
): (item: I) => Promise<O> {
  const waiting: { item: I; settle: (outcome: Settled<O>) => void }[] = [];
  let scheduled = false;
  let running = 0;

  const schedule = () => {
    if (scheduled || running >= concurrency) return;
    scheduled = true;
    // After the I/O of this turn: every request that arrived with it has asked by then.
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  };

  const flush = async () => {
    running += 1;
    const batch = waiting.splice(0, max);
    // More than a batch waiting, or room for another batch: the next one starts now.
    if (waiting.length > 0) schedule();
    try {
      const outcomes = await handle(batch.map((w) => w.item));
      batch.forEach((w, i) => w.settle(outcomes[i]));
    } catch (error) {
      for (const w of batch) w.settle({ ok: false, error });
    } finally {
      running -= 1;
      if (waiting.length > 0) schedule();
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({
        item,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
      });
      schedule();
    });
}
