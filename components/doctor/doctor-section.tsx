'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { PendingLabel } from '@/components/common/pending-label';
import { Section } from '@/components/common/section';
import { Button } from '@/components/ui/button';
import { ReadError } from '@/lib/query/read-result';

/**
 * The frame of a delivery check (number or WABA): the section, its Re-run button, the announced region, and
 * the states before the diagnosis arrives. `children` renders the diagnosis itself.
 */
export function DoctorSection<T>({
  id,
  description,
  query,
  children,
}: {
  id: string;
  description: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { data, error, isFetching } = query;
  return (
    <Section
      id={id}
      title="Delivery check"
      description={description}
      actions={
        <Button variant="outline" size="sm" disabled={isFetching} onClick={() => void query.refetch()}>
          <PendingLabel pending={isFetching} idle="Re-run" busy="Checking…" />
        </Button>
      }
    >
      <div aria-live="polite" aria-busy={isFetching} className="space-y-3">
        {error &&
          (error instanceof ReadError && error.failure ? (
            <GraphErrorAlert error={error.failure} title="Could not run the delivery check" />
          ) : (
            <p className="text-sm font-medium text-red-900">
              Could not run the delivery check: {error.message}
            </p>
          ))}
        {data === undefined && !error && <p className="text-sm text-slate-700">Checking…</p>}
        {data !== undefined && children(data)}
      </div>
    </Section>
  );
}
