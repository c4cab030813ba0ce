/**
 * How many rows of a completed scan match each filter, remembered in this process. The audit table asks for
 * its rows in blocks, and each block used to count the whole filtered set again (a full pass over up to
 * 50,000 rows) although only the first block's total is shown; a re-sort asked again for a count sorting cannot
 * change. A completed scan's rows never change, so its counts stay true; a running scan's are never kept.
 */
import 'server-only';
import type { AuditFilter } from './filter';

/** Filters one person tries in a sitting are a handful; this bounds what a long-running server keeps. */
const DEFAULT_CAPACITY = 500;

/** The key of what a count depends on: the scan and the filter, not the sort or its direction. */
export function matchCountKey(scanId: string, filter: AuditFilter): string {
  const { sort: _sort, dir: _dir, ...selection } = filter;
  const fields = Object.entries(selection)
    .filter(([, value]) => value !== undefined && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([scanId, fields]);
}

/** A bounded memo, least recently used out first (a Map keeps insertion order; a hit moves to the end). */
export class MatchCounts {
  private readonly counts = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<number>>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /**
   * The count for `key`: remembered, or already being counted for another request (the table asks for its
   * first blocks at once), or counted now by `count`, and remembered when the scan was completed.
   */
  total(key: string, count: () => Promise<{ total: number; completed: boolean }>): Promise<number> {
    const known = this.get(key);
    if (known !== undefined) return Promise.resolve(known);
    const running = this.inflight.get(key);
    if (running) return running;
    const counting = count()
      .then(({ total, completed }) => {
        if (completed) this.set(key, total);
        return total;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, counting);
    return counting;
  }

  get(key: string): number | undefined {
    const count = this.counts.get(key);
    if (count !== undefined) {
      this.counts.delete(key);
      this.counts.set(key, count);
    }
    return count;
  }

  set(key: string, count: number): void {
    this.counts.delete(key);
    this.counts.set(key, count);
    while (this.counts.size > this.capacity) {
      const oldest = this.counts.keys().next().value;
      if (oldest === undefined) break;
      this.counts.delete(oldest);
    }
  }

  get size(): number {
    return this.counts.size;
  }
}
