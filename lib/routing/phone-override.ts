/** Set and clear this app's phone number override, with stale check, preflight and read-back. */
import 'server-only';
import type { Actor, RoutingContext } from './context';
import { locateNumber, type WabaPlacement } from './fleet';
import { readNumberDetail } from './get-number';
import { type OverrideReceiver, requestedToken } from './requested';
import { tierUrl } from './tiers';
import type { NumberRoute, PreflightResult, ServiceOutcome } from './types';
import { clearPhoneOverrideInputSchema, setPhoneOverrideInputSchema, toFieldErrors } from './validation';
import { performWrite, type StateRead } from './write-flow';

export interface SetPhoneOverrideRequest {
  phoneNumberId: string;
  overrideCallbackUri: string;
  verifyToken: string;
  /** The phone override the form was loaded with (null: none). */
  expected:
    | string
    | null /** Set when the URL and token are a managed receiver's: the change log names it instead of the token. */;
  receiver?: OverrideReceiver | null;
}

export interface ClearPhoneOverrideRequest {
  phoneNumberId: string;
  expected: string | null;
}

/** For bulk jobs (lib/audit/bulk), which write the same change to many numbers. */
export interface PhoneWriteOptions {
  /** Where the number sits, already known from an audit snapshot: skips the fleet lookup. */
  placement?: WabaPlacement;
  /**
   * A passed callback check of this exact URL and verify token, run once for the whole job: the per-number
   * preflight is skipped. Ignored unless it passed and its URL is the one being set.
   */
  preflighted?: PreflightResult;
  /** The bulk job making this change: its change-log row names the job, so /activity groups them. */
  jobId?: string;
  /**
   * No stale check: a bulk job whose audit snapshot is another app's has no value of this app's to compare
   * (the current value is still read, refused clears and read-back stay).
   */
  skipStaleCheck?: boolean;
}

async function readRoute(
  ctx: RoutingContext,
  id: string,
  placement: WabaPlacement,
): Promise<StateRead<NumberRoute>> {
  const view = await readNumberDetail(ctx, id, placement);
  return {
    value: tierUrl(view.tiers, 'phone_number'),
    view,
    log: { tiers: view.tiers, subscribed: view.subscribed, winner: view.resolution.winner },
  };
}

export async function setPhoneOverride(
  ctx: RoutingContext,
  input: SetPhoneOverrideRequest,
  actor?: Actor,
  options: PhoneWriteOptions = {},
): Promise<ServiceOutcome<NumberRoute>> {
  const parsed = setPhoneOverrideInputSchema(ctx.allowLoopbackCallbacks).safeParse(input);
  const id = String(input.phoneNumberId);
  return performWrite(ctx, actor, {
    action: 'phone_override.set',
    targetType: 'phone_number',
    targetId: id,
    requested: { overrideCallbackUri: input.overrideCallbackUri, ...requestedToken(input) },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    expected: options.skipStaleCheck ? undefined : (parsed.data?.expected ?? null),
    locate: () => (options.placement ? Promise.resolve(options.placement) : locateNumber(ctx, id)),
    read: (placement) => readRoute(ctx, id, placement),
    preflight:
      options.preflighted?.ok && options.preflighted.url === input.overrideCallbackUri
        ? undefined
        : { url: input.overrideCallbackUri, verifyToken: input.verifyToken },
    write: () =>
      ctx.graph.setPhoneOverride(id, {
        overrideCallbackUri: input.overrideCallbackUri,
        verifyToken: input.verifyToken,
      }),
    want: input.overrideCallbackUri,
    ...(options.jobId ? { jobId: options.jobId } : {}),
  });
}

export async function clearPhoneOverride(
  ctx: RoutingContext,
  input: ClearPhoneOverrideRequest,
  actor?: Actor,
  options: Pick<PhoneWriteOptions, 'placement' | 'jobId' | 'skipStaleCheck'> = {},
): Promise<ServiceOutcome<NumberRoute>> {
  const parsed = clearPhoneOverrideInputSchema.safeParse(input);
  const id = String(input.phoneNumberId);
  return performWrite(ctx, actor, {
    action: 'phone_override.clear',
    targetType: 'phone_number',
    targetId: id,
    requested: { overrideCallbackUri: null },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    expected: options.skipStaleCheck ? undefined : (parsed.data?.expected ?? null),
    locate: () => (options.placement ? Promise.resolve(options.placement) : locateNumber(ctx, id)),
    read: (placement) => readRoute(ctx, id, placement),
    refuseWhen: (current) => (current.value === null ? 'This number has no phone override to clear.' : null),
    write: () => ctx.graph.clearPhoneOverride(id),
    want: null,
    ...(options.jobId ? { jobId: options.jobId } : {}),
  });
}
