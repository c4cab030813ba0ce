/**
 * For Vitest only: the routing harness (a real sandbox, a test database) plus an On-Premises context on the
 * same database, and the sandbox Coreapps' identities from its control surface.
 */
import { makeKeyring } from '@/lib/receivers/secret-box';
import { randomKey } from '@/lib/receivers/test-support';
import { startRoutingHarness } from '@/lib/routing/test-support';
import { TokenCache } from './client';
import type { OnpremContext } from './context';

export interface SandboxDeployment {
  id: string;
  label: string;
  baseUrl: string;
  username: string;
  password: string;
  phoneNumberIds: string[];
}

export async function startOnpremHarness() {
  const routing = await startRoutingHarness();
  const tokens = new TokenCache();
  const ctx: OnpremContext = {
    db: routing.ctx.db,
    keyring: makeKeyring(randomKey()),
    routing: routing.ctx,
    allowLoopback: true,
    timeoutMs: 2_000,
    tokens,
  };
  const sandboxUrl = routing.sandbox.url;
  const control = async (path: string, method = 'GET') =>
    (await fetch(`${sandboxUrl}/_sandbox${path}`, { method })).json() as Promise<Record<string, unknown>>;
  return {
    ...routing,
    onprem: ctx,
    tokens,
    deployments: async () => (await control('/coreapp')).deployments as SandboxDeployment[],
    expireCoreappTokens: () => control('/coreapp/expire-tokens', 'POST'),
  };
}
