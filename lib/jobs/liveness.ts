/**
 * When a job row is still alive. A running job writes its heartbeat about every second (lib/jobs/heartbeat.ts);
 * a `running` row whose heartbeat is older than JOB_STALE_AFTER_MS belongs to a process that died, so it is
 * shown as interrupted and may be taken over. Pure, with the clock as a parameter.
 */

export const JOB_STALE_AFTER_MS = 30_000;

export interface JobPulse {
  status: string;
  heartbeatAt: Date;
}

/** Heartbeats before this instant are stale. */
export function staleBefore(now: number = Date.now()): Date {
  return new Date(now - JOB_STALE_AFTER_MS);
}

/** Running, with a heartbeat recent enough that its process is still at work. */
export function isLive(job: JobPulse, now: number = Date.now()): boolean {
  return job.status === 'running' && now - job.heartbeatAt.getTime() <= JOB_STALE_AFTER_MS;
}

/** The status to report: a running job whose heartbeat stopped is `interrupted`. */
export function shownStatus<S extends string>(
  job: { status: S; heartbeatAt: Date },
  now: number = Date.now(),
): S | 'interrupted' {
  return job.status === 'running' && !isLive(job, now) ? 'interrupted' : job.status;
}

/** The columns a job's last write sets: its final heartbeat is its end. */
export function finishStamp(now: Date = new Date()): { heartbeatAt: Date; finishedAt: Date } {
  return { heartbeatAt: now, finishedAt: now };
}

/** The columns that make a finished or interrupted job run again (a resume), alive from now. */
export function resumeStamp(now: Date = new Date()): {
  status: 'running';
  heartbeatAt: Date;
  finishedAt: null;
} {
  return { status: 'running', heartbeatAt: now, finishedAt: null };
}
