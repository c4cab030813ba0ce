/**
 * The audit's filters and sort, read from the URL (`/audit?winner=none&q=example.com`) and shared by the page,
 * the row and group endpoints, the CSV export and bulk selections, so all of them see the same numbers.
 * No `server-only`: the filter bar builds its URLs with it.
 */
import { parseAsStringLiteral } from 'nuqs/server';
import { z } from 'zod';
import { CHECK_IDS } from '@/lib/doctor/types';
import { CHECK_LABELS, VERDICT_LABELS } from '@/lib/doctor/verdict';
import { TIERS } from '@/lib/graph/schemas';
import { textProblem } from '@/lib/text/text-problem';
import { parseAsZod, searchParamsLoader, withoutNulls } from '@/lib/url-state/parse-as-zod';

export const WINNER_FILTERS = [...TIERS, 'none'] as const;
export type WinnerFilter = (typeof WINNER_FILTERS)[number];
export const VERDICT_FILTERS = ['delivers', 'at_risk', 'does_not_deliver'] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];
export const SORT_KEYS = ['number', 'waba', 'winner', 'url'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Bad or empty values are dropped rather than rejected: a hand-edited URL still shows the audit. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional()).catch(undefined);

/** The free-text fields: their limits and the words their problems use ("… from the WABA filter."). */
const TEXT_FIELDS = {
  q: { what: 'URL filter', trim: true, max: 200 },
  url: { what: 'URL filter', trim: false, max: 2048 },
  waba: { what: 'WABA filter', trim: true, max: 200 },
} as const;
type TextField = keyof typeof TEXT_FIELDS;

/**
 * A control character or half a surrogate pair (after trimming, where the field trims) is an issue: no URL,
 * WABA id or name holds one, and PostgreSQL refuses U+0000 in text (the query failed: a 500).
 */
const refuseBrokenText = (field: TextField) => (value: unknown, ctx: z.RefinementCtx) => {
  const { what, trim } = TEXT_FIELDS[field];
  const problem = typeof value === 'string' ? textProblem(trim ? value.trim() : value, what) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

const textSchema = (field: TextField) => {
  const { trim, max } = TEXT_FIELDS[field];
  return (trim ? z.string().trim() : z.string()).min(1).max(max);
};

/**
 * The free-text fields. Read from a URL (`strict: false`), a value with a control or broken character is
 * dropped like any other bad value. Sent as a bulk selection (`strict: true`), it is refused with a message
 * instead: dropping it would widen the selection a write applies to.
 */
const textField = (field: TextField, strict: boolean) =>
  strict
    ? z
        .unknown()
        .optional()
        .superRefine(refuseBrokenText(field))
        .pipe(optional(textSchema(field)))
    : optional(textSchema(field).superRefine(refuseBrokenText(field)));

/** Meta app ids are numeric (lib/apps validates configured ones the same way). */
const APP_ID = /^\d{1,32}$/;
const APP_ID_PROBLEM = 'The app filter must be a numeric app id.';

const filterShape = (strict: boolean) => ({
  /** Winning tier, or `none`: no delivery (not subscribed, or no URL on any tier). */
  winner: optional(z.enum(WINNER_FILTERS)),
  /** Effective URL contains (case-insensitive). */
  q: textField('q', strict),
  /** Effective URL equals (the group-by-URL view links here). */
  url: textField('url', strict),
  /** WABA id, or part of its name. */
  waba: textField('waba', strict),
  /** `1`: only numbers whose route changed outside Switchboard since the previous scan. */
  drift: optional(z.enum(['1'])),
  /** The routing doctor's verdict when the scan ran (`does_not_deliver`: cannot receive messages). */
  verdict: optional(z.enum(VERDICT_FILTERS)),
  /** The check that failed (or warned) first: the overview's "cannot receive" groups link here. */
  problem: optional(z.enum(CHECK_IDS)),
  sort: optional(z.enum(SORT_KEYS)),
  dir: optional(z.enum(['asc', 'desc'])),
  /**
   * One app's routes only (its numeric id); without it, every app's. Last, so links built before apps were
   * a filter keep their query strings.
   */
  app: strict
    ? z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(APP_ID, APP_ID_PROBLEM).optional())
    : optional(z.string().regex(APP_ID)),
});

