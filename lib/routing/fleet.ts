/**
 * The fleet as services read it: the cached scan (lib/routing/fleet-cache.ts) and id lookups on it. A
 * lookup first uses the last scan's structure (numbers do not move between WABAs when routes change), and
 * scans afresh only when the id is not there.
 */
import 'server-only';
import { GIVE_UP_AT_ONCE, readWholeFleet } from '@/lib/fleet/read-fleet';
import type { FleetScan, ScannedWaba } from '@/lib/fleet/types';
import type { RoutingContext } from './context';
import { FleetUnavailableError } from './errors';
import { bumpGeneration, readGeneration } from './shared-generation';
import { snapshotPlacementOfNumber } from './snapshot-placement';
import type { Ownership } from './types';

/** Where a WABA sits in the configured businesses. Structure only: no routes, which may be stale. */
export interface WabaPlacement {
  wabaId: string;
  name: string | null;
  businessId: string;
  ownership: Ownership;
  /** Optional: placements rebuilt from stored rows (bulk jobs) do not carry it, and do not show it. */
  ownerBusinessName?: string | null;
}

interface FleetIndex {
  wabas: Map<string, ScannedWaba>;
  wabaOfNumber: Map<string, ScannedWaba>;
}

const indexes = new WeakMap<FleetScan, FleetIndex>();

function indexOf(scan: FleetScan): FleetIndex {
  let index = indexes.get(scan);
  if (!index) {
    index = { wabas: new Map(), wabaOfNumber: new Map() };
    for (const waba of scan.wabas) {
      index.wabas.set(waba.wabaId, waba);
      for (const number of waba.numbers) index.wabaOfNumber.set(number.id, waba);
    }
    indexes.set(scan, index);
  }
  return index;
}

function fleetKey(ctx: RoutingContext): string {
  return `${ctx.appId}|${ctx.businessIds.join(',')}`;
}

const FLEET_GENERATION = 'fleet';

export async function readFleet(
  ctx: RoutingContext,
  options: { refresh?: boolean } = {},
): Promise<FleetScan> {
  // Another instance may have written since this one cached its scan.
  ctx.fleetCache.observeShared(await readGeneration(ctx.db, FLEET_GENERATION));
  const scan = () =>
    readWholeFleet({ graph: ctx.graph, throttle: GIVE_UP_AT_ONCE, businessIds: ctx.businessIds });
  return ctx.fleetCache.get(fleetKey(ctx), scan, options);
}

/** After every write: the next read here, and on every other instance on the database, sees what Graph reports now. */
export async function invalidateFleet(ctx: RoutingContext): Promise<void> {
  ctx.fleetCache.invalidate();
  ctx.fleetCache.observeShared(await bumpGeneration(ctx.db, FLEET_GENERATION));
}

function placementOf(waba: ScannedWaba): WabaPlacement {
  return {
    wabaId: waba.wabaId,
    name: waba.name,
    businessId: waba.businessId,
    ownership: waba.ownership,
    ownerBusinessName: waba.ownerBusinessName,
  };
}

async function locate(
  ctx: RoutingContext,
  find: (index: FleetIndex) => ScannedWaba | undefined,
  recorded?: () => Promise<WabaPlacement | null>,
): Promise<WabaPlacement | null> {
  const last = ctx.fleetCache.lastScan(fleetKey(ctx));
  const known = last && find(indexOf(last));
  if (known) return placementOf(known);
  // No listing in this process yet: the audit snapshot knows the structure too, at no Graph cost.
  if (!last && recorded) {
    const placement = await recorded();
    if (placement) return placement;
  }
  const scan = await readFleet(ctx, { refresh: last !== undefined });
  const found = find(indexOf(scan));
  if (found) return placementOf(found);
  if (scan.errors.length > 0) throw new FleetUnavailableError(scan.errors);
  return null;
}

/** The WABA if it belongs to a configured business (owned or client), else null. */
export function locateWaba(ctx: RoutingContext, wabaId: string): Promise<WabaPlacement | null> {
  return locate(ctx, (index) => index.wabas.get(wabaId));
}

/** The WABA a number belongs to, if that WABA belongs to a configured business, else null. */
export function locateNumber(ctx: RoutingContext, phoneNumberId: string): Promise<WabaPlacement | null> {
  return locate(
    ctx,
    (index) => index.wabaOfNumber.get(phoneNumberId),
    () => snapshotPlacementOfNumber(ctx, phoneNumberId),
  );
}
