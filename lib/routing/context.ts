/**
 * Everything a routing service needs, passed explicitly so tests can build one from a sandbox and a memory
 * database instead of the process environment. Pages and actions call `getRoutingContext()`.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import type { Actor } from '@/lib/db/change-log';
import { type Db, getDb } from '@/lib/db/client';
import type { GraphClient } from '@/lib/graph/client';
import { getGraphClient } from '@/lib/graph/default-client';
import { FleetCache } from './fleet-cache';

export interface RoutingContext {
  graph: GraphClient;
  /** The app Switchboard acts as: `isThisApp`, and whose subscription counts as "subscribed". */
  appId: string;
  businessIds: string[];
  allowLoopbackCallbacks: boolean;
  preflightTimeoutMs: number;
  db: Db;
  /** The short-lived fleet listing shared by list, overview and lookups; writes invalidate it. */
  fleetCache: FleetCache;
}

export type { Actor };

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

// One cache per server process, shared by every request (Next may load this module more than once).
const cacheKey = Symbol.for('switchboard.routing.fleetCache');
type GlobalWithCache = typeof globalThis & { [cacheKey]?: FleetCache };

function processFleetCache(ttlMs: number): FleetCache {
  const g = globalThis as GlobalWithCache;
  g[cacheKey] ??= new FleetCache(ttlMs);
  return g[cacheKey];
}

export async function getRoutingContext(): Promise<RoutingContext> {
  const config = getConfig();
  return {
    graph: getGraphClient(),
    appId: config.META_APP_ID,
    businessIds: config.META_BUSINESS_IDS,
    allowLoopbackCallbacks: config.ALLOW_LOOPBACK_CALLBACKS,
    preflightTimeoutMs: config.PREFLIGHT_TIMEOUT_MS,
    db: await getDb(),
    fleetCache: processFleetCache(config.FLEET_CACHE_TTL_MS),
  };
}
