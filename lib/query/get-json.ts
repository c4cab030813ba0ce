/**
 * The browser's one way to read from the console: GET a route handler and return its JSON. A non-2xx answer
 * becomes a ReadError carrying the server's message, its status and — for a Graph failure (`{ ok: false,
 * failure }`, see read-route.ts) — the failure view <GraphErrorAlert> shows. Client-safe.
 */
import type { GraphFailureView } from '@/lib/routing/types';
import { ReadError } from './read-result';

interface ErrorBody {
  message?: string;
  error?: string;
  failure?: GraphFailureView;
}

export async function getJson<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    signal: init?.signal,
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok || body === null) {
    const error = (body ?? {}) as ErrorBody;
    const failure = error.failure ?? null;
    const message =
      failure?.message ?? error.message ?? error.error ?? `The server answered ${response.status}.`;
    throw new ReadError(message, failure, response.status);
  }
  return body as T;
}

/** GET a read route whose body is a ReadResult: the data on success; a Graph failure throws (see above). */
export async function getRead<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const result = await getJson<{ ok: true; data: T }>(url, init);
  return result.data;
}
