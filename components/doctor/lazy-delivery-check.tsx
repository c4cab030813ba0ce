'use client';

import { type ComponentProps, lazy, Suspense } from 'react';
import { Checking, NUMBER_CHECK_DESCRIPTION } from './checking';
import type { DeliveryCheckPanel as NumberCheckType } from './delivery-check-panel';

const NumberCheck = lazy(() =>
  import('./delivery-check-panel').then((module) => ({ default: module.DeliveryCheckPanel })),
);

/**
 * The number's delivery check in its own chunk, with TanStack Query: it reads its diagnosis from the browser after
 * the page has rendered, so its code loads then too, not with the page's first load.
 */
export function LazyDeliveryCheckPanel(props: ComponentProps<typeof NumberCheckType>) {
  return (
    <Suspense fallback={<Checking id="delivery-check" description={NUMBER_CHECK_DESCRIPTION} />}>
      <NumberCheck {...props} />
    </Suspense>
  );
}
