/** Subscribe this app to a WABA, or unsubscribe it, with read-back of `subscribed_apps`. */
import 'server-only';
import type { Actor, RoutingContext } from './context';
import { locateWaba, type WabaPlacement } from './fleet';
import type { ServiceOutcome, WabaSummary } from './types';
import { toFieldErrors, wabaSubscriptionInputSchema } from './validation';
import { readWabaState, wabaLog } from './waba-state';
import { performWrite, type StateRead } from './write-flow';

export interface WabaSubscriptionRequest {
  wabaId: string;
}

const SUBSCRIBED = 'subscribed';

async function readSubscription(
  ctx: RoutingContext,
  placement: WabaPlacement,
): Promise<StateRead<WabaSummary>> {
  const state = await readWabaState(ctx, placement);
  return { value: state.summary.subscribed ? SUBSCRIBED : null, view: state.summary, log: wabaLog(state) };
}

export async function subscribeApp(
  ctx: RoutingContext,
  input: WabaSubscriptionRequest,
  actor?: Actor,
): Promise<ServiceOutcome<WabaSummary>> {
  const parsed = wabaSubscriptionInputSchema.safeParse(input);
  const id = String(input.wabaId);
  return performWrite(ctx, actor, {
    action: 'waba.subscribe',
    targetType: 'waba',
    targetId: id,
    requested: { subscribed: true },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    locate: () => locateWaba(ctx, id),
    read: (placement) => readSubscription(ctx, placement),
    // Subscribing again is not harmless: Graph drops this app's WABA override when it re-subscribes.
    refuseWhen: (current) =>
      current.value === SUBSCRIBED
        ? 'This app is already subscribed to the WABA. Nothing was sent: subscribing again would remove its WABA override.'
        : null,
    write: () => ctx.graph.subscribeApp(id),
    want: SUBSCRIBED,
  });
}

export async function unsubscribeApp(
  ctx: RoutingContext,
  input: WabaSubscriptionRequest,
  actor?: Actor,
): Promise<ServiceOutcome<WabaSummary>> {
  const parsed = wabaSubscriptionInputSchema.safeParse(input);
  const id = String(input.wabaId);
  return performWrite(ctx, actor, {
    action: 'waba.unsubscribe',
    targetType: 'waba',
    targetId: id,
    requested: { subscribed: false },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    locate: () => locateWaba(ctx, id),
    read: (placement) => readSubscription(ctx, placement),
    refuseWhen: (current) => (current.value === null ? 'This app is not subscribed to the WABA.' : null),
    write: () => ctx.graph.unsubscribeApp(id),
    want: null,
  });
}
