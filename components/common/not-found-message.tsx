import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';

/** The words of every not-found page: inside the console (with its header) and outside it. */
export function NotFoundMessage() {
  return (
    <>
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
    </>
  );
}
