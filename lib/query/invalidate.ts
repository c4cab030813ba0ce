import type { QueryClient } from '@tanstack/react-query';
import { diagnosisKeys, numberKeys, overviewKeys, wabaKeys } from './keys';

export interface RoutingScope {
  wabaId: string;
  /** Set for a phone-number write; absent for WABA writes, which move every number of the WABA. */
  phoneNumberId?: string;
}

/**
 * Marks everything a routing write can change as stale. Queries on screen refetch at once; the rest refetch
 * when next shown. Overview counts and list rows change with any write, so they always go.
 */
export async function invalidateRouting(queryClient: QueryClient, scope: RoutingScope): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: wabaKeys.detail(scope.wabaId) }),
    queryClient.invalidateQueries({ queryKey: wabaKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: overviewKeys.all }),
    // A routing write can change a number's delivery verdict (Subscribe fixes waba_subscription).
    queryClient.invalidateQueries({ queryKey: diagnosisKeys.all }),
    queryClient.invalidateQueries({
      queryKey: scope.phoneNumberId ? numberKeys.detail(scope.phoneNumberId) : numberKeys.all,
    }),
  ]);
}
