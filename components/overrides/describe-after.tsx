'use client';

import { lazy, Suspense } from 'react';
import type { NumberRoute, WabaSummary } from '@/lib/routing/types';

const NumberReadBack = lazy(() =>
  import('./read-back').then((module) => ({ default: module.NumberReadBack })),
);
const WabaReadBack = lazy(() => import('./read-back').then((module) => ({ default: module.WabaReadBack })));

/**
 * A write's read-back, for the outcome alerts (`describeAfter`). Its content (tier badges, URLs) is in its own
 * chunk: it shows only after a write, so the number and WABA pages do not load it up front. Its own Suspense
 * boundary keeps the form and the alert around it on screen while the chunk arrives.
 */
export function describeNumberRoute(after: NumberRoute) {
  return (
    <Suspense fallback={null}>
      <NumberReadBack after={after} />
    </Suspense>
  );
}

export function describeWabaState(after: WabaSummary) {
  return (
    <Suspense fallback={null}>
      <WabaReadBack after={after} />
    </Suspense>
  );
}
