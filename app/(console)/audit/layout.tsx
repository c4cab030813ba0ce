import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/common/query-provider';

/**
 * The audit's client state: TanStack Query (scan state, row blocks, bulk jobs) and nuqs (the filters, sort and
 * view in the URL). Provided here rather than in the root layout, so pages without them do not download them.
 */
export default function AuditLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <NuqsAdapter>{children}</NuqsAdapter>
    </QueryProvider>
  );
}
