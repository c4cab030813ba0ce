/** The WABA list: every owned and client WABA of the configured businesses, searched and paged locally. */
import 'server-only';
import type { RoutingContext } from './context';
import { readFleet } from './fleet';
import type { WabaListResult, WabaSummary } from './types';
import { toWabaSummary } from './views';

export const DEFAULT_WABA_PAGE_SIZE = 25;
export const MAX_WABA_PAGE_SIZE = 100;

export interface ListWabasInput {
  /** Matches a WABA id or any part of its name, case-insensitively. */
  q?: string;
  /** 1-based; clamped to the last page. */
  page?: number;
  pageSize?: number;
  /** Skip the short-lived cache (a Refresh button). */
  refresh?: boolean;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Math.trunc(value), min), max);
}

function byName(a: WabaSummary, b: WabaSummary): number {
  return (a.name ?? '').localeCompare(b.name ?? '') || a.wabaId.localeCompare(b.wabaId);
}

export async function listWabas(ctx: RoutingContext, input: ListWabasInput = {}): Promise<WabaListResult> {
  const scan = await readFleet(ctx, { refresh: input.refresh });
  const all = scan.wabas
    .map((waba) => toWabaSummary(waba, ctx.appId, waba.subscribedApps, waba.numbers.length))
    .sort(byName);
  const q = input.q?.trim().toLowerCase() ?? '';
  const matches = q
    ? all.filter((waba) => waba.wabaId.includes(q) || (waba.name ?? '').toLowerCase().includes(q))
    : all;
  const pageSize = clamp(
    Number.isFinite(input.pageSize) ? (input.pageSize as number) : DEFAULT_WABA_PAGE_SIZE,
    1,
    MAX_WABA_PAGE_SIZE,
  );
  const lastPage = Math.max(1, Math.ceil(matches.length / pageSize));
  const page = clamp(Number.isFinite(input.page) ? (input.page as number) : 1, 1, lastPage);
  return {
    items: matches.slice((page - 1) * pageSize, page * pageSize),
    total: matches.length,
    page,
    pageSize,
    errors: scan.errors,
    readAt: scan.readAt,
  };
}
