/** View models of the fleet audit, shared by services, route handlers and the console. Plain data, no secrets. */
import type { AuditScanStatus, BulkAction, BulkItemStatus, BulkJobStatus } from '@/lib/db/schema';
import type { CheckId, Verdict } from '@/lib/doctor/types';
import type { GraphFailureView, Overview, Ownership, PreflightResult, Tier } from '@/lib/routing/types';

// The statuses and actions are the database columns' enums, named here for the console.
export type { AuditScanStatus, BulkAction, BulkItemStatus, BulkJobStatus };

/** What one app's part of a scan cost and found (`audit_scans.apps`). */
export interface AuditScanAppStats {
  appId: string;
  appLabel: string;
  /** HTTP requests this app's client sent to Graph (a batch is one). */
  graphCalls: number;
  wallMs: number;
  wabasScanned: number;
  numbersScanned: number;
  errors: number;
}

export interface AuditScanView {
  id: string;
  status: AuditScanStatus;
  /** The default app when the scan ran (bulk jobs act as it; rows without an app id are its). */
  appId: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  wabasTotal: number | null;
  wabasScanned: number;
  numbersTotal: number | null;
  numbersTotalExact: boolean;
  numbersScanned: number;
  graphCalls: number;
  batchOperations: number;
  backoffs: number;
  throttledMs: number;
  /** Set when the scan completed: numbers whose route differs from their previous snapshot. */
  changedCount: number | null;
  /** …of which no Switchboard change explains: changed outside Switchboard. */
  driftCount: number | null;
  errors: GraphFailureView[];
  /** Per app, in scan order (the default app first); empty for scans from before several apps were scanned. */
  apps: AuditScanAppStats[];
}

/** The route a snapshot recorded, as kept in `previous` on changed rows. */
export interface RouteState {
  at: string;
  phoneTier: string | null;
  wabaTier: string | null;
  appTier: string | null;
  winner: Tier | null;
  effectiveUrl: string | null;
  subscribed: boolean;
}

export interface AuditRow extends RouteState {
  /** The app whose route this row is; null on snapshots from before several apps were scanned. */
  appId: string | null;
  appLabel: string | null;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  wabaId: string;
  wabaName: string | null;
  businessId: string;
  ownership: Ownership;
  changed: boolean;
  drift: boolean;
  previous: RouteState | null;
  /** The routing doctor's verdict when the scan ran; null for scans that did not check delivery. */
  verdict: Verdict | null;
  /** The check that failed (or warned) first. */
  firstProblem: CheckId | null;
}

export interface AuditRowsPage {
  rows: AuditRow[];
  total: number;
  offset: number;
}

export interface UrlGroup {
  /** null: numbers with no delivery. */
  url: string | null;
  count: number;
  byWinner: Record<Tier | 'none', number>;
  /** Which apps' routes reach this URL and how many numbers each, most first (across apps). */
  apps: { appId: string | null; appLabel: string | null; count: number }[];
}

export interface UrlGroups {
  /** The biggest destinations, most numbers first. */
  groups: UrlGroup[];
  /** Every distinct destination, including those not listed. */
  destinations: number;
  numbers: number;
}

export interface BulkItemView {
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  wabaId: string;
  wabaName: string | null;
  status: BulkItemStatus;
  /** WriteOutcome kind of the last attempt (`applied`, `stale`, `graph_error`, …). */
  outcome: string | null;
  message: string | null;
  /**
   * The phone override this item's write replaces (or clears): the audit snapshot's, or Graph's current
   * value after a stale attempt. null when the number had none.
   */
  before: string | null;
  /** What Graph reported after the write. */
  readBack: { phoneTier: string | null; winner: Tier | null; effectiveUrl: string | null } | null;
  attempts: number;
}

export interface BulkJobView {
  id: string;
  action: BulkAction;
  overrideCallbackUri: string | null;
  verifyTokenMasked: string | null;
  selection: string;
  status: BulkJobStatus;
  total: number;
  counts: Record<BulkItemStatus, number>;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  backoffs: number;
  preflight: PreflightResult | null;
  /** The app whose phone overrides the job changes; null on jobs older than per-app bulk (the default app's). */
  appId: string | null;
  /** False when the scan was another app's: no stale check against it, each write read the override live. */
  snapshotCoversApp: boolean;
  items: BulkItemView[];
}

/** Numbers that cannot receive messages, by the check that failed first. */
export interface UndeliverableGroup {
  check: CheckId;
  count: number;
}

/**
 * The overview as read from the latest audit snapshot (no Graph call per visitor): the routing overview's
 * figures, the snapshot they come from and how fresh it is, a scan running now, and the delivery verdicts.
 */
export interface FleetOverview extends Overview {
  /** The completed scan the figures come from; null: no snapshot yet (every figure is zero). */
  snapshot: {
    scanId: string;
    startedAt: string;
    finishedAt: string;
    /** Routing changes made through Switchboard since this scan started: the snapshot predates them. */
    changesSince: number;
  } | null;
  /** A scan running now on any instance; the figures update when it completes. */
  running: AuditScanView | null;
  /** Numbers whose verdict is `does_not_deliver`, grouped; null when the snapshot has no verdicts. */
  /** `appId`: the app whose routes these are (the default app), so the audit link shows the same numbers. */
  undeliverable: { total: number; groups: UndeliverableGroup[]; appId: string } | null;
}
