/**
 * Runs a bulk job in the process that started (or resumed) it: pending items are written through the routing
 * services — stale check against the snapshot, Graph write, read-back, one change-log row per number — with
 * at most BULK_CONCURRENCY writes in flight and every Graph call through the job's Throttle. A rate-limit
 * failure pauses all workers; if Meta asks for a longer wait than the job will sit through, the remaining
 * items are marked failed ("not attempted") so the operator can retry them later.
 */
import 'server-only';
import pLimit from 'p-limit';
import type { BulkJobItemRow } from '@/lib/db/schema';
import { RATE_LIMIT_CODES } from '@/lib/graph/errors';
import { withHeartbeat } from '@/lib/jobs/heartbeat';
import { runOnce } from '@/lib/jobs/runs';
import { type Actor, clearPhoneOverride, setPhoneOverride } from '@/lib/routing';
import type { BulkEnv } from './env';
import { finishJob, getJobRow, pendingItems, touchJob, updateItem } from './jobs';
import { itemResult } from './outcome';

export const BULK_CONCURRENCY = 4;
const PAGE = 200;

/** Starts (or joins) the run of a job; the promise settles when no item is pending any more. */
export function runBulkJob(
  env: BulkEnv,
  jobId: string,
  actor: Actor,
  verifyToken: string | null,
): Promise<void> {
  return runOnce(jobId, () => execute(env, jobId, actor, verifyToken));
}

async function execute(env: BulkEnv, jobId: string, actor: Actor, verifyToken: string | null) {
  const job = await getJobRow(env.db, jobId);
  if (!job) return;
  // Every write acts as the job's app (its token), so only that app's phone overrides change.
  const audit = await env.connect(job.appId);
  const ctx = { ...(await env.routing(job.appId)), graph: audit.graph };
  // A scan of another app says nothing about this app's overrides: no stale check against it.
  const skipStaleCheck = !job.snapshotCoversApp;
  const preflighted = job.preflight ?? undefined;
  const limit = pLimit(BULK_CONCURRENCY);
  const heartbeat = {
    beat: () => touchJob(env.db, jobId, { backoffs: job.backoffs + audit.throttle.stats.backoffs }),
    intervalMs: env.progressIntervalMs,
  };
  let giveUpWith: string | null = null;

  const write = async (item: BulkJobItemRow) => {
    const key = { jobId, phoneNumberId: item.phoneNumberId };
    if (giveUpWith) {
      await updateItem(env.db, key, { status: 'failed', outcome: 'not_attempted', message: giveUpWith });
      return;
    }
    await updateItem(env.db, key, { status: 'running', attempt: true });
    const placement = {
      wabaId: item.wabaId,
      name: item.wabaName,
      businessId: item.businessId,
      ownership: item.ownership,
    };
    const outcome =
      job.action === 'phone_override.set'
        ? await setPhoneOverride(
            ctx,
            {
              phoneNumberId: item.phoneNumberId,
              overrideCallbackUri: job.overrideCallbackUri ?? '',
              verifyToken: verifyToken ?? '',
              expected: item.expected,
            },
            actor,
            { placement, preflighted, jobId: job.id, skipStaleCheck },
          )
        : await clearPhoneOverride(
            ctx,
            { phoneNumberId: item.phoneNumberId, expected: item.expected },
            actor,
            { placement, jobId: job.id, skipStaleCheck },
          );
    const result = itemResult(outcome);
    await updateItem(env.db, key, {
      status: result.status,
      outcome: result.outcome,
      message: result.message,
      readBack: result.readBack,
      ...(result.nowExpected !== undefined && { expected: result.nowExpected }),
    });
    if (
      (outcome.kind === 'graph_error' || outcome.kind === 'unverified') &&
      outcome.error.code !== null &&
      RATE_LIMIT_CODES.has(outcome.error.code)
    ) {
      const patient = await audit.throttle.backOff(outcome.error.retryAfterSeconds);
      if (!patient) {
        giveUpWith = `Not attempted: Graph's rate limit is reached. ${outcome.error.message}`;
      }
    } else if (outcome.kind !== 'graph_error' && outcome.kind !== 'unverified') {
      audit.throttle.succeeded();
    }
  };

  /** An unexpected failure (e.g. the database) fails this item, not the whole job. */
  const writeSafely = async (item: BulkJobItemRow) => {
    try {
      await write(item);
    } catch {
      await updateItem(
        env.db,
        { jobId, phoneNumberId: item.phoneNumberId },
        {
          status: 'failed',
          outcome: 'error',
          message: 'Something went wrong on our side; retry this number.',
        },
      ).catch(() => {});
    }
  };

  try {
    await withHeartbeat(heartbeat, async () => {
      for (;;) {
        const batch = await pendingItems(env.db, jobId, PAGE);
        if (batch.length === 0) break;
        await Promise.all(batch.map((item) => limit(() => writeSafely(item))));
      }
    });
  } finally {
    await finishJob(env.db, jobId, job.backoffs + audit.throttle.stats.backoffs);
  }
}
