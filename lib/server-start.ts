/**
 * Start-up tasks that need the database (called from instrumentation.ts after migrations).
 * Other modules register their work here rather than growing instrumentation.ts.
 */
import 'server-only';
import type { AuditEnv } from '@/lib/audit/env';
import { startAuditRefresh } from '@/lib/audit/refresh-schedule';
import { startAuth } from '@/lib/auth/on-start';
import { getConfig } from '@/lib/config';
import { registerSecret } from '@/lib/log';
import { startReceivers } from '@/lib/receivers/on-start';

/**
 * `auditEnv`: the composition root's audit context (lib/server), passed in by the entry point; without it (tests
 * of start-up) the background snapshot refresh is not started.
 */
export async function onServerStart(deps: { auditEnv?: () => Promise<AuditEnv> } = {}): Promise<void> {
  // Teach the logger every configured secret so a value that slips into a message is scrubbed, not written.
  const config = getConfig();
  for (const secret of [
    config.GRAPH_ACCESS_TOKEN,
    config.META_APP_SECRET,
    config.NEXTAUTH_SECRET,
    config.SECRETS_KEY,
    ...config.SECRETS_KEY_PREVIOUS,
    config.OIDC_CLIENT_SECRET,
  ]) {
    registerSecret(secret);
  }
  await startAuth();
  await startReceivers();
  if (deps.auditEnv) startAuditRefresh(deps.auditEnv, config.AUDIT_REFRESH_MINUTES);
}
