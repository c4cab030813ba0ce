import { describe, expect, it } from 'vitest';
import { runOnce, settled } from './runs';

function deferred() {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('runOnce', () => {
  it('joins a run already going in this process instead of starting a second', async () => {
    const gate = deferred();
    let started = 0;
    const run = () => {
      started += 1;
      return gate.promise;
    };
    const first = runOnce('job-1', run);
    const second = runOnce('job-1', run);
    expect(second).toBe(first);
    expect(settled('job-1')).toBe(first);
    gate.resolve();
    await first;
    expect(started).toBe(1);
  });

  it('settles without rejecting when the run fails, and forgets it so the job can run again', async () => {
    const gate = deferred();
    const run = runOnce('job-2', () => gate.promise);
    gate.reject(new Error('boom'));
    await expect(run).resolves.toBeUndefined();
    await expect(settled('job-2')).resolves.toBeUndefined();
    let again = 0;
    await runOnce('job-2', async () => {
      again += 1;
    });
    expect(again).toBe(1);
  });

  it('keeps different jobs apart', async () => {
    const gate = deferred();
    const a = runOnce('job-a', () => gate.promise);
    let ranB = false;
    await runOnce('job-b', async () => {
      ranB = true;
    });
    expect(ranB).toBe(true);
    gate.resolve();
    await a;
  });
});
