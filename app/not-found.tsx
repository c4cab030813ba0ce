import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';

export const metadata: Metadata = { title: 'Not found' };

/**
 * Any address no route matches, and malformed ids that proxy.ts turns away: the console's own page with a
 * real 404, not the framework's bare one. (Inside the console, app/(console)/not-found.tsx keeps the header.)
 */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-12" data-testid="not-found">
      <p className="text-sm font-semibold text-slate-700">Switchboard</p>
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <EmptyState title="There is nothing at this address">
        <p>
          Go back to the{' '}
          <Link href="/" className="text-blue-800 underline underline-offset-2">
            overview
          </Link>{' '}
          or the{' '}
          <Link href="/wabas" className="text-blue-800 underline underline-offset-2">
            list of WABAs
          </Link>
          .
        </p>
      </EmptyState>
    </main>
  );
}
