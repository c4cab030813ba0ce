import { describe, expect, it } from 'vitest';
import type { UsageSnapshot } from '@/lib/graph/usage';
import { Throttle } from './throttle';

function clock() {
  let now = 1_000;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    slept,
  };
}

const usage = (maxPercent: number | null): UsageSnapshot => ({
  app: null,
  businessUseCase: null,
  regainAccessMinutes: null,
  maxPercent,
  receivedAt: 0,
});

describe('Throttle', () => {
  it('lets calls through at once while usage is below the threshold', async () => {
    const c = clock();
    const throttle = new Throttle({ now: c.now, sleep: c.sleep });
    throttle.observe(usage(79));
    await Promise.all([throttle.ready(), throttle.ready(), throttle.ready()]);
    expect(c.slept).toEqual([]);
    expect(throttle.stats.peakUsagePercent).toBe(79);
  });

  it('spaces calls out once usage reaches 80 %, whatever the concurrency, until usage drops', async () => {
    const c = clock();
    const slept: number[] = [];
    // Callers arrive together: the clock does not move while they wait.
    const throttle = new Throttle({ now: c.now, sleep: async (ms) => void slept.push(ms), slowDelayMs: 500 });
    throttle.observe(usage(85));
    expect(throttle.slowedDown).toBe(true);
    const waits = [throttle.ready(), throttle.ready(), throttle.ready()];
    await Promise.all(waits);
    // From the moment usage crossed 80 %, one call per 500 ms.
    expect(slept).toEqual([500, 1000, 1500]);
    expect(throttle.stats.throttledMs).toBe(1500);
    // A lower figure right away (a response that was already in flight) does not end the slow-down…
    throttle.observe(usage(40));
    expect(throttle.slowedDown).toBe(true);
    // …lower figures after the hold period do.
    c.advance(20_000);
    throttle.observe(usage(40));
    expect(throttle.slowedDown).toBe(false);
    await throttle.ready();
    expect(slept).toHaveLength(3);
  });

  it('starts slow when another instance recorded usage past 80 %, and asks again only every interval', async () => {
    const c = clock();
    const shared: (number | null)[] = [90, 10];
    let asked = 0;
    const throttle = new Throttle({
      now: c.now,
      sleep: c.sleep,
      slowDelayMs: 500,
      slowHoldMs: 1_000,
      sharedEveryMs: 5_000,
      sharedUsage: async () => {
        asked += 1;
        return shared.shift() ?? null;
      },
    });
    // This process has made no call yet: the shared figure alone makes even the first call wait.
    await throttle.ready();
    expect(throttle.slowedDown).toBe(true);
    expect(c.slept).toEqual([500]);
    expect(throttle.stats.peakUsagePercent).toBe(90);
    await throttle.ready();
    expect(asked).toBe(1);
    // Five seconds on, the shared figure is low again and the hold has passed: calls flow freely.
    c.advance(5_000);
    await throttle.ready();
    expect(asked).toBe(2);
    expect(throttle.slowedDown).toBe(false);
  });

  it('treats a failing shared read as no advice', async () => {
    const c = clock();
    const throttle = new Throttle({
      now: c.now,
      sleep: c.sleep,
      sharedUsage: async () => {
        throw new Error('database down');
      },
    });
    await throttle.ready();
    expect(throttle.slowedDown).toBe(false);
    expect(c.slept).toEqual([]);
  });

  it('pauses every caller after a rate-limit error, doubling while they repeat', async () => {
    const c = clock();
    const throttle = new Throttle({ now: c.now, sleep: c.sleep, backoffBaseMs: 100 });
    expect(await throttle.backOff(null)).toBe(true);
    expect(await throttle.backOff(null)).toBe(true);
    expect(c.slept).toEqual([100, 200]);
    expect(throttle.stats.backoffs).toBe(2);
    throttle.succeeded();
    expect(await throttle.backOff(null)).toBe(true);
    expect(c.slept.at(-1)).toBe(100);
  });

  it('waits out a short announced wait and refuses one longer than its patience', async () => {
    const c = clock();
    const throttle = new Throttle({ now: c.now, sleep: c.sleep, backoffBaseMs: 10, maxWaitMs: 30_000 });
    expect(await throttle.backOff(20)).toBe(true);
    expect(c.slept).toEqual([20_000]);
    expect(await throttle.backOff(120)).toBe(false);
    expect(c.slept).toHaveLength(1);
  });

  it('holds callers that arrive during a pause until it ends', async () => {
    const slept: number[] = [];
    const now = 5_000;
    const throttle = new Throttle({
      now: () => now,
      sleep: async (ms) => void slept.push(ms),
      backoffBaseMs: 300,
    });
    await throttle.backOff(null);
    await throttle.ready();
    expect(slept).toEqual([300, 300]);
    // Wall time held back, not the sum of every caller's wait.
    expect(throttle.stats.throttledMs).toBe(300);
  });
});
