import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/common/query-provider';

/** TanStack Query for the WABA page's routing and diagnosis; provided per section, not in the root layout (components/common/query-provider.tsx). */
export default function WabaLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
