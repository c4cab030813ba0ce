/**
 * The console's Graph reads, as plain server functions: the page prefetch (fetchForPage) and the GET route
 * handlers under app/api call them, so the server render and the browser's refetch read the same thing. Each
 * returns a ReadResult: a Graph failure is data the page renders, not a throw.
 */
import 'server-only';
import { z } from 'zod';
import { snapshotOverview } from '@/lib/audit/overview';
import type { FleetOverview } from '@/lib/audit/types';
import { getNumber, getNumberApps, getWaba, listWabas } from '@/lib/routing';
import type { NumberAppsView, NumberDetail, WabaDetail, WabaListResult } from '@/lib/routing/types';
import { getDb, getRoutingContext, getRoutingContexts } from '@/lib/server';
import type { ReadResult } from './read-result';
import { readSafely } from './read-safely';

/** Graph ids are digits; 64 characters is far beyond any real one and keeps junk out of logs and URLs. */
export const graphIdSchema = z.string().min(1).max(64);
export const wabaListParamsSchema = z.object({
  q: z.string().max(200).default(''),
  page: z.coerce.number().int().min(1).default(1),
});
/** No parameters: a refresh is a scan (the audit's start action, `audit.scan`), never a page load. */
export const overviewParamsSchema = z.object({});

/**
 * Fleet counts, warnings and delivery verdicts from the latest audit snapshot: no Graph call, however large the
 * fleet and however many people have it open (the background refresh keeps the snapshot fresh).
 */
export async function readOverview(): Promise<ReadResult<FleetOverview>> {
  return readSafely(async () => snapshotOverview(await getDb()));
}

/** One page of the fleet's WABAs. Listings that failed come back in `errors`, next to what did load. */
export async function readWabaList(params: { q: string; page: number }): Promise<ReadResult<WabaListResult>> {
  return readSafely(async () => listWabas(await getRoutingContext(), params));
}

export const wabaParamsSchema = z.object({ wabaId: graphIdSchema, app: graphIdSchema.optional() });

/**
 * One WABA with its subscribed apps and numbers, read from Graph now as one configured app sees it (the
 * default app without `appId`); `null` data when unknown.
 */
export async function readWaba(wabaId: string, appId?: string): Promise<ReadResult<WabaDetail | null>> {
  return readSafely(async () => getWaba(await getRoutingContext(appId), wabaId));
}

export const numberParamsSchema = z.object({
  phoneNumberId: graphIdSchema,
  app: graphIdSchema.optional(),
});

/**
 * One number read from Graph now, as one configured app sees it (the default app without `appId`); `null`
 * data when Graph or the configured businesses do not know it. An unknown app is a read failure the page shows.
 */
export async function readNumber(
  phoneNumberId: string,
  appId?: string,
): Promise<ReadResult<NumberDetail | null>> {
  return readSafely(async () => getNumber(await getRoutingContext(appId), phoneNumberId));
}

/** Every configured app's route for one number, side by side; `null` data when the number is unknown. */
export async function readNumberApps(phoneNumberId: string): Promise<ReadResult<NumberAppsView | null>> {
  return readSafely(async () => getNumberApps(await getRoutingContexts(), phoneNumberId));
}
