/**
 * The fleet in one piece, for routing reads (WABA list, overview, id lookups): the scanner's WABAs collected
 * as they complete, in listing order (owned before client, configured businesses in order). Page loads do not
 * sit out rate limits the way the audit job does: `GIVE_UP_AT_ONCE` reports a failure as an error entry at
 * once (the Graph client has already retried briefly), and the rest of the fleet is still returned.
 */
import 'server-only';
import { type ScanOptions, type ScanSource, scanFleet } from './scanner';
import type { FleetScan, ScannedWaba, ScanPatience } from './types';

export const GIVE_UP_AT_ONCE: ScanPatience = {
  backOff: async () => false,
  succeeded: () => {},
};

/**
 * WABAs per listing page for page loads: half the audit's, so a request that fails or times out costs a page
 * load less to repeat (each page carries up to 100 numbers per WABA).
 */
export const WHOLE_FLEET_WABA_PAGE_SIZE = 50;

export async function readWholeFleet(
  source: ScanSource,
  options: Omit<ScanOptions, 'onWabas'> = {},
): Promise<FleetScan> {
  const readAt = new Date().toISOString();
  const wabas: ScannedWaba[] = [];
  const { errors } = await scanFleet(source, {
    wabaPageSize: WHOLE_FLEET_WABA_PAGE_SIZE,
    ...options,
    onWabas: async (complete) => {
      wabas.push(...complete);
    },
  });
  const rank = (waba: ScannedWaba) =>
    (waba.ownership === 'owned' ? 0 : source.businessIds.length) +
    source.businessIds.indexOf(waba.businessId);
  // Array.prototype.sort is stable: within one listing, WABAs keep the order they completed in.
  return { wabas: wabas.sort((a, b) => rank(a) - rank(b)), errors, readAt };
}
