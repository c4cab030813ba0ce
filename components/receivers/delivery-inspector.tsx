'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { parseAsString, useQueryStates } from 'nuqs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EmptyState } from '@/components/common/empty-state';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getJson } from '@/lib/query/get-json';
import { receiverKeys } from '@/lib/query/keys';
import type { DeliveryPage } from '@/lib/receivers/types';
import { DeliveryFilters, EMPTY_FILTERS, type FilterValues } from './delivery-filters';
import { DeliveryTable } from './delivery-table';

const POLL_MS = 2_000;
const PAGE = 50;
const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof FilterValues)[];

/**
 * The filters in the URL (nuqs), as the form's strings: '' is "any" and leaves the URL. The route handler
 * validates them (deliveryFiltersSchema), so they are passed on as they are.
 */
const anyValue = parseAsString.withDefault('');
const deliverySearchParams = {
  phoneNumberId: anyValue,
  field: anyValue,
  signature: anyValue,
  outcome: anyValue,
  since: anyValue,
  until: anyValue,
} satisfies Record<keyof FilterValues, typeof anyValue>;

/**
 * The live inspector: polls the receiver's deliveries every 2 s (TanStack Query), so new ones appear without
 * a reload; filters live in the URL so a view can be shared. New arrivals are highlighted and announced.
 */
export function DeliveryInspector({ receiverId }: { receiverId: string }) {
  const [urlFilters, setUrlFilters] = useQueryStates(deliverySearchParams, {
    history: 'replace',
    scroll: false,
  });
  const filters = urlFilters as FilterValues;
  const [limit, setLimit] = useState(PAGE);
  const [live, setLive] = useState(true);
  const [openId, setOpenId] = useState<string | null>(null);
  const router = useRouter();

  const query = useMemo(() => {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
    params.set('limit', String(limit));
    return params.toString();
  }, [filters, limit]);

  const deliveries = useQuery({
    queryKey: receiverKeys.deliveries(receiverId, query),
    queryFn: () => getJson<DeliveryPage>(`/receivers/${receiverId}/deliveries?${query}`),
    refetchInterval: live ? POLL_MS : false,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  // Highlight and announce what arrived since the previous refresh (not on the first load or a filter change).
  const seen = useRef<{ query: string; ids: Set<string> } | null>(null);
  const [fresh, setFresh] = useState<{ ids: Set<string>; count: number }>({ ids: new Set(), count: 0 });
  useEffect(() => {
    const items = deliveries.data?.items;
    if (!items || deliveries.isPlaceholderData) return;
    const previous = seen.current;
    const ids = new Set(items.map((i) => i.id));
    if (previous && previous.query === query) {
      const added = items.filter((i) => !previous.ids.has(i.id)).map((i) => i.id);
      if (added.length > 0) {
        setFresh({ ids: new Set(added), count: added.length });
        // The receiver's counts ("N stored") are server-rendered beside the inspector: refresh them with the rows.
        router.refresh();
      }
    }
    seen.current = { query, ids };
  }, [deliveries.data, deliveries.isPlaceholderData, query, router]);

  function applyFilters(next: FilterValues) {
    setLimit(PAGE);
    void setUrlFilters(next);
  }

  const page = deliveries.data;
  return (
    <div className="space-y-4">
      <DeliveryFilters value={filters} onChange={applyFilters} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-700">
          {live ? `Live: refreshes every ${POLL_MS / 1000} s.` : 'Paused.'}{' '}
          <span aria-live="polite" role="status">
            {fresh.count > 0 && `${fresh.count} new ${fresh.count === 1 ? 'delivery' : 'deliveries'}.`}
          </span>
        </p>
        <Button size="sm" variant="outline" onClick={() => setLive((v) => !v)} aria-pressed={!live}>
          {live ? 'Pause live updates' : 'Resume live updates'}
        </Button>
      </div>
      {deliveries.isError && (
        <Alert variant="destructive">
          <p>Could not load deliveries: {deliveries.error.message}</p>
        </Alert>
      )}
      {page && page.items.length === 0 && (
        <EmptyState title="No deliveries match">
          Point an override at this receiver's URL, or send a test event from a number's page in sandbox mode.
        </EmptyState>
      )}
      {page && page.items.length > 0 && (
        <DeliveryTable
          receiverId={receiverId}
          items={page.items}
          openId={openId}
          onToggle={(id) => setOpenId((current) => (current === id ? null : id))}
          freshIds={fresh.ids}
        />
      )}
      {page?.nextBefore && limit < 200 && (
        <Button variant="outline" onClick={() => setLimit((n) => Math.min(200, n + PAGE))}>
          Show older deliveries
        </Button>
      )}
    </div>
  );
}
