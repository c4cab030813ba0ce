/**
 * The overview: fleet counts, numbers per winning tier, WABAs this app is not subscribed to, and overrides in
 * use whose URL failed its latest callback check. Built from the cached fleet scan: for the demo fleet that is
 * a couple of Graph calls, however many numbers there are.
 */
import 'server-only';
import type { Tier } from '@/lib/graph/schemas';
import { latestChecks } from './callback-checks';
import type { RoutingContext } from './context';
import { readFleet } from './fleet';
import { resolveRoute } from './tiers';
import type { FailingOverride, Overview, WabaSummary } from './types';
import { presentOrNull, thisAppEntry, toWabaSummary } from './views';

/** How many destinations the overview's chart shows; the audit groups them all. */
export const OVERVIEW_TOP_URLS = 10;

type InUse = Omit<FailingOverride, 'checkedAt' | 'reason'>;

export async function getOverview(
  ctx: RoutingContext,
  options: { refresh?: boolean } = {},
): Promise<Overview> {
  const scan = await readFleet(ctx, options);
  const byWinner: Record<Tier | 'none', number> = {
    phone_number: 0,
    whatsapp_business_account: 0,
    application: 0,
    none: 0,
  };
  const unsubscribedWabas: WabaSummary[] = [];
  const inUse: InUse[] = [];
  const perUrl = new Map<string | null, number>();
  let numberCount = 0;

  for (const waba of scan.wabas) {
    const mine = thisAppEntry(ctx.appId, waba.subscribedApps);
    const subscribed = mine !== undefined;
    if (!subscribed) {
      unsubscribedWabas.push(toWabaSummary(waba, ctx.appId, waba.subscribedApps, waba.numbers.length));
    }
    const wabaOverride = presentOrNull(mine?.override_callback_uri);
    if (wabaOverride) inUse.push({ phoneNumberId: null, wabaId: waba.wabaId, url: wabaOverride });
    for (const number of waba.numbers) {
      numberCount += 1;
      const resolution = resolveRoute({ subscribed, tiers: number.webhook_configuration ?? {} });
      byWinner[resolution.winner ?? 'none'] += 1;
      perUrl.set(resolution.url, (perUrl.get(resolution.url) ?? 0) + 1);
      if (resolution.winner === 'phone_number' && resolution.url) {
        inUse.push({ phoneNumberId: number.id, wabaId: waba.wabaId, url: resolution.url });
      }
    }
  }

  const checks = await latestChecks(
    ctx.db,
    inUse.map((entry) => entry.url),
  );
  const failingOverrides: FailingOverride[] = [];
  for (const entry of inUse) {
    const check = checks.get(entry.url);
    if (check && !check.ok) {
      failingOverrides.push({ ...entry, checkedAt: check.at.toISOString(), reason: check.reason });
    }
  }

  return {
    wabaCount: scan.wabas.length,
    numberCount,
    byWinner,
    byUrl: [...perUrl]
      .map(([url, count]) => ({ url, count }))
      .sort((a, b) => b.count - a.count || (a.url ?? '').localeCompare(b.url ?? ''))
      .slice(0, OVERVIEW_TOP_URLS),
    unsubscribedWabas,
    failingOverrides,
    errors: scan.errors,
    readAt: scan.readAt,
  };
}
