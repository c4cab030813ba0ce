/**
 * The one shape every routing write follows, so none can skip a step:
 *   validate → locate (configured businesses only) → read current → stale / no-op check → preflight (sets)
 *   → Graph write → invalidate caches → read back → compare → exactly one change-log row.
 * A read-back that fails after an accepted write is `unverified` (applied, not confirmed), never a failure.
 * Nothing reaches Graph's write endpoints unless every step before the write passed.
 */
import 'server-only';
import { recordChange } from '@/lib/db/change-log';
import type { ChangeOutcome } from '@/lib/db/schema';
import { describeGraphError } from '@/lib/graph/describe-error';
import { logger } from '@/lib/log';
import type { Actor, RoutingContext } from './context';
import { SYSTEM_ACTOR } from './context';
import { invalidateFleet } from './fleet';
import { type PreflightInput, preflightCallback } from './preflight';
import type { GraphFailureView, RoutingAction, ServiceOutcome } from './types';

export type { RoutingAction };

/** What a read returns: the compared value, the view for the caller, and what the change log keeps. */
export interface StateRead<T> {
  value: string | null;
  view: T;
  log: unknown;
}

export interface WriteSpec<T, Target> {
  action: RoutingAction;
  targetType: 'waba' | 'phone_number' | 'application';
  targetId: string;
  /** What was asked for, as the change log keeps it (verify tokens masked). */
  requested: Record<string, unknown>;
  /** Field errors of the input, or null when valid. */
  invalid: Record<string, string[]> | null;
  /** Finds the target in the configured businesses; null refuses the write. */
  locate(): Promise<Target | null>;
  /** Why a null from `locate` refuses the write; defaults to "not part of the configured businesses". */
  notFoundMessage?: string;
  read(target: Target): Promise<StateRead<T>>;
  /** The value the form was loaded with; undefined when the action has no stale check. */
  expected?: string | null;
  /** A reason to refuse given the current state (e.g. nothing to clear), or null to go on. */
  refuseWhen?(current: StateRead<T>): string | null;
  preflight?: PreflightInput;
  write(target: Target): Promise<void>;
  /** The value Graph should report after the write. */
  want: string | null;
  /** The bulk job this write belongs to, recorded on its change-log row. */
  jobId?: string;
}

function errorsOf(fieldErrors: Record<string, string[]>): string {
  return Object.values(fieldErrors).flat().join(' ');
}

export async function performWrite<T, Target>(
  ctx: RoutingContext,
  actor: Actor | undefined,
  spec: WriteSpec<T, Target>,
): Promise<ServiceOutcome<T>> {
  const log = (
    outcome: ChangeOutcome,
    extra: { before?: unknown; after?: unknown; message?: string; error?: GraphFailureView },
  ) =>
    recordChange(
      {
        actor: actor ?? SYSTEM_ACTOR,
        action: spec.action,
        targetType: spec.targetType,
        targetId: spec.targetId,
        requested: spec.requested,
        before: extra.before,
        after: extra.after,
        outcome,
        errorCode: extra.error?.code ?? null,
        fbtraceId: extra.error?.fbtraceId ?? null,
        message: extra.message ?? extra.error?.message ?? null,
        jobId: spec.jobId ?? null,
        appId: ctx.appId,
      },
      ctx.db,
    );
  const refuse = async (message: string, before?: unknown): Promise<ServiceOutcome<T>> => {
    await log('refused', { before, message });
    return { kind: 'refused', message };
  };
  const fail = async (error: unknown, extra: { before?: unknown; prefix?: string } = {}) => {
    const view = describeGraphError(error);
    const shown = extra.prefix ? { ...view, message: `${extra.prefix} ${view.message}` } : view;
    // The change log has the row; the server log needs the line too, for whoever watches it rather than the UI.
    // The view is already the redacted one shown to users (no token, no URL query).
    logger.warn(
      {
        action: spec.action,
        target: `${spec.targetType}:${spec.targetId}`,
        code: view.code,
        subcode: view.subcode,
        fbtraceId: view.fbtraceId,
      },
      'Graph write failed',
    );
    await log('failure', { before: extra.before, error: shown });
    return { kind: 'graph_error', error: shown } as const;
  };

  if (spec.invalid) {
    await log('refused', { message: errorsOf(spec.invalid) });
    return { kind: 'refused', message: 'Some fields need attention.', fieldErrors: spec.invalid };
  }

  let target: Target | null;
  let current: StateRead<T>;
  try {
    target = await spec.locate();
    if (target === null) {
      return refuse(
        spec.notFoundMessage ??
          `${spec.targetId} is not part of the configured businesses' WhatsApp accounts.`,
      );
    }
    current = await spec.read(target);
  } catch (error) {
    return fail(error);
  }

  if (spec.expected !== undefined && current.value !== spec.expected) {
    await log('refused', {
      before: current.log,
      message: 'Stale form: Graph reports a different value now.',
    });
    return { kind: 'stale', expected: spec.expected, current: current.value };
  }
  const noop = spec.refuseWhen?.(current);
  if (noop) return refuse(noop, current.log);

  if (spec.preflight) {
    const preflight = await preflightCallback(ctx, spec.preflight, actor);
    if (!preflight.ok) {
      await log('refused', { before: current.log, message: `Preflight failed (${preflight.reason}).` });
      return { kind: 'preflight_failed', preflight };
    }
  }

  try {
    await spec.write(target);
  } catch (error) {
    return fail(error, { before: current.log });
  } finally {
    // Also after a failure: a write that timed out may still have been applied.
    await invalidateFleet(ctx).catch(() => ctx.fleetCache.invalidate());
  }

  let after: StateRead<T>;
  try {
    after = await spec.read(target);
  } catch (error) {
    // Graph answered the write with success, so the change is most likely in effect: not a failure, and
    // the row explains the new route to drift detection (lib/audit/drift.ts).
    const view = describeGraphError(error);
    logger.warn(
      {
        action: spec.action,
        target: `${spec.targetType}:${spec.targetId}`,
        code: view.code,
        fbtraceId: view.fbtraceId,
      },
      'Graph write applied, read-back failed',
    );
    await log('unverified', {
      before: current.log,
      error: { ...view, message: `Graph accepted the change, but reading it back failed: ${view.message}` },
    });
    return {
      kind: 'unverified',
      action: spec.action,
      targetId: spec.targetId,
      appId: ctx.appId,
      requested: spec.want,
      error: view,
    };
  }
  if (after.value === spec.want) {
    await log('success', { before: current.log, after: after.log });
    return { kind: 'applied', after: after.view };
  }
  await log('mismatch', {
    before: current.log,
    after: after.log,
    message: 'Graph accepted the change but reports something else.',
  });
  return { kind: 'mismatch', requested: spec.want, reported: after.value, after: after.view };
}
