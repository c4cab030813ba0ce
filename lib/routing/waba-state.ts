/** Reads one WABA's subscription state for writes: this app's entry in `subscribed_apps`, and the number count. */
import 'server-only';
import { phoneNumberSchema, subscribedAppSchema } from '@/lib/graph/schemas';
import type { RoutingContext } from './context';
import type { WabaPlacement } from './fleet';
import type { SubscribedAppView, WabaSummary } from './types';
import { toSubscribedAppViews, toWabaSummary } from './views';

// One call: the subscriptions plus a count of numbers (summary), not the numbers themselves.
const FIELDS = 'id,name,subscribed_apps,phone_numbers.limit(100).summary(total_count){id}';

export interface WabaState {
  summary: WabaSummary;
  subscribedApps: SubscribedAppView[];
}

export async function readWabaState(ctx: RoutingContext, placement: WabaPlacement): Promise<WabaState> {
  const waba = await ctx.graph.getWaba(placement.wabaId, FIELDS);
  const subscribedApps = await ctx.graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema);
  const numberCount =
    waba.phone_numbers?.summary?.total_count ??
    (await ctx.graph.collectNestedEdge(waba.phone_numbers, phoneNumberSchema)).length;
  return {
    summary: toWabaSummary(
      { ...placement, name: waba.name ?? placement.name },
      ctx.appId,
      subscribedApps,
      numberCount,
    ),
    subscribedApps: toSubscribedAppViews(ctx.appId, subscribedApps),
  };
}

/** What the change log keeps of a WABA's state: every app's subscription and override, as Graph lists them. */
export function wabaLog(state: WabaState): unknown {
  return {
    subscribed: state.summary.subscribed,
    wabaOverride: state.summary.wabaOverride,
    subscribedApps: state.subscribedApps.map(({ appId, overrideCallbackUri }) => ({
      appId,
      overrideCallbackUri,
    })),
  };
}
