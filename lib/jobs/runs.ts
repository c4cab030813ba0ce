/**
 * The jobs this process is running, by id: starting a job that already runs here joins that run instead of
 * starting a second one (a resume while the first run is still going, a double click). Other instances see
 * a job only through its row and heartbeat (lib/jobs/liveness.ts).
 */
import 'server-only';

// One registry per server process (Next may load this module more than once).
const registryKey = Symbol.for('switchboard.jobs.runs');
type GlobalWithRuns = typeof globalThis & { [registryKey]?: Map<string, Promise<void>> };

function runs(): Map<string, Promise<void>> {
  const g = globalThis as GlobalWithRuns;
  g[registryKey] ??= new Map();
  return g[registryKey];
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
