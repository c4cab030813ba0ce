import { EmptyState } from '@/components/common/empty-state';

/**
 * The words of every not-found page: inside the console (with its header) and outside it. Plain links, not
 * `next/link`: the root not-found boundary is part of every page's first load, and there `Link` would be a
 * second copy of the router link code the console header already ships (Turbopack does not share it).
 */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Not found</h1>
      <EmptyState title="There is nothing at this address">
        <p>
          Go back to the{' '}
          <a href="/" className="text-blue-800 underline underline-offset-2">
            overview
          </a>{' '}
          or the{' '}
          <a href="/wabas" className="text-blue-800 underline underline-offset-2">
            list of WABAs
          </a>
          .
        </p>
      </EmptyState>
    </>
  );
}
