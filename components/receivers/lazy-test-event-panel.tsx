'use client';

import { type ComponentProps, lazy, Suspense } from 'react';
import type { TestEventPanel as TestEventPanelType } from './test-event-panel';

const Panel = lazy(() => import('./test-event-panel').then((module) => ({ default: module.TestEventPanel })));

/**
 * Routing proof (send a test event, the latest delivery) in its own chunk with TanStack Query: it sits below the
 * route and acts on a click or reads after render, so the number page's first load does not carry it.
 */
export function LazyTestEventPanel(props: ComponentProps<typeof TestEventPanelType>) {
  return (
    <Suspense fallback={<p className="text-sm text-slate-700">Loading…</p>}>
      <Panel {...props} />
    </Suspense>
  );
}
