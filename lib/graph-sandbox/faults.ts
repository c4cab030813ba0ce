import { z } from 'zod';

export const FAULT_KINDS = ['http500', 'code2', 'code80008'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Body of `POST /_sandbox/faults`; every field optional. */
export const faultConfigSchema = z.object({
  latencyMs: z.number().nonnegative().optional(),
  latencyJitterMs: z.number().nonnegative().optional(),
  faultRate: z.number().min(0).max(1).optional(),
  faultKind: z.enum(FAULT_KINDS).optional(),
  /** Regex tested against the Graph path (e.g. `/v23.0/123/phone_numbers`); faults only hit matching calls. */
  pathPattern: z.string().optional(),
  /**
   * Faults start only after the next matching write (a POST or DELETE call) has gone through: with
   * `count: 1` the write is applied and its read-back fails.
   */
  afterWrite: z.boolean().optional(),
  /** Count mode: the next N matching calls fail, then calls succeed again (faultRate is ignored). */
  count: z.number().int().nonnegative().optional(),
  wabaCallBudget: z.number().int().positive().optional(),
});
export type FaultConfig = z.output<typeof faultConfigSchema>;

/**
 * Latency and fault injection for Graph paths. A `POST /_sandbox/faults` replaces the whole
 * configuration (omitted fields are off), so a test states exactly what is in effect.
 */
export class Faults {
  private config: FaultConfig = {};
  private pattern: RegExp | undefined;
  private remaining = 0;
  /** With `afterWrite`: whether that write has happened yet. */
  private armed = true;

  constructor(private readonly baseline: FaultConfig) {
    this.set(baseline);
  }

  set(config: FaultConfig): void {
    this.pattern = config.pathPattern ? new RegExp(config.pathPattern) : undefined;
    this.config = { ...config };
    this.remaining = config.count ?? 0;
    this.armed = !config.afterWrite;
  }

  /** Back to what the sandbox was started with (flags / options). */
  restoreBaseline(): void {
    this.set(this.baseline);
  }

  current(): FaultConfig & { remaining?: number } {
    return { ...this.config, ...(this.config.count !== undefined && { remaining: this.remaining }) };
  }

  wabaCallBudget(fallback: number): number {
    return this.config.wabaCallBudget ?? fallback;
  }

  delayMs(): number {
    const { latencyMs = 0, latencyJitterMs = 0 } = this.config;
    return latencyMs + Math.random() * latencyJitterMs;
  }

  /** Whether this call should fail, and how. Consumes one unit in count mode. */
  pick(path: string, method = 'GET'): FaultKind | undefined {
    if (this.pattern && !this.pattern.test(path)) return undefined;
    if (!this.armed) {
      // The write itself goes through; the calls after it are the ones that may fail.
      if (method !== 'GET') this.armed = true;
      return undefined;
    }
    const kind = this.config.faultKind ?? 'http500';
    if (this.config.count !== undefined) {
      if (this.remaining <= 0) return undefined;
      this.remaining -= 1;
      return kind;
    }
    const rate = this.config.faultRate ?? 0;
    return rate > 0 && Math.random() < rate ? kind : undefined;
  }
}
