/**
 * What bulk re-routing runs against: the database and, for the one app a job changes, that app's routing
 * context and a fresh metered, throttled job client with its token (so every write is that app's, and only its
 * phone overrides change). The app's comes from lib/server (getBulkEnv); tests build one from a sandbox.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { RoutingContext } from '@/lib/routing/context';
import type { AuditGraph } from '../graph';

export interface BulkEnv {
  db: Db;
  /** The routing context acting as `appId` (the default app without one); rejects an unknown app. */
  routing(appId?: string | null): Promise<RoutingContext>;
  /** A fresh job client acting as `appId` (the default app without one): each job counts its own calls. */
  connect(appId?: string | null): Promise<AuditGraph>;
  /** How often a running job writes its heartbeat. Default 1 s. */
  progressIntervalMs?: number;
}
