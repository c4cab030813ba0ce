import type { GraphFailureView } from '@/lib/routing/types';
import { GraphErrorAlert } from './graph-error-alert';
import { RetryButton } from './retry-button';

/** A page whose data could not be read: what Graph said, and a way to try again. */
export function ReadFailure({ failure, title }: { failure: GraphFailureView; title: string }) {
  return (
    <div className="space-y-3">
      <GraphErrorAlert error={failure} title={title} />
      <RetryButton />
    </div>
  );
}
