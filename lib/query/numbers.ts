import { queryOptions } from '@tanstack/react-query';
import { numberKeys } from './keys';
import { readNumber } from './read-number';
import { unwrapRead } from './read-result';

/** Shared by the server prefetch (page.tsx) and the browser's `useSuspenseQuery`. */
export function numberDetailOptions(phoneNumberId: string) {
  return queryOptions({
    queryKey: numberKeys.detail(phoneNumberId),
    queryFn: async () => unwrapRead(await readNumber({ phoneNumberId })),
  });
}
