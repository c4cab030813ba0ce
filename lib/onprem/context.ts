/**
 * What the On-Premises services need: the database, the secrets keyring (passwords at rest), the routing
 * context (carry-over writes phone overrides through it) and the process's Coreapp token cache. The app
 * builds it in lib/server (getOnpremContext); tests build their own.
 */
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { Keyring } from '@/lib/receivers/secret-box';
import type { RoutingContext } from '@/lib/routing/context';
import type { TokenCache } from './client';

export interface OnpremContext {
  db: Db;
  keyring: Keyring;
  routing: RoutingContext;
  /** `http://` Coreapps and webhook URLs only on loopback, as for callbacks (ALLOW_LOOPBACK_CALLBACKS). */
  allowLoopback: boolean;
  timeoutMs: number;
  tokens: TokenCache;
}
