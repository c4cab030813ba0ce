/** Scanned WABAs → `route_snapshots` rows: the three tiers as this app sees them and how they resolve. */
import 'server-only';
import type { routeSnapshots } from '@/lib/db/schema';
import type { ScannedWaba } from '@/lib/fleet/types';
import { resolveRoute, tierUrl } from '@/lib/routing/tiers';
import type { SnapshotVerdict } from './verdicts';

export type NewRouteSnapshot = typeof routeSnapshots.$inferInsert;

/** `verdicts`: the doctor's verdict per number id, when the scan checked delivery (else the columns stay null). */
export function toSnapshotRows(
  scanId: string,
  app: { appId: string; appLabel: string },
  waba: ScannedWaba,
  verdicts?: ReadonlyMap<string, SnapshotVerdict>,
): NewRouteSnapshot[] {
  const { appId, appLabel } = app;
  const subscribed = waba.subscribedApps.some((entry) => entry.whatsapp_business_api_data.id === appId);
  const at = new Date(waba.readAt);
  return waba.numbers.map((number) => {
    const tiers = number.webhook_configuration ?? {};
    const resolution = resolveRoute({ subscribed, tiers });
    return {
      scanId,
      appId,
      appLabel,
      at,
      phoneNumberId: number.id,
      wabaId: waba.wabaId,
      wabaName: waba.name,
      businessId: waba.businessId,
      ownership: waba.ownership,
      displayPhoneNumber: number.display_phone_number ?? null,
      verifiedName: number.verified_name ?? null,
      phoneTier: tierUrl(tiers, 'phone_number'),
      wabaTier: tierUrl(tiers, 'whatsapp_business_account'),
      appTier: tierUrl(tiers, 'application'),
      winner: resolution.winner,
      effectiveUrl: resolution.url,
      subscribed,
      verdict: verdicts?.get(number.id)?.verdict ?? null,
      firstProblem: verdicts?.get(number.id)?.firstProblem ?? null,
    };
  });
}
