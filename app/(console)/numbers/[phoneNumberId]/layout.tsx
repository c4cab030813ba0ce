import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { numberDetailOptions } from '@/lib/query/numbers';
import { readNumber } from '@/lib/query/reads';

/**
 * Decides whether the number exists before this segment's loading.tsx streams: once a Suspense fallback has
 * been sent the status is 200, so `notFound()` from the page could no longer answer 404. The read lands in
 * this request's QueryClient, so the page reuses it rather than reading Graph again. A failed read renders
 * the page, which shows the failure.
 */
export default async function NumberLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ phoneNumberId: string }>;
}) {
  const { phoneNumberId } = await params;
  const result = await fetchForPage(numberDetailOptions(phoneNumberId), () => readNumber(phoneNumberId));
  if (result.ok && !result.data) notFound();
  return children;
}
