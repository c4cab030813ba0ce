/** The audit's share of server start-up (registered in lib/server-start.ts): the snapshot refresh tick. */
import 'server-only';
import { logger } from '@/lib/log';
import type { AuditEnv } from './env';
import { refreshPolicy, refreshSnapshotIfDue } from './refresh';

/** How often each instance asks whether the snapshot is due; the claim makes one of them run it. */
export const REFRESH_TICK_MS = 30_000;

export function startAuditRefresh(env: () => Promise<AuditEnv>, minutes: number): void {
  if (minutes <= 0) return;
  const policy = refreshPolicy(minutes);
  const tick = async () => {
    try {
      const started = await refreshSnapshotIfDue(await env(), policy);
      if (started) {
        logger.info({ scanId: started.scan.id }, 'scheduled audit scan started');
        const done = await started.finished;
        logger.info({ scanId: done?.id, status: done?.status }, 'scheduled audit scan ended');
      }
    } catch (error) {
      // A failed tick only delays the refresh; it must not stop the server.
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'audit refresh tick failed',
      );
    }
  };
  // The first tick at start: a fresh install gets its first snapshot without anyone pressing a button.
  void tick();
  setInterval(() => void tick(), REFRESH_TICK_MS).unref();
}
