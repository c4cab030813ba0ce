/**
 * Client ↔ sandbox under injected faults: transient failures are retried then succeed, persistent ones give
 * up with a clear GraphError inside the retry budget, and rate limits are waited out or fail fast.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { graphFailure as failure } from './test-helpers/graph-failure';
import { withSandbox } from './test-helpers/sandbox';

const h = withSandbox();

beforeEach(async () => {
  await h.reset();
  await h.clearFaults();
});

const wabaId = () => h.fixture.scenarios.sharedWaba.wabaId;

describe('transient faults', () => {
  it.each(['http500', 'code2', 'code80008'] as const)(
    'retries %s twice, then succeeds',
    async (faultKind) => {
      await h.faults({ faultKind, count: 2 });
      const retries: number[] = [];
      const graph = h.client(0, { onRetry: ({ retry }) => retries.push(retry) });
      const waba = await graph.getWaba(wabaId());
      expect(waba.id).toBe(wabaId());
      expect(retries).toEqual([1, 2]);
      const calls = (await h.calls()).filter((c) => c.path.endsWith(`/${wabaId()}`));
      expect(calls.map((c) => c.status)).toEqual([calls[0]?.status, calls[1]?.status, 200]);
      expect(calls[0]?.status).not.toBe(200);
    },
  );

  it('gives up with a clear GraphError when faults persist', async () => {
    await h.faults({ faultKind: 'code2', faultRate: 1 });
    const error = await failure(h.client(0, { maxRetries: 2 }).getWaba(wabaId()));
    expect(error).toMatchObject({ code: 2, isTransient: true, attempts: 3 });
    expect(error.message).toMatch(
      new RegExp(`^Graph GET /${wabaId()} failed: .+\\(gave up after 3 attempts\\)$`),
    );
    expect((await h.calls()).length).toBe(3);
  });

  it('bounds the total retry time even with many retries allowed', async () => {
    await h.faults({ faultKind: 'http500', faultRate: 1 });
    const graph = h.client(0, {
      maxRetries: 50,
      retryBaseDelayMs: 40,
      maxRetryDelayMs: 300,
      random: () => 1,
    });
    const started = Date.now();
    const error = await failure(graph.getWaba(wabaId()));
    const elapsed = Date.now() - started;
    expect(error.message).toMatch(/retry time budget used up/);
    // Uncapped, 50 retries with doubling waits would run for minutes.
    expect(elapsed).toBeLessThan(3_000);
    expect(error.attempts).toBeLessThan(10);
  });

  it('does not retry non-transient errors', async () => {
    await h.faults({ faultKind: 'http500', count: 0 });
    const error = await failure(h.client(0).getWaba('999999999999999'));
    expect(error.attempts).toBe(1);
    expect((await h.calls()).length).toBe(1);
  });
});

describe('rate limits (80008)', () => {
  it('fails fast with the wait when the WABA budget is spent for a long time', async () => {
    await h.faults({ wabaCallBudget: 2 });
    const graph = h.client(0, { maxRetryDelayMs: 2_000 });
    await graph.getWaba(wabaId());
    await graph.getWaba(wabaId());
    const started = Date.now();
    const error = await failure(graph.getWaba(wabaId()));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 80008, isTransient: true, attempts: 1 });
    expect(error.retryAfterSeconds).toBeGreaterThan(2);
    expect(error.message).toMatch(/longer than this call may wait; try again later/);
    expect(graph.lastUsage()?.regainAccessMinutes).toBeGreaterThan(0);
    // Another app has its own budget on the same WABA.
    expect((await h.client(1).getWaba(wabaId())).id).toBe(wabaId());
  });
});
