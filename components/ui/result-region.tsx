import type { ReactNode } from 'react';
import { cn } from '#cn';
import type { ActionResult } from '@/lib/auth/safe-action';
import { Alert } from './alert';

/**
 * Where a form's outcome is announced (`aria-live`): the success message, or the refusal when it is not about a
 * field (field errors show under their fields instead).
 */
export function ResultRegion<T>({
  state,
  success,
  className,
}: {
  state: ActionResult<T> | null;
  success: (data: T) => ReactNode;
  className?: string;
}) {
  return (
    <div aria-live="polite" className={cn('min-w-0 flex-1', className)}>
      {state?.ok && success(state.data)}
      {state && !state.ok && !state.fieldErrors && (
        <Alert variant="destructive">
          <p>{state.error}</p>
        </Alert>
      )}
    </div>
  );
}
