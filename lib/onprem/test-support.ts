/**
 * For Vitest only: the routing harness (a real sandbox, a test database) plus an On-Premises context on the
 * same database, and the sandbox Coreapps' identities from its control surface.
 */
import { sandboxClient } from '@/lib/graph-sandbox/client';
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
  const control = sandboxClient(routing.sandbox.url);
  return {
    ...routing,
    onprem: ctx,
    tokens,
    deployments: (): Promise<SandboxDeployment[]> => control.coreappDeployments(),
    expireCoreappTokens: () => control.expireCoreappTokens(),
  };
}
