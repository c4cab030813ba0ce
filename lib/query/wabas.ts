import { queryOptions } from '@tanstack/react-query';
import type { WabaDetail, WabaListResult } from '@/lib/routing/types';
import { getRead } from './get-json';
import { type WabaListParams, wabaKeys } from './keys';

/**
 * Shared by the server prefetch (page.tsx, which runs the read directly through fetchForPage) and the
 * browser's `useSuspenseQuery`, which refetches through GET /api/wabas/<id>.
 */
export function wabaDetailOptions(wabaId: string, appId?: string) {
  const query = appId ? `?app=${encodeURIComponent(appId)}` : '';
  return queryOptions({
    queryKey: wabaKeys.detail(wabaId, appId),
    queryFn: ({ signal }) =>
      getRead<WabaDetail | null>(`/api/wabas/${encodeURIComponent(wabaId)}${query}`, { signal }),
  });
}

export function wabaListOptions(params: WabaListParams) {
  const query = new URLSearchParams({ q: params.q, page: String(params.page) });
  return queryOptions({
    queryKey: wabaKeys.list(params),
    queryFn: ({ signal }) => getRead<WabaListResult>(`/api/wabas?${query}`, { signal }),
  });
}
