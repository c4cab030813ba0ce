import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/common/query-provider';

/**
 * A receiver's client state: TanStack Query (deliveries, test events) and nuqs (the delivery inspector's
 * filters in the URL). Provided here rather than in the root layout, so pages without them do not download them.
 */
export default function ReceiverLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <NuqsAdapter>{children}</NuqsAdapter>
    </QueryProvider>
  );
}
