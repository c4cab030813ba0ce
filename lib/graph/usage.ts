/**
 * Graph's rate-limit usage headers (docs/graph-facts.md §6). Values are percentages of the budget; an absent header does
 * not mean zero. Parsing never throws: a malformed header is ignored, because usage is advisory and must not
 * turn a successful call into a failure.
 */
import {
  type AppUsage,
  appUsageSchema,
  type BusinessUseCaseUsage,
  businessUseCaseUsageSchema,
} from './schemas';

export interface UsageSnapshot {
  /** `X-App-Usage`, or null when absent or malformed. */
  app: AppUsage | null;
  /** `X-Business-Use-Case-Usage` keyed by business object id (e.g. the WABA id), or null. */
  businessUseCase: BusinessUseCaseUsage | null;
  /** Highest `estimated_time_to_regain_access` across the entries, in minutes; null when none is given. */
  regainAccessMinutes: number | null;
  /** Highest percentage in any usage figure, for a simple "how close are we" gauge. */
  maxPercent: number | null;
  receivedAt: number;
}

/** Minimal header lookup so both `Headers` and plain records work. */
export type HeaderSource = Headers | Record<string, string | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (source instanceof Headers) return source.get(name);
  const key = Object.keys(source).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (source[key] ?? null);
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function parseAppUsage(value: string | null): AppUsage | null {
  const parsed = appUsageSchema.safeParse(parseJson(value));
  return parsed.success ? parsed.data : null;
}

export function parseBusinessUseCaseUsage(value: string | null): BusinessUseCaseUsage | null {
  const parsed = businessUseCaseUsageSchema.safeParse(parseJson(value));
  return parsed.success ? parsed.data : null;
}

/** Reads both headers; null when neither is present and valid. */
export function parseUsageHeaders(headers: HeaderSource, now = Date.now()): UsageSnapshot | null {
  const app = parseAppUsage(header(headers, 'x-app-usage'));
  const businessUseCase = parseBusinessUseCaseUsage(header(headers, 'x-business-use-case-usage'));
  if (!app && !businessUseCase) return null;

  const entries = businessUseCase ? Object.values(businessUseCase).flat() : [];
  const regains = entries
    .map((e) => e.estimated_time_to_regain_access)
    .filter((m): m is number => typeof m === 'number' && Number.isFinite(m) && m >= 0);
  const percents = [
    ...(app ? [app.call_count, app.total_cputime, app.total_time] : []),
    ...entries.flatMap((e) => [e.call_count, e.total_cputime, e.total_time]),
  ].filter((n) => Number.isFinite(n));

  return {
    app,
    businessUseCase,
    regainAccessMinutes: regains.length ? Math.max(...regains) : null,
    maxPercent: percents.length ? Math.max(...percents) : null,
    receivedAt: now,
  };
}
