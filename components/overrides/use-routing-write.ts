'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useActingApp, withActingApp } from '@/components/apps/acting-app';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/auth/safe-action';
import { invalidateRouting, type RoutingScope } from '@/lib/query/invalidate';
import type { WriteOutcome } from '@/lib/routing/types';

/** Whether Graph may now report something other than what is on screen after this result. */
function mayHaveChanged<T>(result: ActionResult<WriteOutcome<T>>): boolean {
  if (!result.ok) return result.status === 500;
  // A stale refusal means the screen is already out of date; everything but a failed preflight reached Graph.
  return result.data.kind !== 'preflight_failed';
}

/**
 * Runs one routing server action (set/clear override, subscribe, unsubscribe) through `useActionForm` and, when
 * Graph may have changed, refreshes both the cached queries and the server-rendered parts of the page (change
 * history) before the result shows.
 */
export function useRoutingWrite<I, T>(
  action: (input: I) => Promise<ActionResult<WriteOutcome<T>>>,
  scope: RoutingScope,
) {
  const queryClient = useQueryClient();
  const router = useRouter();
  // Every routing write names the app whose route it changes (the page's acting app; none = the default).
  const { appId } = useActingApp();
  return useActionForm((input: I) => action(withActingApp(input, appId)), {
    resetOnSuccess: false,
    after: async (result) => {
      if (!mayHaveChanged(result)) return;
      await invalidateRouting(queryClient, scope);
      router.refresh();
    },
  });
}
