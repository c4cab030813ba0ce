/**
 * Everything a routing service needs, passed explicitly so tests can build one from a sandbox and a memory
 * database instead of the process environment. Pages and actions call `getRoutingContext()` (lib/server).
 */
import 'server-only';
import type { Actor } from '@/lib/db/change-log';
import type { Db } from '@/lib/db/client';
import type { GraphClient } from '@/lib/graph/client';
import type { FleetCache } from './fleet-cache';

export interface RoutingContext {
  graph: GraphClient;
  /**
   * The app this context acts as (its token is `graph`'s): `isThisApp`, whose subscription counts as
   * "subscribed", whose overrides are read and written. One context per configured app (lib/apps).
   */
  appId: string;
  /** How the console names that app ("Acme Helpdesk"), for sentences about its route. */
  appLabel: string;
  businessIds: string[];
  allowLoopbackCallbacks: boolean;
  preflightTimeoutMs: number;
  db: Db;
  /** The short-lived fleet listing shared by list, overview and lookups; writes invalidate it. */
  fleetCache: FleetCache;
}

export type { Actor };

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };
