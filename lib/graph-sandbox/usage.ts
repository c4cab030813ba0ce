const HOUR_MS = 60 * 60 * 1000;
/** The app-level budget is nominal (never enforced) and scaled from the WABA budget so percentages move. */
const APP_BUDGET_FACTOR = 20;

interface Window {
  start: number;
  count: number;
}

export interface WabaUsage {
  percent: number;
  /** Minutes until the hour window ends; 0 while under budget. */
  regainMinutes: number;
}

export type UsageCheck = { allowed: true } | { allowed: false; regainMinutes: number };

/**
 * Per-app and per-(app, WABA) call counters over fixed one-hour windows, and the usage headers
 * derived from them. Only the (app, WABA) budget is enforced (error 80008), as on Meta's BUC limits.
 * `total_cputime` and `total_time` are not measured: they are reported as fixed fractions of call_count.
 */
export class UsageTracker {
  private apps = new Map<string, Window>();
  private wabas = new Map<string, Window>();

  constructor(private readonly wabaBudget: () => number) {}

  reset(): void {
    this.apps.clear();
    this.wabas.clear();
  }

  countApp(appId: string, now = Date.now()): void {
    window(this.apps, appId, now).count += 1;
  }

  /** Counts a call on a WABA (or one of its numbers) unless the budget is spent. */
  countWaba(appId: string, wabaId: string, now = Date.now()): UsageCheck {
    const w = window(this.wabas, `${appId}:${wabaId}`, now);
    if (w.count >= this.wabaBudget()) return { allowed: false, regainMinutes: regainMinutes(w, now) };
    w.count += 1;
    return { allowed: true };
  }

  appHeader(appId: string, now = Date.now()): string {
    const w = window(this.apps, appId, now);
    return JSON.stringify(shape(percent(w.count, this.wabaBudget() * APP_BUDGET_FACTOR)));
  }

  wabaUsage(appId: string, wabaId: string, now = Date.now()): WabaUsage {
    const w = window(this.wabas, `${appId}:${wabaId}`, now);
    const pct = percent(w.count, this.wabaBudget());
    return { percent: pct, regainMinutes: pct >= 100 ? regainMinutes(w, now) : 0 };
  }

  wabaHeader(appId: string, wabaId: string, now = Date.now()): string {
    return businessUseCaseHeader(wabaId, this.wabaUsage(appId, wabaId, now));
  }
}

export function businessUseCaseHeader(objectId: string, usage: WabaUsage): string {
  return JSON.stringify({
    [objectId]: [
      {
        type: 'whatsapp_business_management',
        ...shape(usage.percent),
        estimated_time_to_regain_access: usage.regainMinutes,
      },
    ],
  });
}

function shape(pct: number) {
  return { call_count: pct, total_cputime: Math.floor(pct / 4), total_time: Math.floor(pct / 2) };
}

function percent(count: number, budget: number): number {
  return Math.min(100, Math.floor((count * 100) / Math.max(1, budget)));
}

function window(map: Map<string, Window>, key: string, now: number): Window {
  let w = map.get(key);
  if (!w || now - w.start >= HOUR_MS) {
    w = { start: now, count: 0 };
    map.set(key, w);
  }
  return w;
}

function regainMinutes(w: Window, now: number): number {
  return Math.max(1, Math.ceil((w.start + HOUR_MS - now) / 60_000));
}
