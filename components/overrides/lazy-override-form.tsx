'use client';

import { lazy, type ReactNode, Suspense } from 'react';
import type { OverrideForm as OverrideFormType } from './override-form';

const load = () => import('./override-form');

/**
 * The override form in its own chunk (with zod and the URL and token rules it validates with): it opens behind
 * "Set … override", so the number and WABA pages load it when that button is pointed at, focused or pressed,
 * not with the page. Typed as the form itself, generics included.
 */
export const LazyOverrideForm = lazy(() =>
  load().then((module) => ({ default: module.OverrideForm })),
) as unknown as typeof OverrideFormType;

export const preloadOverrideForm = () => void load();

export function OverrideFormFallback(): ReactNode {
  return <p className="text-sm text-slate-700">Loading the form…</p>;
}

/** The lazy form's Suspense boundary, with the same fallback on both pages. */
export function OverrideFormSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<OverrideFormFallback />}>{children}</Suspense>;
}
