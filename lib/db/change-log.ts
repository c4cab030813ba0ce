/**
 * The change log: one append-only row per change Switchboard makes (or refuses to make). Never updated or
 * deleted by the app. Verify tokens must already be masked by the caller (lib/routing/mask.ts).
 */
import 'server-only';
import { type Db, getDb } from './client';
import { type ChangeOutcome, type ChangeTargetType, changeLog } from './schema';

/** Who acted, as the change log records it: the user's id (null for the system) and email, nothing else. */
export interface Actor {
  id: string | null;
  email: string;
}

export interface ChangeEntry {
  actor: Actor;
  action: string;
  targetType: ChangeTargetType;
  targetId: string;
  before?: unknown;
  requested?: unknown;
  after?: unknown;
  outcome: ChangeOutcome;
  errorCode?: number | null;
  fbtraceId?: string | null;
  message?: string | null;
  /** The bulk job this change is part of (lib/audit/bulk/runner.ts). */
  jobId?: string | null;
  /** The Meta app whose route the change was for; routing writes always name it. */
  appId?: string | null;
}

/**
 * PostgreSQL refuses U+0000 in text and lone surrogates in jsonb. The record of a change must be written
 * whatever was typed (input is validated before this, but a refused input is logged too), so both become U+FFFD.
 */
function storable(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\u0000', '\uFFFD');
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return storable(toJSON.call(value), depth + 1);
  if (Array.isArray(value)) return value.map((v) => storable(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [storable(k) as string, storable(v, depth + 1)]),
  );
}

/** `db` defaults to the process-wide handle; services pass their context's database. */
export async function recordChange(entry: ChangeEntry, db?: Db): Promise<void> {
  await (db ?? (await getDb())).insert(changeLog).values({
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: storable(entry.targetId) as string,
    before: storable(entry.before ?? null),
    requested: storable(entry.requested ?? null),
    after: storable(entry.after ?? null),
    outcome: entry.outcome,
    errorCode: entry.errorCode ?? null,
    fbtraceId: entry.fbtraceId ?? null,
    message: entry.message == null ? null : (storable(entry.message) as string),
    jobId: entry.jobId ?? null,
    appId: entry.appId ?? null,
  });
}
