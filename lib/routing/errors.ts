/** Errors the routing services throw themselves (Graph failures stay GraphError). */
import 'server-only';
import { type GraphFailureView, IncompleteReadError } from '@/lib/graph/describe-error';

/**
 * A lookup needed the fleet listing, the id was not in it, and some listings had failed: the id may be in the
 * part that could not be read, so "not found" would be a guess.
 */
export class FleetUnavailableError extends IncompleteReadError {
  override name = 'FleetUnavailableError';
  constructor(failures: GraphFailureView[]) {
    super(`The fleet listing is incomplete: ${failures.length} listing(s) failed.`, failures);
  }
}
