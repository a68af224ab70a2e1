import { inBatches } from '../../server/db/batches';

/** server/db/batches.ts: what is asked for together is handled together, a batch (or a few) at a time. */
describe('inBatches', () => {
  /** A handler whose batches end when the test says, and a record of the batches it was given. */
  function recorder() {
    const batches: number[][] = [];
    const ends: (() => void)[] = [];
    const handle = async (items: number[]) => {
      batches.push(items);
      await new Promise<void>((resolve) => ends.push(resolve));
      return items.map((item) =>
        item < 0
          ? { ok: false as const, error: new Error(`no ${item}`) }
          : { ok: true as const, value: item * 10 },
      );
    };
    return { batches, ends, handle };
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('hands what is asked in one turn over at once, and what comes meanwhile in the next batch', async () => {
    const { batches, ends, handle } = recorder();
    const ask = inBatches(handle, { max: 10 });
    const first = [1, 2, 3].map(ask);
    await turn();
    const second = [4, -5].map(ask);
    await turn();
    expect(batches).toEqual([[1, 2, 3]]);
    ends[0]();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await turn();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, -5],
    ]);
    ends[1]();
    const settled = await Promise.allSettled(second);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
  });

  it('takes at most `max` in a batch', async () => {
    const { batches, ends, handle } = recorder();
    const ask = inBatches(handle, { max: 2 });
    const all = [1, 2, 3].map(ask);
    await turn();
    expect(batches).toEqual([[1, 2]]);
    ends[0]();
    await turn();
    await turn();
    expect(batches).toEqual([[1, 2], [3]]);
    ends[1]();
    expect(await Promise.all(all)).toEqual([10, 20, 30]);
  });

  it('fails every item of a batch whose handler throws', async () => {
    const ask = inBatches<number, number>(
      async () => {
        throw new Error('the commit failed');
      },
      { max: 10 },
    );
    const settled = await Promise.allSettled([1, 2].map(ask));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
