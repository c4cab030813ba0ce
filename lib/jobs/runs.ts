/**
 * The jobs this process is running, by id: starting a job that already runs here joins that run instead of
 * starting a second one (a resume while the first run is still going, a double click). Other instances see
 * a job only through its row and heartbeat (lib/jobs/liveness.ts).
 */
import 'server-only';

import { processSingleton } from '@/lib/server/process-singleton';

/** One registry per server process (Next may load this module more than once). */
function runs(): Map<string, Promise<void>> {
  return processSingleton('jobs.runs', () => new Map<string, Promise<void>>());
}

/** Starts `run` for `jobId` unless it already runs here; settles (never rejects) when the run ends. */
export function runOnce(jobId: string, run: () => Promise<void>): Promise<void> {
  const existing = runs().get(jobId);
  if (existing) return existing;
  const running = run()
    .catch(() => {})
    .finally(() => runs().delete(jobId));
  runs().set(jobId, running);
  return running;
}

/** Settles when this process's run of the job ends (at once when it is not running here). */
export function settled(jobId: string): Promise<void> {
  return runs().get(jobId) ?? Promise.resolve();
}
