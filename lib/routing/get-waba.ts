/** One WABA as Graph reports it now: subscribed apps, this app's override, every number with its tiers. */
import 'server-only';
import { fieldsFor } from '@/lib/graph/fields';
import { phoneNumberSchema, subscribedAppSchema } from '@/lib/graph/schemas';
import type { RoutingContext } from './context';
import { locateWaba } from './fleet';
import { isGraphId, nullOnUnknownId } from './graph-reads';
import { tierUrl } from './tiers';
import type { WabaDetail } from './types';
import { thisAppEntry, toNumberRoute, toSubscribedAppViews, toWabaSummary } from './views';

/** Null when Graph does not know the id (error 100) or the WABA is not in a configured business. */
export async function getWaba(ctx: RoutingContext, wabaId: string): Promise<WabaDetail | null> {
  if (!isGraphId(wabaId)) return null;
  const readAt = new Date().toISOString();
  const placementPromise = locateWaba(ctx, wabaId);
  placementPromise.catch(() => {});
  // One call: the node with its numbers (and their tiers) and subscribed apps, by field expansion.
  const waba = await nullOnUnknownId(ctx.graph.getWaba(wabaId, fieldsFor.wabaWithNumbers()));
  if (!waba) return null;
  const placement = await placementPromise;
  if (!placement) return null;

  const [numbers, subscribedApps] = await Promise.all([
    ctx.graph.collectNestedEdge(waba.phone_numbers, phoneNumberSchema),
    ctx.graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema),
  ]);
  const subscribed = thisAppEntry(ctx.appId, subscribedApps) !== undefined;
  const applicationCallback =
    numbers
      .map((number) => tierUrl(number.webhook_configuration ?? {}, 'application'))
      .find((url) => url !== null) ?? null;
  return {
    ...toWabaSummary(
      { ...placement, name: waba.name ?? placement.name },
      ctx.appId,
      subscribedApps,
      numbers.length,
    ),
    subscribedApps: toSubscribedAppViews(ctx.appId, subscribedApps),
    numbers: numbers.map((number) => toNumberRoute(number, wabaId, subscribed)),
    applicationCallback,
    readAt,
  };
}
