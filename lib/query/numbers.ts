import { queryOptions } from '@tanstack/react-query';
import type { NumberDetail } from '@/lib/routing/types';
import { getRead } from './get-json';
import { numberKeys } from './keys';

/** Shared by the server prefetch (page.tsx) and the browser's `useSuspenseQuery` (GET /api/numbers/<id>). */
export function numberDetailOptions(phoneNumberId: string) {
  return queryOptions({
    queryKey: numberKeys.detail(phoneNumberId),
    queryFn: ({ signal }) =>
      getRead<NumberDetail | null>(`/api/numbers/${encodeURIComponent(phoneNumberId)}`, { signal }),
  });
}
