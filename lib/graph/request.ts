/**
 * The one request function of the Graph client: base URL + version, bearer token, JSON or form bodies,
 * query parameters, a per-attempt timeout, and retries of transient failures (see retry-policy.ts) bounded
 * by count and by total waiting time. Every failure surfaces as a GraphError with the token redacted.
 */
import 'server-only';
import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { attemptOnce } from './attempt';
import { GraphError } from './errors';
import { secretsOfToken } from './redact';
import { decideRetry, type RetryDecision } from './retry-policy';
import { acceptNextUrl, buildGraphUrl, type GraphBase, graphPathOf, type Query } from './urls';
import type { UsageSnapshot } from './usage';

export interface RequesterOptions extends GraphBase {
  accessToken: string;
  /**
   * The app secret (META_APP_SECRET). When set, every call carries `appsecret_proof` (HMAC-SHA256 of the call's
   * token keyed with it), as Meta recommends for server calls and requires of apps with "Require App Secret".
   */
  appSecret?: string;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Total time all retries of one call may spend waiting. Default 10 s. */
  maxRetryDelayMs?: number;
  /** First backoff ceiling; doubles per retry. Default 250 ms. */
  retryBaseDelayMs?: number;
  /** Ceiling of one backoff wait. Default 5 s. */
  retryMaxDelayMs?: number;
  fetch?: typeof fetch;
  /** Called with every response's usage headers (when present). */
  onUsage?: (usage: UsageSnapshot) => void;
  /** Called before each retry; for logging. The error is already redacted. */
  onRetry?: (info: { error: GraphError; retry: number; delayMs: number }) => void;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
}

type Body = { json: unknown; form?: never } | { form: Record<string, string | undefined>; json?: never };

export type GraphRequest<S extends z.ZodType> = {
  method: 'GET' | 'POST' | 'DELETE';
  schema: S;
  /** Another token for this call (the app access token of `/<APP_ID>/subscriptions`). */
  accessToken?: string;
  /** Extra strings to keep out of errors (verify tokens, input tokens). */
  secrets?: readonly string[];
  signal?: AbortSignal;
} & ({ path: string; query?: Query; nextUrl?: never } | { nextUrl: string; path?: never; query?: never }) &
  (Body | { json?: never; form?: never });

export interface GraphRequester {
  request<S extends z.ZodType>(req: GraphRequest<S>): Promise<z.output<S>>;
  lastUsage(): UsageSnapshot | null;
}

/** Resolves true after `ms`, or false as soon as the caller's signal aborts. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<boolean>((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function giveUpMessage(
  error: GraphError,
  decision: Extract<RetryDecision, { kind: 'give_up' }>,
  attempts: number,
) {
  const base = error.graphMessage();
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  switch (decision.reason) {
    case 'not_transient':
      return base;
    case 'max_retries':
      return `${base} (gave up after ${tries})`;
    case 'budget':
      return `${base} (gave up after ${tries}: retry time budget used up)`;
    case 'wait_too_long':
      return `${base} (rate limited: Meta expects access back in about ${decision.retryAfterSeconds} s, longer than this call may wait; try again later)`;
  }
}

export function createGraphRequester(options: RequesterOptions): GraphRequester {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 10_000;
  const fetchImpl = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  let last: UsageSnapshot | null = null;

  function target(req: GraphRequest<z.ZodType>, secrets: readonly string[]): { url: URL; path: string } {
    if (req.nextUrl === undefined) {
      const url = buildGraphUrl(options, req.path, req.query);
      return { url, path: graphPathOf(options, url) };
    }
    const url = acceptNextUrl(options, req.nextUrl);
    if (!url) {
      throw new GraphError({
        method: 'GET',
        path: '(paging.next)',
        message: 'refusing to follow a paging.next URL outside the configured Graph origin and version',
        secrets,
      });
    }
    return { url, path: graphPathOf(options, url) };
  }

  async function request<S extends z.ZodType>(req: GraphRequest<S>): Promise<z.output<S>> {
    const token = req.accessToken ?? options.accessToken;
    const secrets = [
      ...secretsOfToken(token),
      ...secretsOfToken(options.accessToken),
      ...(req.secrets ?? []),
    ];
    const { url, path } = target(req, secrets);
    if (options.appSecret) {
      const proof = appsecretProof(token, options.appSecret);
      // `set`, not `append`: a paging.next URL repeats the proof of the call it came from.
      url.searchParams.set('appsecret_proof', proof);
      secrets.push(proof, options.appSecret);
    }
    const body =
      req.json !== undefined
        ? ({ kind: 'json', value: req.json } as const)
        : req.form !== undefined
          ? ({ kind: 'form', value: formBody(req.form) } as const)
          : null;

    let waitedMs = 0;
    for (let retries = 0; ; retries++) {
      const result = await attemptOnce({
        method: req.method,
        url,
        path,
        body,
        schema: req.schema,
        token,
        secrets,
        timeoutMs,
        signal: req.signal,
        fetch: fetchImpl,
      });
      if (result.usage) {
        last = result.usage;
        options.onUsage?.(result.usage);
      }
      if (result.ok) return result.data;

      const decision = req.signal?.aborted
        ? ({ kind: 'give_up', reason: 'not_transient', retryAfterSeconds: null } as const)
        : decideRetry({
            code: result.error.code,
            isTransient: result.error.isTransient,
            retriesSoFar: retries,
            maxRetries,
            remainingBudgetMs: maxRetryDelayMs - waitedMs,
            regainAccessMinutes: result.usage?.regainAccessMinutes ?? null,
            retryAfterSeconds: result.retryAfterSeconds,
            baseDelayMs: options.retryBaseDelayMs ?? 250,
            maxDelayMs: options.retryMaxDelayMs ?? 5_000,
            random,
          });
      if (decision.kind === 'give_up') {
        throw result.error.withContext({
          attempts: retries + 1,
          retryAfterSeconds: decision.retryAfterSeconds,
          message: giveUpMessage(result.error, decision, retries + 1),
        });
      }
      options.onRetry?.({ error: result.error, retry: retries + 1, delayMs: decision.delayMs });
      if (!(await sleep(decision.delayMs, req.signal))) {
        throw result.error.withContext({
          attempts: retries + 1,
          message: `${result.error.graphMessage()} (cancelled by the caller while waiting to retry)`,
        });
      }
      waitedMs += decision.delayMs;
    }
  }

  return { request, lastUsage: () => last };
}

/** Hex HMAC-SHA256 of the access token keyed with the app secret. */
export function appsecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token).digest('hex');
}

function formBody(form: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) params.set(key, value);
  return params;
}
