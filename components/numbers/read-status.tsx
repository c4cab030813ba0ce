'use client';

import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { Timestamp } from '@/components/common/timestamp';
import { Button } from '@/components/ui/button';

/**
 * When this view was read from Graph, and a way to read it again: *Refresh* re-renders the page on the server,
 * which reads Graph again. Announced politely when it changes.
 */
export function ReadStatus({ readAt }: { readAt: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
      <p aria-live="polite" data-testid="read-at">
        Read from Graph at <Timestamp iso={readAt} />
      </p>
      <Button
        variant="outline"
        size="sm"
        disabled={refreshing}
        onClick={() => startRefresh(() => router.refresh())}
      >
        {!refreshing && <RefreshCw aria-hidden="true" />}
        <PendingLabel pending={refreshing} idle="Refresh" busy="Reading from Graph…" />
      </Button>
    </div>
  );
}
