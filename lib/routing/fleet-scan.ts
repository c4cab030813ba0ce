/**
 * Reads the whole fleet in few Graph calls: every owned and client WABA of every configured business, each
 * with its numbers (and their three tiers, via `webhook_configuration`) and its subscribed apps, through
 * nested field expansion — one call per page of WABAs. Nested edges longer than one page are followed by
 * their `paging.next`. A listing that fails becomes an error entry; the rest of the fleet is still returned.
 *
 * Kept free of view concerns so the fleet audit can reuse it (progress callback, tunable page sizes).
 */
import 'server-only';
import pLimit from 'p-limit';
import { fieldsFor } from '@/lib/graph/fields';
import {
  OWNERSHIPS,
  type PhoneNumber,
  phoneNumberSchema,
  type SubscribedApp,
  subscribedAppSchema,
  type Waba,
} from '@/lib/graph/schemas';
import type { RoutingContext } from './context';
import { describeGraphError } from './describe-error';
import type { GraphFailureView, Ownership } from './types';

export interface FleetWaba {
  wabaId: string;
  name: string | null;
  /** The configured business this WABA was listed under (its owner when it is owned by one of them). */
  businessId: string;
  ownership: Ownership;
  subscribedApps: SubscribedApp[];
  /** With `webhook_configuration` as this app sees it. */
  numbers: PhoneNumber[];
}

export interface FleetScan {
  wabas: FleetWaba[];
  errors: GraphFailureView[];
  readAt: string;
}

export interface ScanOptions {
  /** WABAs per listing page; each page is one Graph call carrying its numbers. */
  wabaPageSize?: number;
  /** Numbers per WABA in the first (nested) page. */
  nestedLimit?: number;
  /** Parallel Graph requests at most. */
  concurrency?: number;
  onProgress?: (progress: { wabas: number; numbers: number }) => void;
}

export const WABA_PAGE_SIZE = 50;
export const NESTED_NUMBER_LIMIT = 100;
export const SCAN_CONCURRENCY = 4;

interface Listing {
  businessId: string;
  ownership: Ownership;
  wabas: Waba[];
}

async function listAll(
  ctx: RoutingContext,
  options: ScanOptions,
  errors: GraphFailureView[],
): Promise<Listing[]> {
  const fields = fieldsFor.wabaWithNumbers(options.nestedLimit ?? NESTED_NUMBER_LIMIT);
  const limit = pLimit(options.concurrency ?? SCAN_CONCURRENCY);
  const jobs = ctx.businessIds.flatMap((businessId) =>
    OWNERSHIPS.map((ownership) =>
      limit(async (): Promise<Listing | null> => {
        try {
          const pageSize = options.wabaPageSize ?? WABA_PAGE_SIZE;
          const wabas = await ctx.graph.listAllWabas(businessId, ownership, { fields, pageSize });
          return { businessId, ownership, wabas };
        } catch (error) {
          errors.push(describeGraphError(error, `Listing ${ownership} WABAs of business ${businessId}`));
          return null;
        }
      }),
    ),
  );
  return (await Promise.all(jobs)).filter((listing) => listing !== null);
}

/** One entry per WABA: a WABA listed as owned by one business and as a client of another shows as owned. */
function dedupe(listings: Listing[]): Array<{ listing: Listing; waba: Waba }> {
  const seen = new Map<string, { listing: Listing; waba: Waba }>();
  for (const ownership of OWNERSHIPS) {
    for (const listing of listings.filter((l) => l.ownership === ownership)) {
      for (const waba of listing.wabas) if (!seen.has(waba.id)) seen.set(waba.id, { listing, waba });
    }
  }
  return [...seen.values()];
}

export async function scanFleet(ctx: RoutingContext, options: ScanOptions = {}): Promise<FleetScan> {
  const readAt = new Date().toISOString();
  const errors: GraphFailureView[] = [];
  const listed = dedupe(await listAll(ctx, options, errors));
  const limit = pLimit(options.concurrency ?? SCAN_CONCURRENCY);
  let numbersSeen = 0;
  const wabas = await Promise.all(
    listed.map(({ listing, waba }) =>
      limit(async (): Promise<FleetWaba> => {
        const [numbers, subscribedApps] = await Promise.all([
          collect(waba.phone_numbers, 'numbers', waba.id, errors, (edge) =>
            ctx.graph.collectNestedEdge(edge, phoneNumberSchema),
          ),
          collect(waba.subscribed_apps, 'subscribed apps', waba.id, errors, (edge) =>
            ctx.graph.collectNestedEdge(edge, subscribedAppSchema),
          ),
        ]);
        numbersSeen += numbers.length;
        options.onProgress?.({ wabas: listed.length, numbers: numbersSeen });
        return {
          wabaId: waba.id,
          name: waba.name ?? null,
          businessId: listing.businessId,
          ownership: listing.ownership,
          subscribedApps,
          numbers,
        };
      }),
    ),
  );
  return { wabas, errors, readAt };
}

/** A nested edge in full; if continuing it fails, the first page is kept and the failure reported. */
async function collect<T>(
  edge: { data: T[]; paging?: { next?: string } } | undefined,
  what: string,
  wabaId: string,
  errors: GraphFailureView[],
  follow: (edge: { data: T[]; paging?: { next?: string } }) => Promise<T[]>,
): Promise<T[]> {
  if (!edge) return [];
  if (!edge.paging?.next) return edge.data;
  try {
    return await follow(edge);
  } catch (error) {
    errors.push(describeGraphError(error, `Reading all ${what} of WABA ${wabaId}`));
    return edge.data;
  }
}
