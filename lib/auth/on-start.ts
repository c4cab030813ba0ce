/** Auth's share of server start-up (registered in lib/server-start.ts). */
import 'server-only';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { seedDemoUsers } from './demo-users';
import { pruneOldSignInAttempts } from './rate-limit';
import { getAuthSecret } from './secret';

export async function startAuth(): Promise<void> {
  // Resolve the session secret now: a demo secret file gets created once, before requests race for it.
  getAuthSecret();
  await pruneOldSignInAttempts();
  if (getConfig().SWITCHBOARD_DEMO) {
    const created = await seedDemoUsers();
    if (created > 0) logger.info({ created }, 'demo users created');
  }
}
