/**
 * One HTTP exchange with Graph and its interpretation: send, read usage headers, turn every failure into a
 * GraphError, validate a success with its zod schema. Retrying is request.ts's job.
 */
import 'server-only';
import type { z } from 'zod';
import { classifyTransient, GraphError, graphErrorFromEnvelope, parseErrorEnvelope } from './errors';
import { parseUsageHeaders, type UsageSnapshot } from './usage';

export interface AttemptSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  /** For errors: the Graph path without version or query. */
  path: string;
  body: { kind: 'json'; value: unknown } | { kind: 'form'; value: URLSearchParams } | null;
  schema: S;
  token: string;
  secrets: readonly string[];
  timeoutMs: number;
  signal?: AbortSignal;
  fetch: typeof fetch;
}

export type AttemptResult<T> =
  | { ok: true; data: T; usage: UsageSnapshot | null }
  | { ok: false; error: GraphError; usage: UsageSnapshot | null; retryAfterSeconds: number | null };

function requestInit(spec: AttemptSpec<z.ZodType>, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${spec.token}`,
    Accept: 'application/json',
  };
  let body: string | undefined;
  if (spec.body?.kind === 'json') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(spec.body.value);
  } else if (spec.body?.kind === 'form') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = spec.body.value.toString();
  }
  // Redirects are not followed: the Authorization header must only ever go to the configured Graph origin.
  // `no-store` keeps Next.js's fetch cache out: routing state must be read fresh, never from a cache.
  return { method: spec.method, headers, body, signal, redirect: 'manual', cache: 'no-store' };
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** `fetch failed` alone says little; undici puts the reason (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const reason = error.cause instanceof Error ? error.cause.message : null;
  return reason ? `${error.message} (${reason})` : error.message;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export async function attemptOnce<S extends z.ZodType>(
  spec: AttemptSpec<S>,
): Promise<AttemptResult<z.output<S>>> {
  const ctx = { method: spec.method, path: spec.path, secrets: spec.secrets };
  const timeout = AbortSignal.timeout(spec.timeoutMs);
  const signal = spec.signal ? AbortSignal.any([timeout, spec.signal]) : timeout;
  const fail = (init: Partial<ConstructorParameters<typeof GraphError>[0]> & { message: string }) =>
    new GraphError({ ...ctx, ...init });

  let response: Response;
  let text: string;
  try {
    response = await spec.fetch(spec.url, requestInit(spec, signal));
    text = await response.text();
  } catch (cause) {
    if (spec.signal?.aborted) {
      const error = fail({ message: 'the request was cancelled by the caller', cause });
      return { ok: false, error, usage: null, retryAfterSeconds: null };
    }
    const timedOut = timeout.aborted;
    const error = fail({
      message: timedOut
        ? `no response within ${spec.timeoutMs} ms (timeout)`
        : `network error: ${describeNetworkError(cause)}`,
      isTransient: true,
      cause,
    });
    return { ok: false, error, usage: null, retryAfterSeconds: null };
  }

  const usage = parseUsageHeaders(response.headers);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const httpStatus = response.status;
  const json = parseJsonText(text);
  const envelope = json.ok ? parseErrorEnvelope(json.value) : null;

  if (envelope) {
    const error = graphErrorFromEnvelope(envelope, { ...ctx, httpStatus });
    return { ok: false, error, usage, retryAfterSeconds };
  }
  if (!response.ok) {
    // No envelope: report the status only. The body is not echoed — it may come from a proxy, not Graph.
    const error = fail({
      message: `HTTP ${httpStatus}${response.statusText ? ` ${response.statusText}` : ''} without a Graph error body`,
      httpStatus,
      isTransient: classifyTransient(null, httpStatus),
    });
    return { ok: false, error, usage, retryAfterSeconds };
  }
  if (!json.ok) {
    const error = fail({ message: 'Graph answered with a body that is not JSON', httpStatus });
    return { ok: false, error, usage, retryAfterSeconds };
  }
  const parsed = spec.schema.safeParse(json.value);
  if (!parsed.success) {
    const error = fail({
      message: `unexpected response shape (${describeIssues(parsed.error)})`,
      httpStatus,
    });
    return { ok: false, error, usage, retryAfterSeconds };
  }
  return { ok: true, data: parsed.data, usage };
}
