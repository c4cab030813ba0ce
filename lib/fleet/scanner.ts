/**
 * The one fleet scanner: every number of every owned and client WABA of the configured businesses, in as few
 * Graph calls as Graph allows. The audit job and routing reads (WABA list, overview, lookups) both use it.
 *   1. One listing request per page of WABAs carries each WABA's first page of numbers (with their three tiers)
 *      and its subscribed apps — nested field expansion, page sizes at Graph's maximum.
 *   2. Nested edges longer than a page are continued by their `paging.next`, up to 50 at a time in one batch.
 *   3. Rate-limit and transient failures wait on the caller's `throttle` (the audit's Throttle; routing reads
 *      give up at once) and at most `concurrency` requests are in flight.
 * WABAs are handed to `onWabas` as soon as they are complete, so snapshots are written while Graph is still
 * being read, and the job's progress moves page by page. Failures become `errors`; the rest is still read.
 */
import 'server-only';
import pLimit from 'p-limit';
import type { GraphClient } from '@/lib/graph/client';
import { describeGraphError } from '@/lib/graph/describe-error';
import { DEFAULT_NESTED_LIMIT, fieldsFor } from '@/lib/graph/fields';
import {
  MAX_BATCH_OPERATIONS,
  OWNERSHIPS,
  phoneNumberSchema,
  subscribedAppSchema,
  wabaSchema,
} from '@/lib/graph/schemas';
import { buildGraphUrl } from '@/lib/graph/urls';
import type { GraphFailureView, Ownership } from '@/lib/routing/types';
import { DEFAULT_MAX_ATTEMPTS, retryAfterOf, shouldBackOff, withPatience } from './attempts';
import { type EdgeKind, type Leftover, readEntry, relativeUrlOf } from './leftovers';
import { ScanRegistry } from './registry';
import type { ScannedWaba, ScanOutcome, ScanPatience, ScanProgress } from './types';

export interface ScanSource {
  graph: GraphClient;
  throttle: ScanPatience;
  businessIds: readonly string[];
}

export interface ScanOptions {
  wabaPageSize?: number;
  nestedLimit?: number;
  /** Graph requests in flight at most. */
  concurrency?: number;
  maxAttempts?: number;
  /** Also read the numbers' and WABAs' status and health (what the routing doctor's status checks need). */
  withHealth?: boolean;
  /** Complete WABAs, in arrival order; awaited one call at a time (a slow sink slows nothing else). */
  onWabas: (wabas: ScannedWaba[]) => Promise<void>;
  onProgress?: (progress: ScanProgress) => void;
}

/** Graph caps page sizes; the sandbox at 100 (lib/graph-sandbox/README.md), as Graph does for most edges. */
export const SCAN_WABA_PAGE_SIZE = 100;
export const SCAN_CONCURRENCY = 8;
/** Guards against a server that keeps answering with `next`. */
const MAX_PAGES = 10_000;

