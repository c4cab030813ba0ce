'use client';

import { lazy, Suspense } from 'react';
import type { WriteOutcomeAlert as WriteOutcomeAlertType } from './write-outcome-alert';

const LazyAlert = lazy(() =>
  import('./write-outcome-alert').then((module) => ({ default: module.WriteOutcomeAlert })),
) as unknown as typeof WriteOutcomeAlertType;

/**
 * A write's outcome (with its read-again and preflight parts) in its own chunk: it shows only after a write, so
 * the number and WABA pages load it then rather than up front. The result region it renders into is already
 * on the page (focus moves there), so only its content waits for the chunk.
 */
export function LazyWriteOutcomeAlert<T>(props: Parameters<typeof WriteOutcomeAlertType<T>>[0]) {
  return (
    <Suspense fallback={null}>
      <LazyAlert {...props} />
    </Suspense>
  );
}
