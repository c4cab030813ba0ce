import { queryOptions } from '@tanstack/react-query';
import { type WabaListParams, wabaKeys } from './keys';
import { unwrapRead } from './read-result';
import { readWaba } from './read-waba';
import { readWabaList } from './read-waba-list';

/** Shared by the server prefetch (page.tsx) and the browser's `useSuspenseQuery`. */
export function wabaDetailOptions(wabaId: string) {
  return queryOptions({
    queryKey: wabaKeys.detail(wabaId),
    queryFn: async () => unwrapRead(await readWaba({ wabaId })),
  });
}

export function wabaListOptions(params: WabaListParams) {
  return queryOptions({
    queryKey: wabaKeys.list(params),
    queryFn: async () => unwrapRead(await readWabaList(params)),
  });
}
