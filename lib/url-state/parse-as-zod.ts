/**
 * A nuqs parser whose rule is a zod schema: the URL state of the list pages (audit, activity, the delivery
 * inspector) is read by nuqs — `useQueryStates` in the browser, `createLoader` in pages and route handlers —
 * while the rule for each value stays the one zod schema the server's queries and bulk selections use.
 * The schema must not throw (bad values `.catch(undefined)`): a value it cannot use is dropped, so a
 * hand-edited URL still shows the page.
 */
import { createLoader, createParser, type inferParserType, type ParserMap } from 'nuqs/server';
import type { z } from 'zod';

export function parseAsZod<T extends string>(schema: z.ZodType<T | undefined, unknown>) {
  return createParser<T>({
    parse: (value) => schema.parse(value) ?? null,
    serialize: (value) => value,
  });
}

/** nuqs gives `null` for an absent value; the schemas' objects leave the key out (`undefined`). */
export function withoutNulls<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * nuqs' loader for a route's URLSearchParams or a page's `searchParams` record. The record goes to each
 * parser as it is (nuqs' server-side parse), not through URLSearchParams, which would replace half a
 * surrogate pair with U+FFFD before the zod rule could refuse it.
 */
export function searchParamsLoader<P extends ParserMap>(parsers: P) {
  const load = createLoader(parsers);
  return (params: SearchParamsLike): inferParserType<P> => {
    if (params instanceof URLSearchParams) return load(params);
    return Object.fromEntries(
      Object.entries(parsers).map(([key, parser]) => [key, parser.parseServerSide(params[key])]),
    ) as inferParserType<P>;
  };
}
