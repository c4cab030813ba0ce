/**
 * Keeps audit and bulk jobs under Graph's rate limits (docs/graph-facts.md §6). Two mechanisms:
 * - usage headers: once any usage figure reaches `slowAtPercent` (80 %), calls are spaced `slowDelayMs` apart
 *   whatever the concurrency, until responses report usage below it again for `slowHoldMs` (a lower figure in
 *   a response that was already in flight must not end the slow-down at once);
 * - rate-limit errors (4, 17, 341, 613, 80007, 80008) that survived the client's own retries: every caller
 *   pauses for the announced wait (or an exponential backoff when none is announced). A wait longer than
 *   `maxWaitMs` is not waited out: the caller gives up and reports when to try again.
 * Other instances' usage figures (shared through the database) count like this process's own responses.
 * Pure timing logic with an injectable clock and sleep, so it is unit-tested without real waits.
 */
import type { UsageSnapshot } from '@/lib/graph/usage';

export interface ThrottleOptions {
  slowAtPercent?: number;
  slowDelayMs?: number;
  slowHoldMs?: number;
  backoffBaseMs?: number;
  maxWaitMs?: number;
  /**
   * The highest usage percentage any instance recorded recently (lib/graph-usage), or null. Consulted before
   * the first call and then every `sharedEveryMs`, so a job starts slow when another instance already saw
   * usage past the threshold: the budget is the app's, not this process's.
   */
  sharedUsage?: () => Promise<number | null>;
  sharedEveryMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ThrottleStats {
  /** Rate-limit errors that made every caller pause. */
  backoffs: number;
  /** Wall time during which calls were held back (pauses and spacing), not summed per caller. */
  throttledMs: number;
  /** The highest usage percentage seen in a response, or null when none reported usage. */
  peakUsagePercent: number | null;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Throttle {
  private readonly slowAt: number;
  private readonly slowDelayMs: number;
  private readonly slowHoldMs: number;
  private slowUntil = 0;
  private readonly backoffBaseMs: number;
  readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private pauseUntil = 0;
  private nextSlot = 0;
  private slow = false;
  private consecutiveBackoffs = 0;
  private heldUntil = 0;
  private readonly sharedUsage: (() => Promise<number | null>) | undefined;
  private readonly sharedEveryMs: number;
  private sharedNextAt = Number.NEGATIVE_INFINITY;
  readonly stats: ThrottleStats = { backoffs: 0, throttledMs: 0, peakUsagePercent: null };

  constructor(options: ThrottleOptions = {}) {
    this.slowAt = options.slowAtPercent ?? 80;
    this.slowDelayMs = options.slowDelayMs ?? 1_000;
    this.slowHoldMs = options.slowHoldMs ?? 10_000;
    this.backoffBaseMs = options.backoffBaseMs ?? 2_000;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.sharedUsage = options.sharedUsage;
    this.sharedEveryMs = options.sharedEveryMs ?? 5_000;
  }

  /** Feed every response's usage headers here (the Graph client's `onUsage`). */
  observe(usage: UsageSnapshot): void {
    if (usage.maxPercent !== null) this.observePercent(usage.maxPercent);
  }

  /** A usage percentage from anywhere: a response here, or another instance's (via `sharedUsage`). */
  observePercent(percent: number): void {
    this.stats.peakUsagePercent = Math.max(this.stats.peakUsagePercent ?? 0, percent);
    const high = percent >= this.slowAt;
    const now = this.now();
    // Crossing the threshold: even the very next call waits its turn.
    if (high && !this.slow) this.nextSlot = Math.max(this.nextSlot, now + this.slowDelayMs);
    if (high) this.slowUntil = now + this.slowHoldMs;
    this.slow = high || now < this.slowUntil;
    if (!this.slow) this.consecutiveBackoffs = 0;
  }

  /** Whether calls are currently being spaced out because usage passed the threshold. */
  get slowedDown(): boolean {
    return this.slow;
  }

  /** Resolves when the next Graph call may be sent. */
  async ready(): Promise<void> {
    await this.refreshShared();
    let until = this.pauseUntil;
    if (this.slow) {
      const slot = Math.max(this.now(), this.nextSlot, this.pauseUntil);
      this.nextSlot = slot + this.slowDelayMs;
      until = slot;
    }
    const wait = until - this.now();
    if (wait <= 0) return;
    this.hold(until);
    await this.sleep(wait);
  }

  /**
   * After a rate-limit failure: pause every caller. Returns false, without waiting, when Meta announced a
   * wait longer than `maxWaitMs` — the caller should stop and report `retryAfterSeconds`.
   */
  async backOff(retryAfterSeconds: number | null): Promise<boolean> {
    const announced = retryAfterSeconds !== null && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : null;
    if (announced !== null && announced > this.maxWaitMs) return false;
    this.stats.backoffs += 1;
    const exponential = Math.min(this.maxWaitMs, this.backoffBaseMs * 2 ** this.consecutiveBackoffs);
    this.consecutiveBackoffs += 1;
    const until = this.now() + Math.max(announced ?? 0, exponential);
    this.pauseUntil = Math.max(this.pauseUntil, until);
    this.hold(this.pauseUntil);
    const wait = this.pauseUntil - this.now();
    if (wait > 0) await this.sleep(wait);
    return true;
  }

  /** A call went through: the next rate-limit error starts its backoff from the base again. */
  succeeded(): void {
    if (!this.slow) this.consecutiveBackoffs = 0;
  }

  private async refreshShared(): Promise<void> {
    if (!this.sharedUsage || this.now() < this.sharedNextAt) return;
    this.sharedNextAt = this.now() + this.sharedEveryMs;
    try {
      const percent = await this.sharedUsage();
      if (percent !== null) this.observePercent(percent);
    } catch {
      // The shared figure is advice; this instance's own responses still steer the throttle.
    }
  }

  private hold(until: number): void {
    const from = Math.max(this.now(), this.heldUntil);
    if (until > from) this.stats.throttledMs += until - from;
    this.heldUntil = Math.max(this.heldUntil, until);
  }
}
