/** Shapes the fleet scanner produces and what it needs to pace itself. Plain data. */
import type { HealthStatus, PhoneNumber, SubscribedApp } from '@/lib/graph/schemas';
import type { GraphFailureView, Ownership } from '@/lib/routing/types';

/** One WABA read completely (every page of its numbers and subscribed apps), or as far as Graph allowed. */
export interface ScannedWaba {
  wabaId: string;
  name: string | null;
  /** The configured business it was listed under (its owner when one of them owns it). */
  businessId: string;
  ownership: Ownership;
  /** `owner_business_info.name`: for a client WABA, the business that shares it; null when Graph did not say. */
  ownerBusinessName: string | null;
  subscribedApps: SubscribedApp[];
  /** With `webhook_configuration` as this app sees it. */
  numbers: PhoneNumber[];
  /** When Graph returned the page that listed this WABA. */
  readAt: string;
  /** Only when the scan asked for health (`withHealth`): the WABA's review and health state. */
  accountReviewStatus?: string;
  healthStatus?: HealthStatus;
}

/** The whole fleet at once, as routing reads (list, overview, lookups) use it. */
export interface FleetScan {
  wabas: ScannedWaba[];
  errors: GraphFailureView[];
  readAt: string;
}

export interface ScanProgress {
  /** From `summary=total_count` of the WABA listings; exact once every listing is read. */
  wabasTotal: number | null;
  wabasScanned: number;
  /** Numbers expected: exact once every WABA page is listed, an extrapolation before. */
  numbersTotal: number | null;
  numbersTotalExact: boolean;
  numbersScanned: number;
  /** Operations sent inside batch requests (each counts against rate limits on its own). */
  batchOperations: number;
}

export interface ScanOutcome extends ScanProgress {
  errors: GraphFailureView[];
}

/**
 * How the scanner waits out rate limits (lib/audit/throttle.ts's Throttle is one). `backOff` resolves false
 * when the caller should give up instead of trying again.
 */
export interface ScanPatience {
  backOff(retryAfterSeconds: number | null): Promise<boolean>;
  succeeded(): void;
}
