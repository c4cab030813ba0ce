import 'server-only';
import type { QueryKey } from '@tanstack/react-query';
import { getQueryClient } from './get-query-client';
import { failureOf, ReadError, type ReadResult, unwrapRead } from './read-result';

/**
 * Fetches a query into this request's QueryClient (so <HydrationBoundary> hands it to the browser) and turns
 * a Graph failure into data the page renders with the failure's sentence, code and fbtrace_id — an error
 * thrown from a server component would reach error.tsx with its message stripped in production.
 *
 * `options` are the feature's queryOptions (key shared with the browser); on the server the data comes from
 * `read` (lib/query/reads.ts) directly rather than over HTTP from the app's own route handler.
 */
export async function fetchForPage<T, K extends QueryKey>(
  options: { queryKey: K },
  read: () => Promise<ReadResult<T>>,
): Promise<ReadResult<T>> {
  try {
    const data = await getQueryClient().fetchQuery({
      queryKey: options.queryKey,
      queryFn: async () => unwrapRead(await read()),
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ReadError && error.failure) return { ok: false, failure: failureOf(error) };
    throw error;
  }
}
