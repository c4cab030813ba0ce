import { describe, expect, it } from 'vitest';
import { backoffDelay, decideRetry, type RetryInput } from './retry-policy';

const base: RetryInput = {
  code: 2,
  isTransient: true,
  retriesSoFar: 0,
  maxRetries: 3,
  remainingBudgetMs: 10_000,
  regainAccessMinutes: null,
  retryAfterSeconds: null,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  random: () => 0.5,
};

describe('backoffDelay (full jitter)', () => {
  it('grows exponentially up to the cap, scaled by the random draw', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, 100, 1_000, () => 0.999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, 100, 1_000, () => 0)).toBe(0);
  });
});

describe('decideRetry', () => {
  it('never retries non-transient errors', () => {
    expect(decideRetry({ ...base, code: 100, isTransient: false })).toEqual({
      kind: 'give_up',
      reason: 'not_transient',
      retryAfterSeconds: null,
    });
  });

  it('retries transient errors with jittered backoff', () => {
    expect(decideRetry(base)).toEqual({ kind: 'retry', delayMs: 50 });
    expect(decideRetry({ ...base, retriesSoFar: 2 })).toEqual({ kind: 'retry', delayMs: 200 });
  });

  it('stops after maxRetries', () => {
    expect(decideRetry({ ...base, retriesSoFar: 3 })).toMatchObject({
      kind: 'give_up',
      reason: 'max_retries',
    });
    expect(decideRetry({ ...base, maxRetries: 0 })).toMatchObject({ kind: 'give_up', reason: 'max_retries' });
  });

  it('stops when the waiting budget is used up and clamps the last wait to it', () => {
    expect(decideRetry({ ...base, remainingBudgetMs: 0 })).toMatchObject({
      kind: 'give_up',
      reason: 'budget',
    });
    expect(decideRetry({ ...base, retriesSoFar: 2, remainingBudgetMs: 30 })).toEqual({
      kind: 'retry',
      delayMs: 30,
    });
  });

  it('waits out a short regain time on rate limits', () => {
    const decision = decideRetry({ ...base, code: 80008, regainAccessMinutes: 0.05 });
    expect(decision).toEqual({ kind: 'retry', delayMs: 3_000 });
  });

  it('fails fast when the regain time is longer than the budget, reporting the wait', () => {
    expect(decideRetry({ ...base, code: 80008, regainAccessMinutes: 5 })).toEqual({
      kind: 'give_up',
      reason: 'wait_too_long',
      retryAfterSeconds: 300,
    });
    // Even with retries left, and regardless of which rate-limit code.
    for (const code of [4, 17, 341, 613, 80007]) {
      expect(decideRetry({ ...base, code, regainAccessMinutes: 60 })).toMatchObject({
        reason: 'wait_too_long',
      });
    }
  });

  it('ignores the regain time for errors that are not rate limits', () => {
    expect(decideRetry({ ...base, code: 2, regainAccessMinutes: 60 })).toEqual({
      kind: 'retry',
      delayMs: 50,
    });
  });

  it('honours Retry-After', () => {
    expect(decideRetry({ ...base, code: null, retryAfterSeconds: 2 })).toEqual({
      kind: 'retry',
      delayMs: 2_000,
    });
    expect(decideRetry({ ...base, code: null, retryAfterSeconds: 60 })).toMatchObject({
      reason: 'wait_too_long',
    });
  });
});
