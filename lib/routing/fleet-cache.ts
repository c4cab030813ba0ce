/**
 * A short-lived, in-process cache of fleet scans, so the WABA list, the overview and id lookups share one
 * scan instead of each paying Graph calls. Concurrent readers share one in-flight scan. Writes call
 * `invalidate()`: cached scans are dropped and scans already running when the write happened are not stored.
 *
 * With several instances on one database, `observeShared()` carries other instances' writes here too.
 *
 * The structural index (which number belongs to which WABA and business) is kept across invalidations:
 * overrides do not move numbers, so a write does not make it wrong, and lookups stay cheap after writes.
 */
import 'server-only';
import type { FleetScan } from '@/lib/fleet/types';

export const FLEET_CACHE_TTL_MS = 30_000;

interface Entry {
  scan: FleetScan;
  storedAt: number;
}

export class FleetCache {
  private entries = new Map<string, Entry>();
  private inflight = new Map<string, Promise<FleetScan>>();
  private lastScans = new Map<string, FleetScan>();
  private generation = 0;
  private sharedSeen: number | undefined;

  constructor(
    private readonly ttlMs: number = FLEET_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached scan for `key`, or a new one from `load`. `refresh` skips the cache but joins a scan in flight. */
  async get(
    key: string,
    load: () => Promise<FleetScan>,
    options: { refresh?: boolean } = {},
  ): Promise<FleetScan> {
    const entry = this.entries.get(key);
    if (!options.refresh && entry && this.now() - entry.storedAt < this.ttlMs) return entry.scan;
    const running = this.inflight.get(key);
    if (running) return running;

    const generation = this.generation;
    const promise = load()
      .then((scan) => {
        if (generation === this.generation) {
          this.lastScans.set(key, scan);
          // A scan with failed listings is not cached: the next page load should try again.
          if (scan.errors.length === 0) this.entries.set(key, { scan, storedAt: this.now() });
          else this.entries.delete(key);
        }
        return scan;
      })
      .finally(() => {
        if (this.inflight.get(key) === promise) this.inflight.delete(key);
      });
    this.inflight.set(key, promise);
    return promise;
  }

  /** The most recent scan for `key` regardless of age or invalidation: for structure (ids), never for routes. */
  lastScan(key: string): FleetScan | undefined {
    return this.lastScans.get(key);
  }

  /**
   * The database-wide fleet generation (lib/routing/shared-generation.ts) as just read: when another
   * instance has written since this one last looked, its cached scans are dropped.
   */
  observeShared(generation: number): void {
    if (this.sharedSeen !== undefined && generation !== this.sharedSeen) this.invalidate();
    this.sharedSeen = generation;
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
    this.inflight.clear();
  }
}
