/**
 * The WABAs a scan has seen, each until all of its nested pages are in. Decides what is emitted when:
 * - a WABA listed twice (owned by one configured business, shared as a client with another) is read once and
 *   reported as owned — so client WABAs are held back until every owned listing is finished;
 * - a number is reported once even if a paging glitch repeats it;
 * and keeps the counts the progress bar shows.
 */
import type { PhoneNumber, SubscribedApp, Waba } from '@/lib/graph/schemas';
import type { Ownership } from '@/lib/routing/types';
import type { EdgeKind } from './leftovers';
import type { ScannedWaba, ScanProgress } from './types';

interface Entry {
  waba: ScannedWaba;
  /** Nested edges still being continued. */
  open: number;
  /** `phone_numbers.summary(total_count)`, when Graph gave it. */
  numberTotal: number | null;
  done: boolean;
}

export interface Listed {
  waba: Waba;
  businessId: string;
  ownership: Ownership;
  readAt: string;
}

export class ScanRegistry {
  private entries = new Map<string, Entry>();
  private held: ScannedWaba[] = [];
  private ready: ScannedWaba[] = [];
  private emittedNumbers = new Set<string>();
  private ownedDone = false;
  private listingTotals = new Map<string, number | null>();
  private listingsDone = false;
  wabasScanned = 0;
  numbersScanned = 0;
  batchOperations = 0;

  constructor(private readonly listingKeys: readonly string[]) {}

  noteListingTotal(key: string, total: number | null): void {
    if (!this.listingTotals.has(key)) this.listingTotals.set(key, total);
  }

  /** Registers a listed WABA; returns false when it was already listed (nothing more to fetch for it). */
  add({ waba, businessId, ownership, readAt }: Listed, open: number): boolean {
    const known = this.entries.get(waba.id);
    if (known) {
      // Owned wins over client; the held client entry has not been emitted yet (see markOwnedDone).
      if (ownership === 'owned' && known.waba.ownership === 'client') {
        Object.assign(known.waba, { businessId, ownership });
      }
      return false;
    }
    const entry: Entry = {
      waba: {
        wabaId: waba.id,
        name: waba.name ?? null,
        businessId,
        ownership,
        ownerBusinessName: waba.owner_business_info?.name ?? null,
        subscribedApps: [...(waba.subscribed_apps?.data ?? [])],
        numbers: [...(waba.phone_numbers?.data ?? [])],
        readAt,
        ...(waba.account_review_status === undefined
          ? {}
          : { accountReviewStatus: waba.account_review_status }),
        ...(waba.health_status === undefined ? {} : { healthStatus: waba.health_status }),
      },
      open,
      numberTotal: waba.phone_numbers?.summary?.total_count ?? null,
      done: false,
    };
    this.entries.set(waba.id, entry);
    if (open === 0) this.complete(entry);
    return true;
  }

  append(wabaId: string, kind: EdgeKind, items: PhoneNumber[] | SubscribedApp[]): void {
    const entry = this.entries.get(wabaId);
    if (!entry) return;
    if (kind === 'numbers') entry.waba.numbers.push(...(items as PhoneNumber[]));
    else entry.waba.subscribedApps.push(...(items as SubscribedApp[]));
  }

  /** One nested edge of the WABA is finished (fully read, or given up on). */
  closeEdge(wabaId: string): void {
    const entry = this.entries.get(wabaId);
    if (!entry || entry.done) return;
    entry.open -= 1;
    if (entry.open <= 0) this.complete(entry);
  }

  markOwnedDone(): void {
    this.ownedDone = true;
    this.ready.push(...this.held);
    this.held = [];
  }

  markListingsDone(): void {
    this.listingsDone = true;
  }

  /** WABAs complete since the last call, numbers deduplicated; counted as scanned. */
  takeReady(): ScannedWaba[] {
    const out = this.ready.map((waba) => ({
      ...waba,
      numbers: waba.numbers.filter((n) => {
        if (this.emittedNumbers.has(n.id)) return false;
        this.emittedNumbers.add(n.id);
        return true;
      }),
    }));
    this.ready = [];
    this.wabasScanned += out.length;
    this.numbersScanned += out.reduce((sum, w) => sum + w.numbers.length, 0);
    return out;
  }

  progress(): ScanProgress {
    const listed = [...this.entries.values()];
    const knownNumbers = listed.reduce(
      (sum, e) =>
        sum + (e.done ? e.waba.numbers.length : Math.max(e.numberTotal ?? 0, e.waba.numbers.length)),
      0,
    );
    const totals = [...this.listingTotals.values()];
    const everyListingReported = this.listingKeys.every((key) => this.listingTotals.has(key));
    const listingSum =
      everyListingReported && totals.every((t) => t !== null)
        ? totals.reduce<number>((sum, t) => sum + (t ?? 0), 0)
        : null;
    const wabasTotal = this.listingsDone ? listed.length : listingSum;
    let numbersTotal: number | null = knownNumbers;
    if (!this.listingsDone) {
      const remaining = wabasTotal === null ? null : Math.max(0, wabasTotal - listed.length);
      numbersTotal =
        remaining === null || listed.length === 0
          ? null
          : Math.round(knownNumbers + (remaining * knownNumbers) / listed.length);
    }
    const exact = this.listingsDone && listed.every((e) => e.done || e.numberTotal !== null);
    return {
      wabasTotal,
      wabasScanned: this.wabasScanned,
      numbersTotal: numbersTotal === null ? null : Math.max(numbersTotal, this.numbersScanned),
      numbersTotalExact: exact,
      numbersScanned: this.numbersScanned,
      batchOperations: this.batchOperations,
    };
  }

  private complete(entry: Entry): void {
    entry.done = true;
    if (entry.waba.ownership === 'client' && !this.ownedDone) this.held.push(entry.waba);
    else this.ready.push(entry.waba);
  }
}
