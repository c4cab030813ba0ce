/**
 * Where a number sits, from the latest audit snapshot that recorded it: with no fleet listing cached (the overview
 * no longer scans the fleet per visitor), a number page finds the number's WABA with one indexed query instead
 * of a scan of the whole fleet, and then reads only the number and its WABA from Graph. Numbers do not move
 * between WABAs when routes change; one that was deleted since answers Graph's error 100, and one whose business
 * is no longer configured is not trusted here (the caller then scans).
 */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { routeSnapshots } from '@/lib/db/schema';
import type { RoutingContext } from './context';
import type { WabaPlacement } from './fleet';

export async function snapshotPlacementOfNumber(
  ctx: Pick<RoutingContext, 'db' | 'businessIds'>,
  phoneNumberId: string,
): Promise<WabaPlacement | null> {
  const [row] = await ctx.db
    .select({
      wabaId: routeSnapshots.wabaId,
      name: routeSnapshots.wabaName,
      businessId: routeSnapshots.businessId,
      ownership: routeSnapshots.ownership,
    })
    .from(routeSnapshots)
    .where(eq(routeSnapshots.phoneNumberId, phoneNumberId))
    .orderBy(desc(routeSnapshots.at))
    .limit(1);
  return row && ctx.businessIds.includes(row.businessId) ? row : null;
}
