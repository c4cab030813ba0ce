import type { Paging } from '@/lib/graph/schemas';
import { invalidParameter } from './errors';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

export interface PageRequest {
  limit?: string;
  after?: string;
  before?: string;
  summary?: string;
  /** The `shortPages` quirk (see quirks.ts). */
  short?: boolean;
}

/** Builds the URL of a neighbouring page from the cursor it should carry. */
export type PageLink = (cursor: { after: string } | { before: string }) => string;

export interface Page<T> {
  items: T[];
  paging?: Paging;
  summary?: { total_count: number };
}

// Cursors are opaque to clients (as on Graph) but simply encode the item's position here.
const encodeCursor = (index: number) => Buffer.from(`sbx:${index}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^sbx:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw invalidParameter(`Invalid cursor: ${cursor.slice(0, 40)}`);
  return Number(match[1]);
}

export function pageSize(limit: string | undefined): number {
  const n = Number.parseInt(limit ?? '', 10);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT;
  return Math.min(n, MAX_LIMIT);
}

/**
 * Cursor paging as Graph does it: `cursors.before/after` point at the first/last item of the page,
 * `next`/`previous` are present only when there is more in that direction, and an empty page has no paging.
 */
export function paginate<T>(all: T[], request: PageRequest, link: PageLink): Page<T> {
  const asked = pageSize(request.limit);
  // `limit` is a maximum on Graph: under the quirk a page holds about half of it.
  const limit = request.short ? Math.max(1, Math.floor(asked / 2)) : asked;
  let start = 0;
  if (request.after) start = decodeCursor(request.after) + 1;
  else if (request.before) start = Math.max(0, decodeCursor(request.before) - limit);
  const end =
    request.before && !request.after ? Math.min(decodeCursor(request.before), start + limit) : start + limit;
  const items = all.slice(start, Math.min(end, all.length));
  const page: Page<T> = { items };
  if (items.length > 0) {
    const before = encodeCursor(start);
    const after = encodeCursor(start + items.length - 1);
    page.paging = { cursors: { before, after } };
    if (start > 0) page.paging.previous = link({ before });
    // Under the quirk the page with the last items still links on, to an empty page without `next`.
    if (start + items.length < all.length || request.short) page.paging.next = link({ after });
  }
  if (request.summary === 'total_count' || request.summary === 'true')
    page.summary = { total_count: all.length };
  return page;
}
