/**
 * What a read (lib/query/reads.ts, and the GET route handlers that serve it) returns: the data, or the Graph
 * failure as the console shows it. Client-safe: queryFns unwrap it in the browser too.
 */
import type { GraphFailureView } from '@/lib/routing/types';

export type ReadResult<T> = { ok: true; data: T } | { ok: false; failure: GraphFailureView };

/** Thrown by queryFns so TanStack Query keeps the last good data and exposes the failure. */
export class ReadError extends Error {
  override name = 'ReadError';
  constructor(
    message: string,
    readonly failure: GraphFailureView | null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export function unwrapRead<T>(result: ReadResult<T>): T {
  if (!result.ok) throw new ReadError(result.failure.message, result.failure);
  return result.data;
}

/** The failure view of anything a query threw, for <GraphErrorAlert>. */
export function failureOf(error: unknown): GraphFailureView {
  if (error instanceof ReadError && error.failure) return error.failure;
  return {
    code: null,
    subcode: null,
    fbtraceId: null,
    message: error instanceof Error ? error.message : 'Reading from Graph failed. Try again.',
    suggestSubscribe: false,
    retryAfterSeconds: null,
  };
}
