/**
 * Bulk re-routing from an audit selection: preview (how many numbers, how many skipped), start after the
 * operator confirmed that count, and retry what failed. The callback check runs once per job, not per number;
 * the verify token is kept only in the memory of the run (masked in the database), so a retry asks for it again.
 */
import 'server-only';
import { and, asc, eq, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { UnknownAppError } from '@/lib/apps/registry';
import type { FieldRefusal } from '@/lib/auth/safe-action';
import type { Db } from '@/lib/db/client';
import { auditScans, routeSnapshots } from '@/lib/db/schema';
import { isLive } from '@/lib/jobs/liveness';
import type { Actor } from '@/lib/routing';
import { maskSecret } from '@/lib/routing/mask';
import { preflightCallback } from '@/lib/routing/preflight';
import type { PreflightResult } from '@/lib/routing/types';
import { checkOverrideCallbackUri, checkVerifyToken } from '@/lib/routing/validation';
import { type AuditFilter, selectionOf } from '../filter';
import { appRows, snapshotWhere } from '../queries';
import type { BulkAction } from '../types';
import type { BulkEnv } from './env';
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
  /** The configured app whose phone overrides change (the default app without one); other apps' stay. */
  appId?: string;
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
  /** The app the job would change, as the confirmation names it. */
  app: { id: string; label: string };
  /**
   * Whether the scan read this app's tiers. When it read another app's, the counts cannot say which numbers
   * already have this app's route: every matching number is written, its current override read live first.
   */
  snapshotCoversApp: boolean;
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

/**
 * Matching rows that need a write: sets skip numbers already on the URL; clears need an override to clear.
 * Only a scan of the job's own app knows its phone overrides; for another app every matching row counts.
 */
function needsWrite(selection: BulkSelection, snapshotCoversApp: boolean): SQL | undefined {
  if (!snapshotCoversApp) return undefined;
  if (selection.action === 'phone_override.clear') return isNotNull(s.phoneTier);
  return or(isNull(s.phoneTier), ne(s.phoneTier, selection.overrideCallbackUri ?? ''));
}

interface ScanRows {
  /** Whether the scan read `appId`'s tiers (an unknown scan: no, so nothing is trusted from it). */
  covers: boolean;
  /**
   * The snapshot rows that select the numbers, one per number: the job's app's rows when the scan read that app,
   * else the rows of the app the scan was started for (their numbers, without this app's tiers).
   */
  rows: SQL;
}

async function scanRowsFor(db: Db, scanId: string, appId: string): Promise<ScanRows> {
  const [scan] = await db
    .select({ appId: auditScans.appId, apps: auditScans.apps })
    .from(auditScans)
    .where(eq(auditScans.id, scanId))
    .limit(1);
  const read = new Set([scan?.appId, ...(scan?.apps ?? []).map((app) => app.appId)]);
  const covers = scan !== undefined && read.has(appId);
  return { covers, rows: appRows(scanId, covers ? appId : (scan?.appId ?? appId)) };
}

/**
 * The numbers a selection names. The audit's app filter says whose rows a person was looking at; the job's app
 * (chosen in the form, preselected from that filter) decides whose rows count, so the filter's app is left out.
 */
function selectedRows(scanId: string, filter: AuditFilter, scanRows: ScanRows): SQL | undefined {
  return and(snapshotWhere(scanId, { ...filter, app: undefined }), scanRows.rows);
}

export async function previewBulk(env: BulkEnv, selection: BulkSelection): Promise<BulkPreview> {
  const routing = await env.routing(selection.appId);
  const scanRows = await scanRowsFor(env.db, selection.scanId, routing.appId);
  const covers = scanRows.covers;
  const app = { id: routing.appId, label: routing.appLabel };
  const where = selectedRows(selection.scanId, selectionOf(selection.filter), scanRows);
  const [row] = await env.db
    .select({
      total: sql<number>`count(*)::int`,
      count: sql<number>`count(*) filter (where ${needsWrite(selection, covers) ?? sql`true`})::int`,
      replaced: sql<number>`count(*) filter (where ${and(needsWrite(selection, covers), isNotNull(s.phoneTier))})::int`,
    })
    .from(s)
    .where(where);
  const base = { count: row?.count ?? 0, skipped: (row?.total ?? 0) - (row?.count ?? 0), app };
  // Another app's overrides are not in this scan: nothing to list as replaced (each write reads it live).
  if (!covers) return { ...base, replacedCount: 0, replaced: [], snapshotCoversApp: false };
  const replaced = await env.db
    .select({
      phoneNumberId: s.phoneNumberId,
      displayPhoneNumber: s.displayPhoneNumber,
      wabaName: s.wabaName,
      current: s.phoneTier,
    })
    .from(s)
    .where(and(where, needsWrite(selection, covers), isNotNull(s.phoneTier)))
    .orderBy(asc(s.phoneNumberId))
    .limit(BULK_PREVIEW_REPLACED);
  return {
    ...base,
    replacedCount: row?.replaced ?? 0,
    replaced: replaced.map((r) => ({ ...r, current: r.current ?? '' })),
    snapshotCoversApp: true,
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
  env: BulkEnv,
  request: BulkSelection & { verifyToken?: string; expectedCount: number },
  actor: Actor,
): Promise<BulkStartResult | FieldRefusal> {
  const routing = await env.routing(request.appId);
  const scanRows = await scanRowsFor(env.db, request.scanId, routing.appId);
  const covers = scanRows.covers;
  const fieldErrors = inputProblems(request, request.verifyToken, routing.allowLoopbackCallbacks);
  if (fieldErrors) return { kind: 'refused', message: 'Some fields need attention.', fieldErrors };

  const filter = selectionOf(request.filter);
  const rows = await env.db
    .select()
    .from(s)
    .where(and(selectedRows(request.scanId, filter, scanRows), needsWrite(request, covers)))
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
    expected: covers ? row.phoneTier : null,
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
    appId: routing.appId,
    snapshotCoversApp: covers,
    items,
  });
  void runBulkJob(env, jobId, actor, request.verifyToken ?? null);
  return { kind: 'started', jobId };
}

/** Puts failed (and abandoned) items back to pending and runs the job again in this process. */
export async function retryBulkJob(
  env: BulkEnv,
  request: { jobId: string; verifyToken?: string },
  actor: Actor,
): Promise<BulkStartResult | FieldRefusal> {
  const job = await getJobRow(env.db, request.jobId);
  if (!job) return { kind: 'refused', message: 'This job does not exist.' };
  if (isLive(job)) return { kind: 'refused', message: 'This job is still running; wait for it to finish.' };
  // The job writes as its own app only: one removed since cannot be written as (nor replaced by another).
  const routing = await env.routing(job.appId).catch((error: unknown) => {
    if (error instanceof UnknownAppError) return null;
    throw error;
  });
  if (!routing) {
    return {
      kind: 'refused',
      message: `The app this job changes (${job.appId}) is no longer configured in Switchboard, so it cannot be retried.`,
    };
  }
  let preflight = job.preflight;
  if (job.action === 'phone_override.set') {
    const problem = checkVerifyToken(request.verifyToken ?? '');
    if (problem)
      return {
        kind: 'refused',
        message: 'Some fields need attention.',
        fieldErrors: { verifyToken: [problem] },
      };
    // The job's own app: its callback check, as its first run had.
    preflight = await preflightCallback(
      routing,
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
