'use client';

import { type ComponentProps, lazy, Suspense } from 'react';
import { Checking, WABA_CHECK_DESCRIPTION } from './checking';
import type { WabaDeliveryCheck as WabaCheckType } from './waba-delivery-check';

const WabaCheck = lazy(() =>
  import('./waba-delivery-check').then((module) => ({ default: module.WabaDeliveryCheck })),
);

/** The WABA's delivery check in its own chunk, as components/doctor/lazy-delivery-check.tsx does the number's. */
export function LazyWabaDeliveryCheck(props: ComponentProps<typeof WabaCheckType>) {
  return (
    <Suspense fallback={<Checking id="waba-delivery-check" description={WABA_CHECK_DESCRIPTION} />}>
      <WabaCheck {...props} />
    </Suspense>
  );
}
