'use client';

import { RefreshCw } from 'lucide-react';
import { PendingLabel } from '@/components/common/pending-label';
import { Timestamp } from '@/components/common/timestamp';
import { Button } from '@/components/ui/button';

interface ReadStatusProps {
  readAt: string;
  refreshing: boolean;
  onRefresh: () => void;
}

/** When this view was read from Graph, and a way to read it again. Announced politely when it changes. */
export function ReadStatus({ readAt, refreshing, onRefresh }: ReadStatusProps) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
      <p aria-live="polite" data-testid="read-at">
        Read from Graph at <Timestamp iso={readAt} />
      </p>
      <Button variant="outline" size="sm" disabled={refreshing} onClick={onRefresh}>
        {!refreshing && <RefreshCw aria-hidden="true" />}
        <PendingLabel pending={refreshing} idle="Refresh" busy="Reading from Graph…" />
      </Button>
    </div>
  );
}
