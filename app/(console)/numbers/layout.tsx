import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/common/query-provider';

/** TanStack Query for the number page's routing, diagnosis and latest delivery; provided per section, not in the root layout (components/common/query-provider.tsx). */
export default function NumbersLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
