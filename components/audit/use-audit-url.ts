'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type AuditFilter, auditFilterQuery, parseAuditFilter } from '@/lib/audit/filter';

export type AuditView = 'table' | 'urls';

interface AuditUrlState {
  filter: AuditFilter;
  view: AuditView;
}

function fromParams(params: URLSearchParams): AuditUrlState {
  return { filter: parseAuditFilter(params), view: params.get('view') === 'urls' ? 'urls' : 'table' };
}

/**
 * The filter, sort and view live in the URL: shareable, and the back button undoes a filter. They are also held
 * in state, so two quick changes (a filter, then a tab) build on each other before the URL has caught up.
 */
export function useAuditUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.toString();
  const fromUrl = useMemo(() => fromParams(new URLSearchParams(query)), [query]);
  const [state, setState] = useState(fromUrl);
  useEffect(() => setState(fromUrl), [fromUrl]);

  const navigate = useCallback(
    (next: AuditUrlState) => {
      setState(next);
      const search = auditFilterQuery(next.filter, { view: next.view === 'urls' ? 'urls' : undefined });
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return {
    filter: state.filter,
    view: state.view,
    setFilter: (filter: AuditFilter) => navigate({ ...state, filter }),
    setView: (view: AuditView) => navigate({ ...state, view }),
    showUrl: (url: string | null) =>
      navigate({
        view: 'table',
        filter: url === null ? { ...state.filter, url: undefined, winner: 'none' } : { ...state.filter, url },
      }),
  };
}