/** The filter as read from a URL: never refuses, drops what it cannot use. */
export const auditFilterSchema = z.object(filterShape(false));
/** The filter of a bulk selection: the same, except that broken text is refused (see `textField`). */
export const auditSelectionFilterSchema = z.object(filterShape(true));
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_FILTER_KEYS = Object.keys(auditFilterSchema.shape) as (keyof AuditFilter)[];

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

const field = <K extends keyof AuditFilter>(key: K) =>
  parseAsZod(auditFilterSchema.shape[key] as z.ZodType<NonNullable<AuditFilter[K]> | undefined, unknown>);

/**
 * The audit's URL state as nuqs parsers: the filter (each value by its zod rule above) and the view. The
 * console reads them with `useQueryStates` (components/audit/use-audit-url.ts); the routes with the loader.
 */
export const auditSearchParams = {
  winner: field('winner'),
  q: field('q'),
  url: field('url'),
  waba: field('waba'),
  app: field('app'),
  drift: field('drift'),
  verdict: field('verdict'),
  problem: field('problem'),
  sort: field('sort'),
  dir: field('dir'),
  view: parseAsStringLiteral(['table', 'urls'] as const).withDefault('table'),
};
export type AuditView = 'table' | 'urls';

const loadAuditSearchParams = searchParamsLoader(auditSearchParams);

/** The filter as nuqs holds it: every key, `null` where absent. */
export type AuditUrlFilter = { [K in keyof AuditFilter]-?: NonNullable<AuditFilter[K]> | null };

/** The filter part of nuqs' values (absent keys left out, as the schema's objects do). */
export function auditFilterOf(values: AuditUrlFilter): AuditFilter {
  const filter = withoutNulls(values) as AuditFilter;
  return Object.fromEntries(
    AUDIT_FILTER_KEYS.flatMap((k) => (filter[k] ? [[k, filter[k]]] : [])),
  ) as AuditFilter;
}

export function parseAuditFilter(params: SearchParamsLike): AuditFilter {
  return auditFilterOf(loadAuditSearchParams(params));
}

/** The filter as a query string (keys in a fixed order, empty ones left out). */
export function auditFilterQuery(
  filter: AuditFilter,
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params.toString();
}

/** Only the keys that choose numbers (not sort): what a bulk selection records. */
export function selectionOf(filter: AuditFilter): AuditFilter {
  const { sort: _sort, dir: _dir, ...selection } = filter;
  return selection;
}

const WINNER_WORDS: Record<WinnerFilter, string> = {
  phone_number: 'winning tier: phone number override',
  whatsapp_business_account: 'winning tier: WABA override',
  application: 'winning tier: app callback',
  none: 'no delivery',
};

/** The filter in words, for confirmations and the job page ("every number with effective URL = …"). */
export function describeSelection(filter: AuditFilter): string {
  const parts: string[] = [];
  if (filter.winner) parts.push(WINNER_WORDS[filter.winner]);
  if (filter.url) parts.push(`effective URL = ${filter.url}`);
  if (filter.q) parts.push(`effective URL contains “${filter.q}”`);
  if (filter.waba) parts.push(`WABA matches “${filter.waba}”`);
  if (filter.app) parts.push(`app ${filter.app}`);
  if (filter.drift) parts.push('changed outside Switchboard');
  if (filter.verdict) parts.push(`delivery: ${VERDICT_LABELS[filter.verdict].toLowerCase()}`);
  if (filter.problem) parts.push(`first problem: ${CHECK_LABELS[filter.problem]}`);
  return parts.length ? parts.join('; ') : 'every number in the snapshot';
}
