/**
 * One signed POST of a webhook to one app's URL, retried on anything but 200 with exponential backoff in
 * compressed time (Meta retries for up to 7 days; here milliseconds stand in for minutes), bounded in
 * attempts. The sandbox is offline by design, so it only delivers to loopback hosts.
 */
import { createHmac } from 'node:crypto';
import type { Tier } from '@/lib/graph/schemas';

export interface RetryPolicy {
  maxAttempts: number;
  /** Delay before the 2nd attempt; doubled for each one after. */
  baseDelayMs: number;
  /** How long one attempt may take before it counts as failed (and is retried). */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, timeoutMs: 5_000 };

export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or null when the request failed or timed out. */
  status: number | null;
  error?: string;
  durationMs: number;
}

export function signatureHeaders(body: string, secret: string): Record<string, string> {
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    // Meta still sends the SHA-1 header alongside; receivers should ignore it.
    'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
  };
}

/** Literal loopback only: no name lookups, so nothing can leave the machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function attempt(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<DeliveryAttempt> {
  const at = new Date().toISOString();
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(policy.timeoutMs)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { at, status: response.status, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      at,
      status: null,
      error: timedOut ? `no answer within ${policy.timeoutMs} ms` : 'connection failed',
      durationMs: Math.round(performance.now() - started),
    };
  }
}

export interface DeliverOptions {
  url: string;
  body: string;
  secret: string;
  tier: Tier;
  policy: RetryPolicy;
  signal: AbortSignal;
  onAttempt: (attempt: DeliveryAttempt) => void;
}

/** Resolves true once an attempt got HTTP 200, false when attempts ran out or the emission was cancelled. */
export async function deliverWithRetries(options: DeliverOptions): Promise<boolean> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'facebookexternalua',
    ...signatureHeaders(options.body, options.secret),
    // Not a Meta header: lets Switchboard's receivers show which tier routed a sandbox delivery.
    'x-sandbox-routing-tier': options.tier,
  };
  for (let n = 1; n <= options.policy.maxAttempts && !options.signal.aborted; n++) {
    const result = await attempt(options.url, options.body, headers, options.policy, options.signal);
    options.onAttempt(result);
    if (result.status === 200) return true;
    if (n < options.policy.maxAttempts)
      await sleep(options.policy.baseDelayMs * 2 ** (n - 1), options.signal);
  }
  return false;
}
