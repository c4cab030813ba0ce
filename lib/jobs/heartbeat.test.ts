import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withHeartbeat } from './heartbeat';

// Fake timers: the beats are counted against a clock the test moves, not against a loaded machine's.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('withHeartbeat', () => {
  it('beats every interval while the work runs and not after it returned, and returns the work result', async () => {
    let beats = 0;
    const work = deferred<string>();
    const running = withHeartbeat(
      {
        beat: async () => {
          beats += 1;
        },
        intervalMs: 1_000,
      },
      () => work.promise,
    );
    await vi.advanceTimersByTimeAsync(3_500);
    expect(beats).toBe(3);
    work.resolve('done');
    await expect(running).resolves.toBe('done');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(beats).toBe(3);
  });

  it('writes one beat at a time and returns only after the last one landed', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let started = 0;
    let landed = 0;
    const work = deferred<void>();
    const running = withHeartbeat(
      {
        beat: async () => {
          started += 1;
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(2_500);
          inFlight -= 1;
          landed += 1;
        },
        intervalMs: 1_000,
      },
      () => work.promise,
    );
    await vi.advanceTimersByTimeAsync(4_000);
    expect(started).toBe(2);
    work.resolve();
    let returned = false;
    void running.then(() => {
      returned = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    // A beat is still being written: the job's final write must not overtake it.
    expect(returned).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(returned).toBe(true);
    expect(maxInFlight).toBe(1);
    expect(landed).toBe(started);
  });

  it('drops a failed beat and keeps beating; a failing work still rejects', async () => {
    let calls = 0;
    const work = deferred<never>();
    const running = withHeartbeat(
      {
        beat: async () => {
          calls += 1;
          if (calls === 1) throw new Error('database away');
        },
        intervalMs: 1_000,
      },
      () => work.promise,
    );
    const outcome = expect(running).rejects.toThrow('scan failed');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(calls).toBe(3);
    work.reject(new Error('scan failed'));
    await outcome;
  });
});
