import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';

// Beside the [id] segment rather than inside it: the WABA's layout calls notFound(), and a layout's
// notFound() is caught by the boundary of the segment above it.
export default function WabaNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">WABA not found</h1>
      <EmptyState title="No WABA with this id belongs to the configured businesses">
        <p>
          Graph does not know it, or it is neither owned by nor shared with a business in META_BUSINESS_IDS.{' '}
          <Link href="/wabas" className="text-blue-800 underline underline-offset-2">
            Search the WABAs
          </Link>
          .
        </p>
      </EmptyState>
    </div>
  );
}
