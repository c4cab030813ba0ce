'use client';

import { useRouter } from 'next/navigation';
import { useActingApp, withActingApp } from '@/components/apps/acting-app';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { RoutingScope } from '@/lib/query/invalidate';
import type { WriteOutcome } from '@/lib/routing/types';

/** Whether Graph may now report something other than what is on screen after this result. */
function mayHaveChanged<T>(result: ActionResult<WriteOutcome<T>>): boolean {
  if (!result.ok) return result.status === 500;
  // A stale refusal means the screen is already out of date; everything but a failed preflight reached Graph.
  return result.data.kind !== 'preflight_failed';
}

/**
 * Whether to re-render the page from Graph now. Not after a Graph error or a read-back that failed: Graph is
 * failing, so the page's own read would most likely fail too and replace the page, and the outcome on it, with
 * the read failure. The outcome says what happened, and its *Read again* reads the target when Graph answers.
 */
function rereadPage<T>(result: ActionResult<WriteOutcome<T>>): boolean {
  return !result.ok || (result.data.kind !== 'graph_error' && result.data.kind !== 'unverified');
}

/**
 * Marks the tab's cached reads a routing write can change as stale (the delivery check, the subscribe preview):
 * those on screen read again at once. TanStack Query comes with the first write or island that needs it, not
 * with the page.
 */
async function invalidateCachedReads(scope: RoutingScope): Promise<void> {
  const [{ browserQueryClient }, { invalidateRouting }] = await Promise.all([
    import('@/components/common/query-provider'),
    import('@/lib/query/invalidate'),
  ]);
  await invalidateRouting(browserQueryClient(), scope);
}

/**
 * Runs one routing server action (set/clear override, subscribe, unsubscribe) through `useActionForm` and, when
 * Graph may have changed, re-renders the page on the server (router.refresh: the route, the tables, the change
 * history read Graph again) and marks the cached reads stale before the result shows.
 */
export function useRoutingWrite<I, T>(
  action: (input: I) => Promise<ActionResult<WriteOutcome<T>>>,
  scope: RoutingScope,
) {
  const router = useRouter();
  // Every routing write names the app whose route it changes (the page's acting app; none = the default).
  const { appId } = useActingApp();
  return useActionForm((input: I) => action(withActingApp(input, appId)), {
    resetOnSuccess: false,
    after: async (result) => {
      if (!mayHaveChanged(result)) return;
      if (rereadPage(result)) router.refresh();
      await invalidateCachedReads(scope);
    },
  });
}
