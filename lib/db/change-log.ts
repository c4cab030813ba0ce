/**
 * The change log: one append-only row per change Switchboard makes (or refuses to make). Never updated or
 * deleted by the app. Verify tokens must already be masked by the caller (lib/routing/mask.ts).
 */
import 'server-only';
import { type Db, getDb } from './client';
import { type ChangeOutcome, changeLog } from './schema';

export interface ChangeActor {
  id: string | null;
  email: string;
}

export interface ChangeEntry {
  actor: ChangeActor;
  action: string;
  targetType: 'waba' | 'phone_number' | 'application' | 'user' | 'receiver';
  targetId: string;
  before?: unknown;
  requested?: unknown;
  after?: unknown;
  outcome: ChangeOutcome;
  errorCode?: number | null;
  fbtraceId?: string | null;
  message?: string | null;
}

/** `db` defaults to the process-wide handle; services pass their context's database. */
export async function recordChange(entry: ChangeEntry, db?: Db): Promise<void> {
  await (db ?? (await getDb())).insert(changeLog).values({
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    requested: entry.requested ?? null,
    after: entry.after ?? null,
    outcome: entry.outcome,
    errorCode: entry.errorCode ?? null,
    fbtraceId: entry.fbtraceId ?? null,
    message: entry.message ?? null,
  });
}
