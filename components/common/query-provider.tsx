'use client';

import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
  });
}

let browserClient: QueryClient | undefined;

/** The tab's QueryClient (a new one per server render): the provider's, and what a write invalidates. */
export function browserQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

/**
 * TanStack Query for the sections whose client components use it (a layout.tsx, or a lazily loaded island such as
 * the delivery check, wraps them in this), not for the whole app: the overview, the number and WABA pages and the
 * other server-rendered pages then do not download it with the page. One
 * QueryClient per browser tab, shared by every section, so moving between them keeps the cache; a new one
 * per server render (server components prefetch into lib/query/get-query-client.ts's client).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  // Not useState: a render that suspends before committing would throw a state-held client away.
  return <QueryClientProvider client={browserQueryClient()}>{children}</QueryClientProvider>;
}
