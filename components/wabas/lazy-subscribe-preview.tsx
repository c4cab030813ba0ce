'use client';

import { lazy, Suspense } from 'react';

const Preview = lazy(() =>
  import('./subscribe-preview').then((module) => ({ default: module.SubscribePreview })),
);

/**
 * The subscribe confirmation's preview (which numbers start receiving, read with TanStack Query) in its own
 * chunk: it renders inside the dialog, so it loads when the dialog opens.
 */
export function LazySubscribePreview(props: { wabaId: string; wabaLabel: string }) {
  return (
    <Suspense fallback={<p>Reading the numbers of WABA {props.wabaLabel}…</p>}>
      <Preview {...props} />
    </Suspense>
  );
}
