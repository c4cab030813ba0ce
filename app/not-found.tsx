import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/common/not-found-message';

export const metadata: Metadata = { title: 'Not found' };

/**
 * Any address no route matches, and malformed ids that proxy.ts turns away: the console's own page with a
 * real 404, not the framework's bare one. (Inside the console, app/(console)/not-found.tsx keeps the header.)
 */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-12" data-testid="not-found">
      <p className="text-sm font-semibold text-slate-700">Switchboard</p>
      <NotFoundMessage />
    </main>
  );
}
