import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';

// Beside the [id] segment rather than inside it: the number's layout calls notFound(), and a layout's
// notFound() is caught by the boundary of the segment above it.
export default function NumberNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Phone number not found</h1>
      <EmptyState title="No phone number with this id is in a WABA of the configured businesses">
        <p>
          Graph does not know it, or its WABA is neither owned by nor shared with a business in
          META_BUSINESS_IDS.{' '}
          <Link href="/wabas" className="text-blue-800 underline underline-offset-2">
            Browse the WABAs
          </Link>
          .
        </p>
      </EmptyState>
    </div>
  );
}
