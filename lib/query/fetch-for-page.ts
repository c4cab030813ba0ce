import 'server-only';
import type { FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import { requireUser } from '@/lib/auth/session';
import { logger } from '@/lib/log';
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
    if (error instanceof ReadError && error.status === 401) {
      // The session ended between the page's own check and this read (signed out, disabled, or a metadata
      // read that runs first): an expected outcome, so an info line and the sign-in page, not an error stack.
      logger.info({ status: 401 }, 'page read without a session; sending to sign-in');
      await requireUser();
    }
    throw error;
  }
}
