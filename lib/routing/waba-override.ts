/**
 * Set and clear this app's WABA override. Clearing re-subscribes without a body (Graph has no other way):
 * delivery continues throughout, now on the application callback.
 */
import 'server-only';
import type { Actor, RoutingContext } from './context';
import { locateWaba, type WabaPlacement } from './fleet';
import { type OverrideReceiver, requestedToken } from './requested';
import type { ServiceOutcome, WabaSummary } from './types';
import { clearWabaOverrideInputSchema, setWabaOverrideInputSchema, toFieldErrors } from './validation';
import { readWabaState, wabaLog } from './waba-state';
import { performWrite, type StateRead } from './write-flow';

export interface SetWabaOverrideRequest {
  wabaId: string;
  overrideCallbackUri: string;
  verifyToken: string;
  /** This app's WABA override the form was loaded with (null: none). */
  expected:
    | string
    | null /** Set when the URL and token are a managed receiver's: the change log names it instead of the token. */;
  receiver?: OverrideReceiver | null;
}

export interface ClearWabaOverrideRequest {
  wabaId: string;
  expected: string | null;
}

async function readOverride(ctx: RoutingContext, placement: WabaPlacement): Promise<StateRead<WabaSummary>> {
  const state = await readWabaState(ctx, placement);
  return { value: state.summary.wabaOverride, view: state.summary, log: wabaLog(state) };
}

export async function setWabaOverride(
  ctx: RoutingContext,
  input: SetWabaOverrideRequest,
  actor?: Actor,
): Promise<ServiceOutcome<WabaSummary>> {
  const parsed = setWabaOverrideInputSchema(ctx.allowLoopbackCallbacks).safeParse(input);
  const id = String(input.wabaId);
  return performWrite(ctx, actor, {
    action: 'waba_override.set',
    targetType: 'waba',
    targetId: id,
    requested: { overrideCallbackUri: input.overrideCallbackUri, ...requestedToken(input) },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    expected: parsed.data?.expected ?? null,
    locate: () => locateWaba(ctx, id),
    read: (placement) => readOverride(ctx, placement),
    preflight: { url: input.overrideCallbackUri, verifyToken: input.verifyToken },
    write: () =>
      ctx.graph.setWabaOverride(id, {
        overrideCallbackUri: input.overrideCallbackUri,
        verifyToken: input.verifyToken,
      }),
    want: input.overrideCallbackUri,
  });
}

export async function clearWabaOverride(
  ctx: RoutingContext,
  input: ClearWabaOverrideRequest,
  actor?: Actor,
): Promise<ServiceOutcome<WabaSummary>> {
  const parsed = clearWabaOverrideInputSchema.safeParse(input);
  const id = String(input.wabaId);
  return performWrite(ctx, actor, {
    action: 'waba_override.clear',
    targetType: 'waba',
    targetId: id,
    requested: { overrideCallbackUri: null },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    expected: parsed.data?.expected ?? null,
    locate: () => locateWaba(ctx, id),
    read: (placement) => readOverride(ctx, placement),
    refuseWhen: (current) => {
      // Clearing is a plain subscribe: on an unsubscribed WABA it would start delivery, which nobody asked for.
      if (!current.view.subscribed)
        return 'This app is not subscribed to the WABA, so there is no override to clear.';
      return current.value === null ? 'This app has no WABA override to clear.' : null;
    },
    write: () => ctx.graph.clearWabaOverride(id),
    want: null,
  });
}
