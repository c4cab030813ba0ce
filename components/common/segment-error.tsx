'use client';

import { RefreshCw } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button-variants';

interface SegmentErrorProps {
  error: unknown;
  /** Next's `retry`: refreshes the route's server data and resets the boundary (router.refresh + reset). */
  retry: () => void;
  what: string;
}

/** The body of every console error.tsx. Server errors arrive without their message; the digest finds the log. */
export function SegmentError({ error, retry, what }: SegmentErrorProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const digest =
    error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : null;
  return (
    <div className="space-y-4">
      <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold text-slate-900 focus:outline-none">
        Could not load {what}
      </h1>
      <Alert variant="destructive">
        <AlertTitle>Something went wrong on our side</AlertTitle>
        <AlertDescription>
          <p>
            Nothing was changed. Try again; if it keeps failing, give this reference to whoever runs
            Switchboard.
          </p>
          {digest && (
            <p>
              Reference: <code className="font-mono">{digest}</code>
            </p>
          )}
        </AlertDescription>
      </Alert>
      {/* A plain <button> with Button's styles: every page loads its error boundary's code up front. */}
      <button type="button" className={buttonVariants()} onClick={() => retry()}>
        <RefreshCw aria-hidden="true" />
        Try again
      </button>
    </div>
  );
}
