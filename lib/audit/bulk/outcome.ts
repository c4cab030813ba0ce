/** A routing write's outcome → what a bulk item records: its status, a sentence, and the read-back. */

import type { NumberRoute, WriteOutcome } from '@/lib/routing/types';
import type { BulkItemStatus, BulkItemView } from '../types';

export interface ItemResult {
  status: Extract<BulkItemStatus, 'applied' | 'failed'>;
  outcome: WriteOutcome<NumberRoute>['kind'];
  message: string | null;
  readBack: BulkItemView['readBack'];
  /** For a stale item: the phone override Graph reports now, the stale check of a retry. */
  nowExpected?: string | null;
}

function readBackOf(route: NumberRoute): NonNullable<BulkItemView['readBack']> {
  return {
    phoneTier: route.tiers.phone_number || null,
    winner: route.resolution.winner,
    effectiveUrl: route.resolution.url,
  };
}

export function itemResult(outcome: WriteOutcome<NumberRoute>): ItemResult {
  switch (outcome.kind) {
    case 'applied':
      return { status: 'applied', outcome: outcome.kind, message: null, readBack: readBackOf(outcome.after) };
    case 'mismatch':
      return {
        status: 'failed',
        outcome: outcome.kind,
        message: `Graph accepted the change but reports the phone override as ${outcome.reported ?? 'unset'}.`,
        readBack: readBackOf(outcome.after),
      };
    case 'stale':
      return {
        status: 'failed',
        outcome: outcome.kind,
        message: `Changed since the audit snapshot: the phone override is now ${outcome.current ?? 'unset'} (the snapshot had ${outcome.expected ?? 'none'}). Retrying applies the change over the current value.`,
        readBack: null,
        nowExpected: outcome.current,
      };
    case 'preflight_failed':
      return {
        status: 'failed',
        outcome: outcome.kind,
        message: `The callback check failed: ${outcome.preflight.explanation}`,
        readBack: null,
      };
    case 'unverified':
      // Graph accepted it: counted as applied (retrying would write it twice), with the read-back's failure.
      return {
        status: 'applied',
        outcome: outcome.kind,
        message: `Applied, not verified: Graph accepted the change, but reading it back failed. ${outcome.error.message}`,
        readBack: null,
      };
    case 'graph_error':
      return { status: 'failed', outcome: outcome.kind, message: outcome.error.message, readBack: null };
    case 'refused':
      return { status: 'failed', outcome: outcome.kind, message: outcome.message, readBack: null };
  }
}
