import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/common/query-provider';

/** TanStack Query for the app-tier writes' invalidations; provided per section, not in the root layout (components/common/query-provider.tsx). */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
