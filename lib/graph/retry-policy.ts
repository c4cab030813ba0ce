/**
 * When to retry a failed Graph call and how long to wait first. Pure, so the arithmetic is unit-tested
 * without a clock.
 *
 * - Only transient failures are retried (GraphError.isTransient); everything else fails at once.
 * - Waits use exponential backoff with full jitter (a random delay in [0, base·2^attempt], capped) so that
 *   many clients backing off together do not retry in lockstep.
 * - Retries are bounded twice: by count (maxRetries) and by the total time spent waiting (the budget).
 * - Rate limits (codes 4, 17, 341, 613, 80007, 80008) come with Meta's estimate of when access returns.
 *   A short estimate is waited out; one longer than the remaining budget fails fast, with the wait in the
 *   error, instead of retrying into a wall.
 */
import { RATE_LIMIT_CODES } from './errors';

export interface RetryInput {
  code: number | null;
  isTransient: boolean;
  /** Retries already made (0 after the first attempt failed). */
  retriesSoFar: number;
  maxRetries: number;
  /** Waiting time still allowed across all retries of this call. */
  remainingBudgetMs: number;
  /** `estimated_time_to_regain_access` in minutes from the usage header, if any. */
  regainAccessMinutes: number | null;
  /** `Retry-After` in seconds, if the response had one. */
  retryAfterSeconds: number | null;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export type RetryDecision =
  | { kind: 'retry'; delayMs: number }
  | {
      kind: 'give_up';
      reason: 'not_transient' | 'max_retries' | 'budget' | 'wait_too_long';
      /** How long the caller should wait before trying again, when known. */
      retryAfterSeconds: number | null;
    };

/** Full-jitter backoff delay for the n-th retry (0-based). */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number) {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** The server-announced wait in ms, if the failure is a rate limit that announced one. */
function announcedWaitMs(input: RetryInput): number | null {
  const waits: number[] = [];
  if (input.code !== null && RATE_LIMIT_CODES.has(input.code) && input.regainAccessMinutes) {
    waits.push(input.regainAccessMinutes * 60_000);
  }
  if (input.retryAfterSeconds) waits.push(input.retryAfterSeconds * 1000);
  return waits.length ? Math.max(...waits) : null;
}

export function decideRetry(input: RetryInput): RetryDecision {
  const announced = announcedWaitMs(input);
  const retryAfterSeconds = announced === null ? null : Math.ceil(announced / 1000);

  if (!input.isTransient) return { kind: 'give_up', reason: 'not_transient', retryAfterSeconds };
  if (announced !== null && announced > input.remainingBudgetMs) {
    return { kind: 'give_up', reason: 'wait_too_long', retryAfterSeconds };
  }
  if (input.retriesSoFar >= input.maxRetries) {
    return { kind: 'give_up', reason: 'max_retries', retryAfterSeconds };
  }
  if (input.remainingBudgetMs <= 0) return { kind: 'give_up', reason: 'budget', retryAfterSeconds };

  const jittered = backoffDelay(input.retriesSoFar, input.baseDelayMs, input.maxDelayMs, input.random);
  const delayMs = Math.min(Math.max(jittered, announced ?? 0), input.remainingBudgetMs);
  return { kind: 'retry', delayMs };
}
