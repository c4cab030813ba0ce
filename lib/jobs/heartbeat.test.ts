import { describe, expect, it } from 'vitest';
import { withHeartbeat } from './heartbeat';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('withHeartbeat', () => {
  it('beats while the work runs and not after it returned, and returns the work result', async () => {
    let beats = 0;
    const result = await withHeartbeat(
      {
        beat: async () => {
          beats += 1;
        },
        intervalMs: 5,
      },
      async () => {
        await sleep(80);
        return 'done';
      },
    );
    expect(result).toBe('done');
    expect(beats).toBeGreaterThanOrEqual(3);
    const atReturn = beats;
    await sleep(40);
    expect(beats).toBe(atReturn);
  });

  it('writes one beat at a time and returns only after the last one landed', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let landed = 0;
    let started = 0;
    await withHeartbeat(
      {
        beat: async () => {
          started += 1;
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(25);
          inFlight -= 1;
          landed += 1;
        },
        intervalMs: 5,
      },
      () => sleep(60),
    );
    expect(started).toBeGreaterThanOrEqual(1);
    expect(maxInFlight).toBe(1);
    expect(inFlight).toBe(0);
    expect(landed).toBe(started);
  });

  it('drops a failed beat and keeps beating; a failing work still rejects', async () => {
    let calls = 0;
    const work = withHeartbeat(
      {
        beat: async () => {
          calls += 1;
          if (calls === 1) throw new Error('database away');
        },
        intervalMs: 5,
      },
      async () => {
        await sleep(60);
        throw new Error('scan failed');
      },
    );
    await expect(work).rejects.toThrow('scan failed');
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
