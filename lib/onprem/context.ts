/**
 * What the On-Premises services need: the database, the secrets keyring (passwords at rest), the routing
 * context (carry-over writes phone overrides through it) and the process's Coreapp token cache.
 */
import 'server-only';
import { getConfig } from '@/lib/config';
import type { Db } from '@/lib/db/client';
import { getKeyring } from '@/lib/receivers/keyring';
import type { Keyring } from '@/lib/receivers/secret-box';
import { getRoutingContext, type RoutingContext } from '@/lib/routing/context';
import { TokenCache } from './client';

export interface OnpremContext {
  db: Db;
  keyring: Keyring;
  routing: RoutingContext;
  /** `http://` Coreapps and webhook URLs only on loopback, as for callbacks (ALLOW_LOOPBACK_CALLBACKS). */
  allowLoopback: boolean;
  timeoutMs: number;
  tokens: TokenCache;
}

const cacheKey = Symbol.for('switchboard.onprem.tokens');
type GlobalWithTokens = typeof globalThis & { [cacheKey]?: TokenCache };

export async function getOnpremContext(): Promise<OnpremContext> {
  const routing = await getRoutingContext();
  const g = globalThis as GlobalWithTokens;
  g[cacheKey] ??= new TokenCache();
  return {
    db: routing.db,
    keyring: getKeyring(),
    routing,
    allowLoopback: routing.allowLoopbackCallbacks,
    timeoutMs: getConfig().PREFLIGHT_TIMEOUT_MS,
    tokens: g[cacheKey],
  };
}
