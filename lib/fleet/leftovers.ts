/**
 * Nested edges longer than one page ("leftovers") are continued through their `paging.next` URLs, several at
 * once in one batch request (`POST /` with up to 50 operations) instead of one request each. This module turns
 * a `next` URL into a batch operation and a batch entry back into a page or a GraphError.
 */
import 'server-only';
import type { z } from 'zod';
import { GraphError, graphErrorFromEnvelope, parseErrorEnvelope } from '@/lib/graph/errors';
import type { BatchEntry } from '@/lib/graph/index';
import { edgeOf, phoneNumberSchema, subscribedAppSchema } from '@/lib/graph/schemas';
import { acceptNextUrl, type GraphBase, graphPathOf } from '@/lib/graph/urls';

export type EdgeKind = 'numbers' | 'apps';

export interface Leftover {
  wabaId: string;
  kind: EdgeKind;
  next: string;
  /** Failed attempts so far (rate limits, transient errors, timed-out operations). */
  attempts: number;
}

const edges = {
  numbers: edgeOf(phoneNumberSchema),
  apps: edgeOf(subscribedAppSchema),
} as const;

export type EdgePage<K extends EdgeKind> = z.output<(typeof edges)[K]>;

/**
 * The batch `relative_url` of a `next` link: path and query under the version root, without the token
 * (the batch request carries ours). Null when the link leaves the configured Graph origin or version.
 */
export function relativeUrlOf(base: GraphBase, next: string): string | null {
  const url = acceptNextUrl(base, next);
  if (!url) return null;
  const path = graphPathOf(base, url).replace(/^\/+/, '');
  return `${path}${url.search}`;
}

export type EntryResult =
  | { ok: true; page: EdgePage<EdgeKind> }
  | { ok: false; error: GraphError; retry: boolean };

/** Interprets one batch reply entry for a leftover of the given kind. */
export function readEntry(entry: BatchEntry | null, leftover: Leftover, path: string): EntryResult {
  const failure = (message: string, init: { httpStatus?: number; isTransient?: boolean } = {}) =>
    new GraphError({ method: 'GET', path, message, ...init });
  if (entry === null) {
    return {
      ok: false,
      error: failure('Graph timed out this batch operation', { isTransient: true }),
      retry: true,
    };
  }
  if (entry.code >= 200 && entry.code < 300) {
    const parsed = edges[leftover.kind].safeParse(entry.body);
    if (parsed.success) return { ok: true, page: parsed.data };
    return { ok: false, error: failure('unexpected response shape in a batch entry'), retry: false };
  }
  const envelope = parseErrorEnvelope(entry.body);
  const error = envelope
    ? graphErrorFromEnvelope(envelope, { method: 'GET', path, httpStatus: entry.code, secrets: [] })
    : failure(`HTTP ${entry.code} without a Graph error body`, {
        httpStatus: entry.code,
        isTransient: entry.code >= 500,
      });
  return { ok: false, error, retry: error.isTransient };
}
