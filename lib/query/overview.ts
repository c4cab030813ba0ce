import { queryOptions } from '@tanstack/react-query';
import { overviewKeys } from './keys';
import { readOverview } from './read-overview';
import { unwrapRead } from './read-result';

export function overviewOptions() {
  return queryOptions({
    queryKey: overviewKeys.all,
    queryFn: async () => unwrapRead(await readOverview({})),
  });
}
