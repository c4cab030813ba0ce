/** The apps one audit scan reads, in order: the env's list (every configured app), else its one app. */
import 'server-only';
import type { AuditApp, AuditEnv } from './env';

export async function scanApps(env: AuditEnv): Promise<AuditApp[]> {
  if (env.apps) {
    const apps = await env.apps();
    if (apps.length > 0) return apps;
  }
  return [
    {
      appId: env.appId,
      appLabel: env.appLabel ?? `App ${env.appId}`,
      connect: env.connect,
      doctor: env.doctor,
    },
  ];
}
