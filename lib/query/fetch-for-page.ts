import 'server-only';
import type { FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import { getQueryClient } from './get-query-client';
import { failureOf, ReadError, type ReadResult } from './read-result';

/**
 * Fetches a query into this request's QueryClient (so <HydrationBoundary> hands it to the browser) and turns
 * a Graph failure into data the page renders with the failure's sentence, code and fbtrace_id — an error
 * thrown from a server component would reach error.tsx with its message stripped in production.
 */
export async function fetchForPage<T, K extends QueryKey>(
  options: FetchQueryOptions<T, Error, T, K>,
): Promise<ReadResult<T>> {
  try {
    return { ok: true, data: await getQueryClient().fetchQuery(options) };
  } catch (error) {
    if (error instanceof ReadError && error.failure) return { ok: false, failure: failureOf(error) };
    throw error;
  }
}
