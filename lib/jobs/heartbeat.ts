/**
 * A running job's heartbeat: `beat` (write progress and `heartbeat_at`) every `intervalMs` while `work` runs.
 * Beats are written one after another, never two at once, so a slow database cannot store an older beat over
 * a newer one; a failed beat is dropped (the next one carries the same news). The work's result is returned
 * only after the last beat has landed, so the job's final write comes after every beat.
 */
import 'server-only';

export const HEARTBEAT_INTERVAL_MS = 1_000;

export interface HeartbeatOptions {
  beat: () => Promise<void>;
  intervalMs?: number;
}

export async function withHeartbeat<T>(options: HeartbeatOptions, work: () => Promise<T>): Promise<T> {
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    writing = writing.then(options.beat).catch(() => {});
  }, options.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  // A heartbeat alone does not keep the process alive.
  timer.unref?.();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await writing;
  }
}
