/** One number as Graph reports it now: its node (with the three tiers), its WABA, whether this app is subscribed. */
import 'server-only';
import { fieldsFor } from '@/lib/graph/fields';
import { type PhoneNumber, subscribedAppSchema } from '@/lib/graph/schemas';
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
    readWabaApps(ctx, placement.wabaId),
  ]);
  return toNumberDetail(phone, placement, waba, new Date().toISOString());
}

/**
 * Several numbers at once, for pages that list each number's route (the On-Premises bridge): one multi-id
 * read of the phone nodes (`GET /?ids=…`, 50 ids a call) and one read per distinct WABA, instead of two
 * calls per number. Numbers outside the configured businesses are left out. Graph fails the whole read when
 * one id is unknown, so a caller that must say which number failed reads the rest one by one.
 */
export async function readNumberDetails(
  ctx: RoutingContext,
  phoneNumberIds: readonly string[],
): Promise<Map<string, NumberDetail>> {
  const placements = new Map<string, WabaPlacement>();
  for (const id of new Set(phoneNumberIds)) {
    const placement = isGraphId(id) ? await locateNumber(ctx, id) : null;
    if (placement) placements.set(id, placement);
  }
  const details = new Map<string, NumberDetail>();
  if (placements.size === 0) return details;
  const wabaIds = [...new Set([...placements.values()].map((p) => p.wabaId))];
  const [phones, wabas] = await Promise.all([
    ctx.graph.getPhoneNumbers([...placements.keys()], fieldsFor.phoneNumberDetail()),
    Promise.all(wabaIds.map(async (id) => [id, await readWabaApps(ctx, id)] as const)),
  ]);
  const readAt = new Date().toISOString();
  const byWaba = new Map(wabas);
  for (const [id, placement] of placements) {
    const phone = phones.get(id);
    const waba = byWaba.get(placement.wabaId);
    if (phone && waba) details.set(id, toNumberDetail(phone, placement, waba, readAt));
  }
  return details;
}

interface WabaApps {
  name: string | undefined;
  subscribed: boolean;
}

async function readWabaApps(ctx: RoutingContext, wabaId: string): Promise<WabaApps> {
  const waba = await ctx.graph.getWaba(wabaId, 'id,name,subscribed_apps');
  const subscribedApps = await ctx.graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema);
  return { name: waba.name, subscribed: thisAppEntry(ctx.appId, subscribedApps) !== undefined };
}

function toNumberDetail(
  phone: PhoneNumber,
  placement: WabaPlacement,
  waba: WabaApps,
  readAt: string,
): NumberDetail {
  return {
    ...toNumberRoute(phone, placement.wabaId, waba.subscribed),
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
