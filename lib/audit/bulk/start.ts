/**
 * Bulk re-routing from an audit selection: preview (how many numbers, how many skipped), start after the
 * operator confirmed that count, and retry what failed. The callback check runs once per job, not per number;
 * the verify token is kept only in the memory of the run (masked in the database), so a retry asks for it again.
 */
import 'server-only';
import { and, asc, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { FieldRefusal } from '@/lib/auth/safe-action';
import { routeSnapshots } from '@/lib/db/schema';
import { isLive } from '@/lib/jobs/liveness';
import type { Actor } from '@/lib/routing';
import { maskSecret } from '@/lib/routing/mask';
import { preflightCallback } from '@/lib/routing/preflight';
import type { PreflightResult } from '@/lib/routing/types';
import { checkOverrideCallbackUri, checkVerifyToken } from '@/lib/routing/validation';
import type { AuditEnv } from '../env';
import { type AuditFilter, selectionOf } from '../filter';
import { appRows, snapshotWhere } from '../queries';
import type { BulkAction } from '../types';
import { createBulkJob, getJobRow, type NewBulkItem, reopenJob } from './jobs';
import { runBulkJob } from './runner';

/** A job larger than this is refused: split the selection (e.g. by WABA). */
export const BULK_MAX_NUMBERS = 50_000;

export interface BulkSelection {
  scanId: string;
  filter: AuditFilter;
  action: BulkAction;
  /** The new phone override (sets only). */
  overrideCallbackUri?: string;
}

export interface BulkPreview {
  /** Numbers the job would write. */
  count: number;
  /** Numbers matching the filter that need no write (already on that URL, or no override to clear). */
  skipped: number;
  /** Numbers to be written that have a phone override of their own now (replaced by a set, removed by a clear). */
  replacedCount: number;
  /** The first BULK_PREVIEW_REPLACED of them, with the override they have now, for the review. */
  replaced: ReplacedOverride[];
}

export interface ReplacedOverride {
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  wabaName: string | null;
  current: string;
}

/** How many overwritten numbers the review names one by one; the count always covers them all. */
export const BULK_PREVIEW_REPLACED = 20;

export type BulkStartResult =
  | { kind: 'started'; jobId: string }
  | { kind: 'refused'; message: string }
  | { kind: 'preflight_failed'; preflight: PreflightResult };

const s = routeSnapshots;

/** Matching rows that need a write: sets skip numbers already on the URL; clears need an override to clear. */
function needsWrite(selection: BulkSelection): SQL | undefined {
  if (selection.action === 'phone_override.clear') return isNotNull(s.phoneTier);
  return or(isNull(s.phoneTier), ne(s.phoneTier, selection.overrideCallbackUri ?? ''));
}

/**
 * Bulk jobs write as the default app (env.appId), so they select its rows of the snapshot only: a scan holds
 * one row per number and app, and another app's route cannot be changed with the default app's token.
 */
function defaultAppRows(env: AuditEnv, scanId: string, filter: BulkSelection['filter']): SQL | undefined {
  return and(snapshotWhere(scanId, selectionOf(filter)), appRows(scanId, env.appId));
}

export async function previewBulk(env: AuditEnv, selection: BulkSelection): Promise<BulkPreview> {
  const where = defaultAppRows(env, selection.scanId, selection.filter);
  const [row] = await env.db
    .select({
      total: sql<number>`count(*)::int`,
      count: sql<number>`count(*) filter (where ${needsWrite(selection)})::int`,
      replaced: sql<number>`count(*) filter (where ${and(needsWrite(selection), isNotNull(s.phoneTier))})::int`,
    })
    .from(s)
    .where(where);
  const replaced = await env.db
    .select({
      phoneNumberId: s.phoneNumberId,
      displayPhoneNumber: s.displayPhoneNumber,
      wabaName: s.wabaName,
      current: s.phoneTier,
    })
    .from(s)
    .where(and(where, needsWrite(selection), isNotNull(s.phoneTier)))
    .orderBy(asc(s.phoneNumberId))
    .limit(BULK_PREVIEW_REPLACED);
  return {
    count: row?.count ?? 0,
    skipped: (row?.total ?? 0) - (row?.count ?? 0),
    replacedCount: row?.replaced ?? 0,
    replaced: replaced.map((r) => ({ ...r, current: r.current ?? '' })),
  };
}

function inputProblems(selection: BulkSelection, verifyToken: string | undefined, allowLoopback: boolean) {
  if (selection.action === 'phone_override.clear') return null;
  const fieldErrors: Record<string, string[]> = {};
  const url = checkOverrideCallbackUri(selection.overrideCallbackUri ?? '', allowLoopback);
  if (url) fieldErrors.overrideCallbackUri = [url];
  const token = checkVerifyToken(verifyToken ?? '');
  if (token) fieldErrors.verifyToken = [token];
  return Object.keys(fieldErrors).length ? fieldErrors : null;
}

export async function startBulkReroute(
  env: AuditEnv,
  request: BulkSelection & { verifyToken?: string; expectedCount: number },
  actor: Actor,
): Promise<BulkStartResult | FieldRefusal> {
  const routing = await env.routing();
  const fieldErrors = inputProblems(request, request.verifyToken, routing.allowLoopbackCallbacks);
  if (fieldErrors) return { kind: 'refused', message: 'Some fields need attention.', fieldErrors };

  const filter = selectionOf(request.filter);
  if (filter.app && filter.app !== env.appId) {
    return {
      kind: 'refused',
      message: 'Bulk re-routing changes the default app’s routes only: remove the app filter.',
    };
  }
  const rows = await env.db
    .select()
    .from(s)
    .where(and(defaultAppRows(env, request.scanId, filter), needsWrite(request)))
    .limit(BULK_MAX_NUMBERS + 1);
  if (rows.length > BULK_MAX_NUMBERS) {
    return { kind: 'refused', message: `At most ${BULK_MAX_NUMBERS} numbers per job: narrow the selection.` };
  }
  if (rows.length !== request.expectedCount) {
    return {
      kind: 'refused',
      message: `The selection now has ${rows.length} numbers, not the ${request.expectedCount} you confirmed. Review it again.`,
    };
  }
  if (rows.length === 0) return { kind: 'refused', message: 'No number in this selection needs the change.' };

  let preflight: PreflightResult | null = null;
  if (request.action === 'phone_override.set') {
    preflight = await preflightCallback(
      routing,
      { url: request.overrideCallbackUri ?? '', verifyToken: request.verifyToken ?? '' },
      actor,
    );
    if (!preflight.ok) return { kind: 'preflight_failed', preflight };
  }

  const items: NewBulkItem[] = rows.map((row) => ({
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    wabaName: row.wabaName,
    businessId: row.businessId,
    ownership: row.ownership,
    displayPhoneNumber: row.displayPhoneNumber,
    expected: row.phoneTier,
  }));
  const jobId = await createBulkJob(env.db, {
    action: request.action,
    overrideCallbackUri:
      request.action === 'phone_override.set' ? (request.overrideCallbackUri ?? null) : null,
    verifyTokenMasked: request.action === 'phone_override.set' ? maskSecret(request.verifyToken ?? '') : null,
    selection: filter,
    scanId: request.scanId,
    createdBy: actor.email,
    createdById: actor.id,
    preflight,
    items,
  });
  void runBulkJob(env, jobId, actor, request.verifyToken ?? null);
  return { kind: 'started', jobId };
}

/** Puts failed (and abandoned) items back to pending and runs the job again in this process. */
export async function retryBulkJob(
  env: AuditEnv,
  request: { jobId: string; verifyToken?: string },
  actor: Actor,
): Promise<BulkStartResult | FieldRefusal> {
  const job = await getJobRow(env.db, request.jobId);
  if (!job) return { kind: 'refused', message: 'This job does not exist.' };
  if (isLive(job)) return { kind: 'refused', message: 'This job is still running; wait for it to finish.' };
  let preflight = job.preflight;
  if (job.action === 'phone_override.set') {
    const problem = checkVerifyToken(request.verifyToken ?? '');
    if (problem)
      return {
        kind: 'refused',
        message: 'Some fields need attention.',
        fieldErrors: { verifyToken: [problem] },
      };
    preflight = await preflightCallback(
      await env.routing(),
      { url: job.overrideCallbackUri ?? '', verifyToken: request.verifyToken ?? '' },
      actor,
    );
    if (!preflight.ok) return { kind: 'preflight_failed', preflight };
  }
  const reopened = await reopenJob(env.db, job.id, {
    preflight,
    ...(job.action === 'phone_override.set' && { verifyTokenMasked: maskSecret(request.verifyToken ?? '') }),
  });
  if (reopened === 0) return { kind: 'refused', message: 'Nothing to retry: every number was applied.' };
  void runBulkJob(env, job.id, actor, request.verifyToken ?? null);
  return { kind: 'started', jobId: job.id };
}
