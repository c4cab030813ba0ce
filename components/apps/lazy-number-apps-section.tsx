'use client';

import { type ComponentProps, lazy, Suspense } from 'react';
import type { NumberAppsSection as NumberAppsSectionType } from './number-apps-section';

const Section = lazy(() =>
  import('./number-apps-section').then((module) => ({ default: module.NumberAppsSection })),
);

/**
 * Every configured app's route for one number, in its own chunk: the number page shows it only when more than
 * one app is configured, so a single-app console does not download it with the page.
 */
export function NumberAppsSection(props: ComponentProps<typeof NumberAppsSectionType>) {
  return (
    <Suspense fallback={null}>
      <Section {...props} />
    </Suspense>
  );
}
