/**
 * One signed POST of a webhook to one app's URL, retried on anything but 200 with exponential backoff in
 * compressed time (Meta retries for up to 7 days; here milliseconds stand in for minutes), bounded in
 * attempts. The sandbox is offline by design, so it only delivers to loopback hosts.
 */
import { createHmac } from 'node:crypto';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Tier } from '@/lib/graph/schemas';
import type { PemPair } from './client-certs';

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

/** How an `https` delivery's TLS goes: the client certificate presented (none = undefined) and extra server CAs. */
export interface TlsOptions {
  clientCert?: PemPair;
  /** PEMs trusted for the receiver's server certificate on top of Node's roots (test receivers are self-signed). */
  serverCas?: readonly string[];
}

/**
 * fetch cannot present a client certificate without undici's Agent, which Node does not expose, so `https`
 * goes through node:https. A fresh connection per attempt (agent: false): a changed client certificate applies
 * to the next delivery, and no TLS session is resumed with the previous one.
 */
function httpsPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  tls: TlsOptions,
  signal: AbortSignal,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        signal,
        cert: tls.clientCert?.cert,
        key: tls.clientCert?.key,
        ca: tls.serverCas?.length ? [...rootCertificates, ...tls.serverCas] : undefined,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function attempt(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: RetryPolicy,
  signal: AbortSignal,
  tls: TlsOptions,
): Promise<DeliveryAttempt> {
  const at = new Date().toISOString();
  const started = performance.now();
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const combined = AbortSignal.any([signal, timeout]);
  try {
    let status: number;
    if (new URL(url).protocol === 'https:') {
      status = await httpsPost(url, body, headers, tls, combined);
    } else {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        redirect: 'manual',
        signal: combined,
      });
      await response.arrayBuffer().catch(() => undefined);
      status = response.status;
    }
    return { at, status, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const timedOut = timeout.aborted || (error as Error).name === 'TimeoutError';
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
  /** For `https` URLs; read before each attempt so a switched client certificate applies to retries too. */
  tls?: () => Promise<TlsOptions>;
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
    const tls = (await options.tls?.()) ?? {};
    const result = await attempt(options.url, options.body, headers, options.policy, options.signal, tls);
    options.onAttempt(result);
    if (result.status === 200) return true;
    if (n < options.policy.maxAttempts)
      await sleep(options.policy.baseDelayMs * 2 ** (n - 1), options.signal);
  }
  return false;
}
