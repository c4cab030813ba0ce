'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useActionForm } from '@/components/ui/use-action-form';
import { numberKeys, overviewKeys, wabaKeys } from '@/lib/query/keys';
import type { AppSubscriptionView, WriteOutcome } from '@/lib/routing/types';
import type { AppTierResult } from './types';

/**
 * Runs an application-tier action through `useActionForm`. The app callback is tier 3 of every number, so a
 * write that may have reached Graph refreshes every cached routing query and the server-rendered page.
 */
export function useAppTierWrite<I>(action: (input: I) => Promise<AppTierResult>) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useActionForm<WriteOutcome<AppSubscriptionView | null>, I>(action, {
    resetOnSuccess: false,
    after: async (result) => {
      const reachedGraph = result.ok ? result.data.kind !== 'preflight_failed' : result.status === 500;
      if (!reachedGraph) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: wabaKeys.all }),
        queryClient.invalidateQueries({ queryKey: numberKeys.all }),
        queryClient.invalidateQueries({ queryKey: overviewKeys.all }),
      ]);
      router.refresh();
    },
  });
}
