'use client';

import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { readAgainAction } from '@/app/(console)/_actions/read-again';
import { PendingLabel } from '@/components/common/pending-label';
import { QueryProvider } from '@/components/common/query-provider';
import { Button } from '@/components/ui/button';
import type { RoutingAction } from '@/lib/routing/types';

interface ReadAgainButtonProps {
  action: RoutingAction;
  targetId: string;
  /** The app the write acted as: read through its token, which alone sees its overrides. */
  appId: string;
  /** The value the write asked for, to say whether Graph now reports it. */
  requested: string | null;
  describeValue: (value: string | null) => ReactNode;
}

/** After an unverified write: reads the target again and says what Graph reports now, and whether it is what was asked. */
export function ReadAgainButton(props: ReadAgainButtonProps) {
  return (
    <QueryProvider>
      <ReadAgain {...props} />
    </QueryProvider>
  );
}

function ReadAgain({ action, targetId, appId, requested, describeValue }: ReadAgainButtonProps) {
  const read = useMutation({
    mutationFn: () => readAgainAction({ action, targetId, appId }),
  });
  const result = read.data;
  return (
    <div className="space-y-2">
      <Button variant="outline" size="sm" disabled={read.isPending} onClick={() => read.mutate()}>
        <PendingLabel pending={read.isPending} idle="Read again" busy="Reading…" />
      </Button>
      <div aria-live="polite" data-testid="read-again-result">
        {result && !result.ok && <p className="font-medium text-red-900">{result.error}</p>}
        {result?.ok && result.data.kind === 'read' && (
          <p data-verified={result.data.value === requested ? 'yes' : 'no'}>
            Graph now reports {describeValue(result.data.value)}
            {result.data.value === requested
              ? ': what you asked for. The change is in effect.'
              : ': not what you asked for.'}
          </p>
        )}
        {result?.ok && result.data.kind === 'graph_error' && (
          <p className="font-medium text-red-900">Reading again failed too: {result.data.error.message}</p>
        )}
        {result?.ok && result.data.kind === 'not_found' && <p>{result.data.message}</p>}
      </div>
    </div>
  );
}
