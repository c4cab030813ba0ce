/**
 * Every app's route for one number, side by side. Meta resolves each app's copy by that app's own three
 * tiers, and `webhook_configuration` shows only the calling token's app, so each configured app reads the
 * number with its own client. Calls: one `subscribed_apps` read for the WABA plus one per configured app —
 * the number page's cost grows with apps, not with anything else.
 */
import 'server-only';
import { describeGraphError } from '@/lib/graph/describe-error';
import { subscribedAppSchema } from '@/lib/graph/schemas';
import type { RoutingContext } from './context';
import { locateNumber } from './fleet';
import { isGraphId, nullOnUnknownId } from './graph-reads';
import { summarizeNumberApps } from './number-apps-summary';
import { resolveRoute } from './tiers';
import type { AppRouteView, NumberAppsView } from './types';
import { presentOrNull } from './views';

/**
 * `contexts` holds one context per configured app, the default first (lib/server getRoutingContexts); the
 * default app locates the number and reads the WABA's subscriptions. Null when the number is unknown.
 */
export async function getNumberApps(
  contexts: readonly RoutingContext[],
  phoneNumberId: string,
): Promise<NumberAppsView | null> {
  const [main] = contexts;
  if (!main || !isGraphId(phoneNumberId)) return null;
  const placement = await locateNumber(main, phoneNumberId);
  if (!placement) return null;
  return nullOnUnknownId(readNumberApps(contexts, phoneNumberId, placement.wabaId));
}

export async function readNumberApps(
  contexts: readonly RoutingContext[],
  phoneNumberId: string,
  wabaId: string,
): Promise<NumberAppsView> {
  const [main] = contexts;
  if (!main) throw new Error('no app is configured');
  const [waba, ...tiersPerApp] = await Promise.all([
    main.graph.getWaba(wabaId, 'id,subscribed_apps'),
    ...contexts.map((ctx) =>
      ctx.graph.getWebhookConfiguration(phoneNumberId).then(
        (tiers) => ({ ok: true as const, tiers }),
        (error: unknown) => ({ ok: false as const, error: describeGraphError(error) }),
      ),
    ),
  ]);
  const subscribedApps = await main.graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema);
  const subscribedIds = new Set(subscribedApps.map((entry) => entry.whatsapp_business_api_data.id));
  const apps: AppRouteView[] = contexts.map((ctx, index) => {
    const read = tiersPerApp[index];
    const subscribed = subscribedIds.has(ctx.appId);
    const base = { appId: ctx.appId, appLabel: ctx.appLabel, isDefault: index === 0, subscribed };
    if (!read?.ok) return { ...base, tiers: null, resolution: null, error: read?.error ?? null };
    return {
      ...base,
      tiers: read.tiers,
      resolution: resolveRoute({ subscribed, tiers: read.tiers }),
      error: null,
    };
  });
  const configured = new Set(contexts.map((ctx) => ctx.appId));
  const unconfigured = subscribedApps
    .filter((entry) => !configured.has(entry.whatsapp_business_api_data.id))
    .map((entry) => ({
      appId: entry.whatsapp_business_api_data.id,
      name: entry.whatsapp_business_api_data.name ?? null,
      wabaOverride: presentOrNull(entry.override_callback_uri),
    }));
  return {
    phoneNumberId,
    wabaId,
    apps,
    unconfigured,
    summary: summarizeNumberApps(apps, unconfigured),
    readAt: new Date().toISOString(),
  };
}
