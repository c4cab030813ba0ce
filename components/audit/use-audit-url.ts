'use client';

import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import {
  AUDIT_FILTER_KEYS,
  type AuditFilter,
  type AuditUrlFilter,
  type AuditView,
  auditFilterOf,
  auditSearchParams,
} from '@/lib/audit/filter';

export type { AuditView };

/** Every filter key, null where `filter` has none: setting the filter replaces all of it. */
function urlValues(filter: AuditFilter): AuditUrlFilter {
  return Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, filter[k] ?? null])) as AuditUrlFilter;
}

/**
 * The filter, sort and view live in the URL (nuqs): shareable, and the back button undoes a filter. nuqs holds
 * them in state too, so two quick changes (a filter, then a tab) build on each other before the URL has
 * caught up. Shallow: the page's server component does not read them; the queries refetch by key.
 */
export function useAuditUrl() {
  const [values, setValues] = useQueryStates(auditSearchParams, { history: 'replace', scroll: false });
  const { view, winner, q, url, waba, app, drift, verdict, problem, sort, dir } = values;
  // A new object only when a value changes: the filter keys the row and group queries.
  const filter = useMemo(
    () => auditFilterOf({ winner, q, url, waba, app, drift, verdict, problem, sort, dir }),
    [winner, q, url, waba, app, drift, verdict, problem, sort, dir],
  );
  return {
    filter,
    view,
    setFilter: (next: AuditFilter) => void setValues(urlValues(next)),
    setView: (next: AuditView) => void setValues({ view: next }),
    showUrl: (url: string | null) =>
      void setValues(({ view: _view, ...old }) => {
        const current = auditFilterOf(old);
        return {
          view: 'table',
          ...urlValues(url === null ? { ...current, url: undefined, winner: 'none' } : { ...current, url }),
        };
      }),
  };
}
