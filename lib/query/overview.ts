import { queryOptions } from '@tanstack/react-query';
import type { FleetOverview } from '@/lib/audit/types';
import { getRead } from './get-json';
import { overviewKeys } from './keys';

/** Shared by the server prefetch (page.tsx) and any browser refetch (GET /api/overview). */
export function overviewOptions() {
  return queryOptions({
    queryKey: overviewKeys.all,
    queryFn: ({ signal }) => getRead<FleetOverview>('/api/overview', { signal }),
  });
}
