import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('group commit', () => {
  it('writes items that arrive during a write together in the next one', async () => {
    const batches: number[][] = [];
    const writer = new GroupCommit<number, number>({
      flush: async (items) => {
        batches.push(items);
        await new Promise((r) => setTimeout(r, 20));
        return items.map((i) => i * 2);
      },
    });
    const first = writer.submit(1);
    await new Promise((r) => setTimeout(r, 5));
    const rest = [2, 3, 4, 5].map((i) => writer.submit(i));
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('caps batch size', async () => {
    const sizes: number[] = [];
    const writer = new GroupCommit<number, number>({
      maxBatch: 3,
      flush: async (items) => {
        sizes.push(items.length);
        return items;
      },
    });
    await Promise.all(Array.from({ length: 7 }, (_, i) => writer.submit(i)));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('isolates a failing item: the others in its batch still succeed', async () => {
    const writer = new GroupCommit<number, number>({
      flush: async (items) => {
        if (items.includes(13)) throw new Error('bad item');
        return items;
      },
    });
    const results = await Promise.allSettled([1, 13, 2].map((i) => writer.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writer.backlog).toBe(0);
  });

  it('runs up to `concurrency` writes at once, and only one by default', async () => {
    const inFlightPeak = async (concurrency: number | undefined) => {
      let inFlight = 0;
      let peak = 0;
      const writer = new GroupCommit<number, number>({
        concurrency,
        maxBatch: 2,
        flush: async (items) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 10));
          inFlight -= 1;
          return items.map((i) => i + 1);
        },
      });
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => writer.submit(i)));
      expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      return peak;
    };
    expect(await inFlightPeak(undefined)).toBe(1);
    expect(await inFlightPeak(3)).toBe(3);
  });
});
