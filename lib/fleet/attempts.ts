/**
 * Runs one Graph read of a scan with the caller's patience: the client has already retried briefly; a
 * rate-limit or transient failure that still comes back makes every caller pause (`patience.backOff`) and the
 * read is tried again, up to `maxAttempts`. Anything else is reported once and the scan goes on without it.
 */
import 'server-only';
import { describeGraphError } from '@/lib/graph/describe-error';
import { isGraphError } from '@/lib/graph/errors';
import type { GraphFailureView } from '@/lib/routing/types';
import type { ScanPatience } from './types';

export const DEFAULT_MAX_ATTEMPTS = 5;

export function shouldBackOff(error: unknown): boolean {
  return isGraphError(error) && error.isTransient;
}

export function retryAfterOf(error: unknown): number | null {
  return isGraphError(error) ? error.retryAfterSeconds : null;
}

export async function withPatience<T>(
  throttle: ScanPatience,
  what: string,
  errors: GraphFailureView[],
  read: () => Promise<T>,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
): Promise<T | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await read();
      throttle.succeeded();
      return result;
    } catch (error) {
      const again =
        attempt < maxAttempts && shouldBackOff(error) && (await throttle.backOff(retryAfterOf(error)));
      if (!again) {
        errors.push(describeGraphError(error, what));
        return null;
      }
    }
  }
}
