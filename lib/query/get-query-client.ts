/**
 * One QueryClient per server request (React `cache` scopes it to the render), so pages and layouts that ask
 * for the same key during one request share a single Graph read, and nothing leaks between users.
 * The browser has its own long-lived client in app/providers.tsx.
 */
import 'server-only';
import { QueryClient } from '@tanstack/react-query';
import { cache } from 'react';

export const getQueryClient = cache(
  () =>
    new QueryClient({
      // Matches the browser client so hydrated data is not refetched the moment it arrives.
      defaultOptions: { queries: { staleTime: 30_000, retry: false } },
    }),
);
