/**
 * What audit and bulk jobs run against: the database, the apps and businesses, and a fresh metered,
 * throttled Graph client per job and app (so each counts its own calls). The app's comes from lib/server
 * (getAuditEnv); tests build one from a sandbox.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { DoctorContext } from '@/lib/doctor/context';
import type { ScanOptions } from '@/lib/fleet/scanner';
import type { GraphClient } from '@/lib/graph/client';
import type { RoutingContext } from '@/lib/routing/context';
import type { AuditGraph } from './graph';

/** One app an audit scan reads the fleet as: its own token, so its own view of every tier. */
export interface AuditApp {
  appId: string;
  appLabel: string;
  /** A fresh metered client with this app's token and its own throttle (rate limits are per app). */
  connect(): AuditGraph;
  /** The routing doctor's context as this app, for the verdict columns (see AuditEnv.doctor). */
  doctor?: (graph: GraphClient) => Promise<DoctorContext>;
}

export interface AuditEnv {
  db: Db;
  /** The default app: bulk jobs act as it, and a scan's `audit_scans.app_id` names it. */
  appId: string;
  appLabel?: string;
  /**
   * Every app a scan reads, the default first (lib/server: the app registry). Absent: the scan reads as
   * `appId` alone, with `connect` and `doctor`.
   */
  apps?: () => Promise<AuditApp[]>;
  businessIds: readonly string[];
  connect(): AuditGraph;
  /** The routing services' context, for bulk writes (its `graph` is replaced by the job's client). */
  routing(): Promise<RoutingContext>;
  scanOptions?: Omit<ScanOptions, 'onWabas' | 'onProgress'>;
  /**
   * The routing doctor's context for the scan's Graph client: with it, every snapshot row gets the doctor's
   * verdict (lib/audit/verdicts.ts); without it (benchmarks of the scan alone), the verdict columns stay null.
   */
  doctor?: (graph: GraphClient) => Promise<DoctorContext>;
  /** How often a running job writes its progress and heartbeat. Default 1 s. */
  progressIntervalMs?: number;
}
