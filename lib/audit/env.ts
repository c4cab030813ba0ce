/**
 * What audit and bulk jobs run against: the database, the app and businesses, and a fresh metered,
 * throttled Graph client per job (so each job counts its own calls). Tests build one from a sandbox.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import { type Db, getDb } from '@/lib/db/client';
import type { ScanOptions } from '@/lib/fleet/scanner';
import { recentMaxPercent } from '@/lib/graph-usage';
import { getRoutingContext, type RoutingContext } from '@/lib/routing/context';
import { type AuditGraph, auditGraphFromConfig } from './graph';
import { Throttle } from './throttle';

export interface AuditEnv {
  db: Db;
  appId: string;
  businessIds: readonly string[];
  connect(): AuditGraph;
  /** The routing services' context, for bulk writes (its `graph` is replaced by the job's client). */
  routing(): Promise<RoutingContext>;
  scanOptions?: Omit<ScanOptions, 'onWabas' | 'onProgress'>;
  /** How often a running job writes its progress and heartbeat. Default 1 s. */
  progressIntervalMs?: number;
}

/** Usage figures younger than this, from any instance, steer a job's throttle (Graph's window is an hour). */
const SHARED_USAGE_WINDOW_MS = 5 * 60_000;

export async function auditEnvFromConfig(): Promise<AuditEnv> {
  const config = getConfig();
  const db = await getDb();
  return {
    db,
    appId: config.META_APP_ID,
    businessIds: config.META_BUSINESS_IDS,
    connect: () =>
      auditGraphFromConfig(
        new Throttle({
          sharedUsage: () => recentMaxPercent(db, config.META_APP_ID, SHARED_USAGE_WINDOW_MS),
        }),
      ),
    routing: getRoutingContext,
  };
}
