import { describe, expect, it } from 'vitest';
import { finishStamp, isLive, JOB_STALE_AFTER_MS, resumeStamp, shownStatus, staleBefore } from './liveness';

const now = Date.parse('2026-03-01T12:00:00Z');
const beatAgo = (ms: number) => new Date(now - ms);

describe('job liveness', () => {
  it('keeps a running job alive up to the stale limit and no longer', () => {
    expect(isLive({ status: 'running', heartbeatAt: beatAgo(JOB_STALE_AFTER_MS) }, now)).toBe(true);
    expect(isLive({ status: 'running', heartbeatAt: beatAgo(JOB_STALE_AFTER_MS + 1) }, now)).toBe(false);
    expect(staleBefore(now).getTime()).toBe(now - JOB_STALE_AFTER_MS);
  });

  it('never calls a finished job live, however recent its heartbeat', () => {
    expect(isLive({ status: 'completed', heartbeatAt: beatAgo(0) }, now)).toBe(false);
  });

  it('shows a running job whose heartbeat stopped as interrupted, and other statuses as they are', () => {
    expect(shownStatus({ status: 'running', heartbeatAt: beatAgo(1_000) }, now)).toBe('running');
    expect(shownStatus({ status: 'running', heartbeatAt: beatAgo(120_000) }, now)).toBe('interrupted');
    expect(shownStatus({ status: 'failed', heartbeatAt: beatAgo(120_000) }, now)).toBe('failed');
  });

  it('ends a job with its last heartbeat, and resumes it alive from now', () => {
    const at = new Date(now);
    expect(finishStamp(at)).toEqual({ heartbeatAt: at, finishedAt: at });
    const resumed = resumeStamp(at);
    expect(resumed).toEqual({ status: 'running', heartbeatAt: at, finishedAt: null });
    expect(isLive(resumed, now)).toBe(true);
  });
});
