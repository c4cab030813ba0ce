/** One number as Graph reports it now: its node (with the three tiers), its WABA, whether this app is subscribed. */
import 'server-only';
import { fieldsFor } from '@/lib/graph/fields';
import { subscribedAppSchema } from '@/lib/graph/schemas';
import type { RoutingContext } from './context';
import { locateNumber, type WabaPlacement } from './fleet';
import { isGraphId, nullOnUnknownId } from './graph-reads';
import type { NumberDetail } from './types';
import { thisAppEntry, toNumberRoute } from './views';

/**
 * Reads a number whose WABA is known: the phone node and the WABA's subscribed apps, in parallel. Also the
 * read-back after every phone override write. Throws GraphError (code 100 when the number is unknown).
 */
export async function readNumberDetail(
  ctx: RoutingContext,
  phoneNumberId: string,
  placement: WabaPlacement,
): Promise<NumberDetail> {
  const [phone, waba] = await Promise.all([
    ctx.graph.getPhoneNumber(phoneNumberId, fieldsFor.phoneNumberDetail()),
    ctx.graph.getWaba(placement.wabaId, 'id,name,subscribed_apps'),
  ]);
  const readAt = new Date().toISOString();
  const subscribedApps = await ctx.graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema);
  const subscribed = thisAppEntry(ctx.appId, subscribedApps) !== undefined;
  return {
    ...toNumberRoute(phone, placement.wabaId, subscribed),
    wabaName: waba.name ?? placement.name,
    status: phone.status ?? null,
    nameStatus: phone.name_status ?? null,
    platformType: phone.platform_type ?? null,
    throughputLevel: phone.throughput?.level ?? null,
    readAt,
  };
}

/** Null when Graph does not know the number or its WABA is not in a configured business. */
export async function getNumber(ctx: RoutingContext, phoneNumberId: string): Promise<NumberDetail | null> {
  if (!isGraphId(phoneNumberId)) return null;
  const placement = await locateNumber(ctx, phoneNumberId);
  if (!placement) return null;
  return nullOnUnknownId(readNumberDetail(ctx, phoneNumberId, placement));
}
