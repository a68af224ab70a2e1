/** How one item of a batch came out. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Hands items over to `handle` together: those asked for in one turn of the event loop, and those asked for while
 * the batch before was being handled (at most `max` at a time). One batch at a time, so that under load the batches
 * grow rather than queue: the cost of a batch's statements and of its commit is shared by all its items. (On
 * PostgreSQL too: four batches at once filed requests slower than one, decision 012.) `handle` answers each item's
 * outcome, in order.
 */
export function inBatches<I, O>(
  handle: (items: I[]) => Promise<Settled<O>[]>,
  { max }: { max: number },
): (item: I) => Promise<O> {
  const waiting: { item: I; settle: (outcome: Settled<O>) => void }[] = [];
  let scheduled = false;
  let running = false;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    // After the I/O of this turn: every request that arrived with it has asked by then.
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  };

  const flush = async () => {
    running = true;
    const batch = waiting.splice(0, max);
    try {
      const outcomes = await handle(batch.map((w) => w.item));
      batch.forEach((w, i) => w.settle(outcomes[i]));
    } catch (error) {
      for (const w of batch) w.settle({ ok: false, error });
    } finally {
      running = false;
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

/**
 * `inBatches` of `handle` for each database handle it is given (each app has its own), made on first use: what
 * the repositories ask together, such as new requests or lookups made for every request.
 */
export function batchedPer<D extends object, I, O>(
  handle: (db: D, items: I[]) => Promise<Settled<O>[]>,
  { max }: { max: number },
): (db: D, item: I) => Promise<O> {
  const batches = new WeakMap<D, (item: I) => Promise<O>>();
  return (db, item) => {
    let ask = batches.get(db);
    if (!ask) {
      ask = inBatches((items: I[]) => handle(db, items), { max });
      batches.set(db, ask);
    }
    return ask(item);
  };
}

/** Every item of a batch answered: for a batch that succeeds or fails as a whole, like one statement. */
export const allAnswered = <O>(values: O[]): Settled<O>[] =>
  values.map((value) => ({ ok: true, value }));
