'use client';

import { usePathname } from 'next/navigation';
import { SegmentError } from '@/components/common/segment-error';
import { errorSubject } from './_lib/error-subject';

/** Every console page's error boundary; the WABA and number pages name themselves through the address. */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} what={errorSubject(usePathname())} />;
}