export async function scanFleet(source: ScanSource, options: ScanOptions): Promise<ScanOutcome> {
  const { graph, throttle } = source;
  const base = graph.base;
  const limit = pLimit(options.concurrency ?? SCAN_CONCURRENCY);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const errors: GraphFailureView[] = [];
  const keys = source.businessIds.flatMap((b) => OWNERSHIPS.map((o) => `${b}:${o}`));
  const registry = new ScanRegistry(keys);
  const queue: Leftover[] = [];
  const inflight = new Set<Promise<void>>();
  let sink: Promise<void> = Promise.resolve();
  const sinkFailure: { error?: unknown; failed: boolean } = { failed: false };

  const flush = () => {
    const wabas = registry.takeReady();
    if (wabas.length > 0) {
      // Caught here and rethrown at the end: a rejected chain nobody awaits yet would crash the process.
      // The rows are written a macrotask later (setImmediate): the listing's next page is requested first, so
      // a database that blocks the thread while it writes (PGlite) overlaps with that page's round trip.
      sink = sink
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => (sinkFailure.failed ? undefined : options.onWabas(wabas)))
        .catch((error: unknown) => {
          Object.assign(sinkFailure, { failed: true, error });
        });
    }
    options.onProgress?.(registry.progress());
  };

  const giveUp = (leftover: Leftover, error: unknown) => {
    const what = leftover.kind === 'numbers' ? 'numbers' : 'subscribed apps';
    errors.push(describeGraphError(error, `Reading all ${what} of WABA ${leftover.wabaId}`));
    registry.closeEdge(leftover.wabaId);
  };

  const settle = (leftover: Leftover, page: { data: unknown[]; paging?: { next?: string } }) => {
    registry.append(leftover.wabaId, leftover.kind, page.data as never[]);
    const next = page.paging?.next;
    if (next && next !== leftover.next) queue.push({ ...leftover, next, attempts: 0 });
    else registry.closeEdge(leftover.wabaId);
  };

  /** Puts failed leftovers back after one shared pause, or gives up on those out of attempts or patience. */
  const retryLater = async (failed: Array<{ leftover: Leftover; error: unknown }>) => {
    // Out of attempts: given up at once, not after a pause that retries nothing.
    const again = failed.filter(({ leftover, error }) => {
      const exhausted = leftover.attempts + 1 >= maxAttempts;
      if (exhausted) giveUp(leftover, error);
      return !exhausted;
    });
    if (again.length === 0) return;
    const wait = Math.max(0, ...again.map((f) => retryAfterOf(f.error) ?? 0));
    const patient = await throttle.backOff(wait || null);
    for (const { leftover, error } of again) {
      if (!patient) giveUp(leftover, error);
      else queue.push({ ...leftover, attempts: leftover.attempts + 1 });
    }
  };

  /** A lone leftover goes as a plain GET: a batch of one costs the same call and more bytes. */
  const runSingle = async (leftover: Leftover) => {
    try {
      const fetchPage = (): Promise<{ data: unknown[]; next: string | null }> =>
        leftover.kind === 'numbers'
          ? graph.fetchNextPage(leftover.next, phoneNumberSchema)
          : graph.fetchNextPage(leftover.next, subscribedAppSchema);
      const page = await limit(fetchPage);
      throttle.succeeded();
      settle(leftover, { data: page.data, paging: page.next ? { next: page.next } : undefined });
    } catch (error) {
      if (shouldBackOff(error)) await retryLater([{ leftover, error }]);
      else giveUp(leftover, error);
    }
  };

  const runBatch = async (chunk: Leftover[]) => {
    const ops = chunk.map((l) => ({ leftover: l, url: relativeUrlOf(base, l.next) }));
    for (const op of ops.filter((o) => o.url === null)) giveUp(op.leftover, new Error('foreign next URL'));
    const valid = ops.filter((o): o is { leftover: Leftover; url: string } => o.url !== null);
    if (valid.length === 0) return;
    let entries: Awaited<ReturnType<GraphClient['batch']>>;
    try {
      entries = await limit(() => graph.batch(valid.map((o) => ({ method: 'GET', relative_url: o.url }))));
      registry.batchOperations += valid.length;
      throttle.succeeded();
    } catch (error) {
      if (shouldBackOff(error)) await retryLater(valid.map((o) => ({ leftover: o.leftover, error })));
      else for (const o of valid) giveUp(o.leftover, error);
      return;
    }
    const failed: Array<{ leftover: Leftover; error: unknown }> = [];
    valid.forEach(({ leftover, url }, i) => {
      const result = readEntry(entries[i] ?? null, leftover, `/${url.split('?')[0]}`);
      if (result.ok) settle(leftover, result.page);
      else if (result.retry) failed.push({ leftover, error: result.error });
      else giveUp(leftover, result.error);
    });
    await retryLater(failed);
  };

  /** Sends queued leftovers: full batches at once, partial ones only when `all` (nothing else will add to them). */
  const drain = (all: boolean) => {
    while (queue.length >= MAX_BATCH_OPERATIONS || (all && queue.length > 0)) {
      const chunk = queue.splice(0, MAX_BATCH_OPERATIONS);
      const single = chunk.length === 1 ? chunk[0] : undefined;
      const task: Promise<void> = (single ? runSingle(single) : runBatch(chunk)).finally(() => {
        inflight.delete(task);
        flush();
      });
      inflight.add(task);
    }
  };

  const listing = async (businessId: string, ownership: Ownership) => {
    const key = `${businessId}:${ownership}`;
    const what = `Listing ${ownership} WABAs of business ${businessId}`;
    const first = buildGraphUrl(base, `/${businessId}/${ownership}_whatsapp_business_accounts`, {
      fields: fieldsFor.wabaWithNumbers(options.nestedLimit ?? DEFAULT_NESTED_LIMIT, {
        health: options.withHealth ?? false,
      }),
      limit: options.wabaPageSize ?? SCAN_WABA_PAGE_SIZE,
      summary: 'total_count',
    });
    let url: string | null = first.toString();
    for (let pages = 0; url && pages < MAX_PAGES; pages++) {
      const pageUrl: string = url;
      const page = await withPatience(
        throttle,
        what,
        errors,
        () => limit(() => graph.fetchNextPage(pageUrl, wabaSchema)),
        maxAttempts,
      );
      if (page === null) break;
      registry.noteListingTotal(key, page.totalCount);
      const readAt = new Date().toISOString();
      for (const waba of page.data) {
        const pending = leftoversOf(waba);
        if (registry.add({ waba, businessId, ownership, readAt }, pending.length)) queue.push(...pending);
      }
      drain(false);
      flush();
      url = page.next && page.next !== pageUrl ? page.next : null;
    }
    registry.noteListingTotal(key, null);
  };

  const listAll = (ownership: Ownership) =>
    Promise.all(source.businessIds.map((businessId) => listing(businessId, ownership)));
  await Promise.all([
    listAll('owned').then(() => {
      registry.markOwnedDone();
      flush();
    }),
    listAll('client'),
  ]);
  registry.markListingsDone();
  while (queue.length > 0 || inflight.size > 0) {
    drain(true);
    if (inflight.size > 0) await Promise.race(inflight);
  }
  flush();
  await sink;
  if (sinkFailure.failed) throw sinkFailure.error;
  return { ...registry.progress(), errors };
}

function leftoversOf(waba: { id: string; phone_numbers?: Edge; subscribed_apps?: Edge }): Leftover[] {
  const out: Leftover[] = [];
  const add = (kind: EdgeKind, edge: Edge | undefined) => {
    const next = edge?.paging?.next;
    if (next) out.push({ wabaId: waba.id, kind, next, attempts: 0 });
  };
  add('numbers', waba.phone_numbers);
  add('apps', waba.subscribed_apps);
  return out;
}

type Edge = { paging?: { next?: string } };
