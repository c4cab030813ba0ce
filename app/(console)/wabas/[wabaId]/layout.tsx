import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { readWaba } from '@/lib/query/reads';
import { wabaDetailOptions } from '@/lib/query/wabas';

/**
 * Decides whether the WABA exists before this segment's loading.tsx streams: once a Suspense fallback has
 * been sent the status is 200, so `notFound()` from the page could no longer answer 404. The read lands in
 * this request's QueryClient, so the page reuses it rather than reading Graph again. A failed read renders
 * the page, which shows the failure.
 */
export default async function WabaLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ wabaId: string }>;
}) {
  const { wabaId } = await params;
  const result = await fetchForPage(wabaDetailOptions(wabaId), () => readWaba(wabaId));
  if (result.ok && !result.data) notFound();
  return children;
}
