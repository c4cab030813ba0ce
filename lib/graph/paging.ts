/**
 * Cursor paging over Graph edges. An edge answers `{"data":[…],"paging":{"cursors":{"after"},"next"?}}`;
 * there are more items exactly when `paging.next` is present (`cursors.after` is also sent on the last page).
 */
import 'server-only';
import type { z } from 'zod';
import type { GraphRequester } from './request';
import { edgeOf } from './schemas';

export interface Page<T> {
  data: T[];
  /** Cursor for the next page; null on the last page. */
  after: string | null;
  hasNext: boolean;
  /** From `summary=total_count`, when requested and reported. */
  totalCount: number | null;
  /** The raw `paging.next` URL, for nested edges that must be continued by URL. */
  next: string | null;
}

/** Guards against a server that keeps answering with `next`: no real fleet has this many pages. */
export const MAX_PAGES = 10_000;

type Edge<T> = {
  data: T[];
  paging?: { cursors?: { after?: string }; next?: string };
  summary?: { total_count: number };
};

export function toPage<T>(edge: Edge<T>): Page<T> {
  const next = edge.paging?.next ?? null;
  return {
    data: edge.data,
    after: next ? (edge.paging?.cursors?.after ?? null) : null,
    hasNext: next !== null,
    totalCount: edge.summary?.total_count ?? null,
    next,
  };
}

/**
 * Every item of an edge, given its first page and how to fetch the page after a given one (by cursor for
 * top-level edges, by the `next` URL for nested ones). Stops if a page repeats its predecessor's position.
 */
export async function collectAll<T>(
  first: Page<T>,
  fetchAfter: (page: Page<T>) => Promise<Page<T>>,
): Promise<T[]> {
  const items = [...first.data];
  const seen = new Set<string>();
  let page = first;
  for (let count = 1; page.hasNext && count < MAX_PAGES; count++) {
    const position = page.after ?? page.next ?? '';
    if (seen.has(position)) break;
    seen.add(position);
    page = await fetchAfter(page);
    items.push(...page.data);
  }
  return items;
}

/** Fetches the page a `paging.next` URL points at, validating items with `item`. */
export async function fetchNextPage<S extends z.ZodType>(
  http: GraphRequester,
  nextUrl: string,
  item: S,
): Promise<Page<z.output<S>>> {
  const edge = await http.request({ method: 'GET', nextUrl, schema: edgeOf(item) });
  return toPage(edge as Edge<z.output<S>>);
}

/** All items of a nested edge (e.g. a WABA's `phone_numbers` from field expansion), following its `next`. */
export async function collectNestedEdge<S extends z.ZodType>(
  http: GraphRequester,
  edge: Edge<z.output<S>> | undefined,
  item: S,
): Promise<Array<z.output<S>>> {
  if (!edge) return [];
  return collectAll(toPage(edge), (page) => fetchNextPage(http, page.next ?? '', item));
}

/** Continues a top-level edge: by cursor when the page has one, else by its `next` URL. */
export function continueEdge<S extends z.ZodType>(
  http: GraphRequester,
  item: S,
  byCursor: (after: string) => Promise<Page<z.output<S>>>,
): (page: Page<z.output<S>>) => Promise<Page<z.output<S>>> {
  return (page) => (page.after ? byCursor(page.after) : fetchNextPage(http, page.next ?? '', item));
}
