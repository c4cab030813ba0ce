/**
 * What audit and bulk jobs run against: the database, the app and businesses, and a fresh metered,
 * throttled Graph client per job (so each job counts its own calls). The app's comes from lib/server
 * (getAuditEnv); tests build one from a sandbox.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { DoctorContext } from '@/lib/doctor/context';
import type { ScanOptions } from '@/lib/fleet/scanner';
import type { GraphClient } from '@/lib/graph/client';
import type { RoutingContext } from '@/lib/routing/context';
import type { AuditGraph } from './graph';

export interface AuditEnv {
  db: Db;
  appId: string;
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
