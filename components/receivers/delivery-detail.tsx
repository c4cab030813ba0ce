'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { getJson } from '@/lib/query/get-json';
import { receiverKeys } from '@/lib/query/keys';
import type { DeliveryDetail as Detail } from '@/lib/receivers/types';

/** Indented JSON when the body parses, the raw text otherwise (it is what arrived, byte for byte). */
export function prettyBody(detail: Pick<Detail, 'body' | 'bodyEncoding'>): string | null {
  if (detail.body === null) return null;
  if (detail.bodyEncoding === 'base64') return detail.body;
  try {
    return JSON.stringify(JSON.parse(detail.body), null, 2);
  } catch {
    return detail.body;
  }
}

export function DeliveryDetail({ receiverId, deliveryId }: { receiverId: string; deliveryId: string }) {
  const query = useQuery({
    queryKey: receiverKeys.delivery(receiverId, deliveryId),
    queryFn: () => getJson<Detail>(`/receivers/${receiverId}/deliveries/${deliveryId}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (query.isPending) return <Skeleton className="h-32 w-full" />;
  if (query.isError) {
    return (
      <Alert variant="destructive">
        <p>Could not load this delivery: {query.error.message}</p>
      </Alert>
    );
  }
  const detail = query.data;
  const body = prettyBody(detail);
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
      <section aria-label="Headers" className="min-w-0 space-y-1">
        <h3 className="text-sm font-semibold">Headers</h3>
        <dl className="space-y-1 text-xs">
          {Object.entries(detail.headers).map(([name, value]) => (
            <div key={name}>
              <dt className="font-mono font-semibold">{name}</dt>
              <dd className="font-mono break-all text-slate-800">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-label="Body" className="min-w-0 space-y-1">
        <h3 className="text-sm font-semibold">
          Body {detail.bodyEncoding === 'base64' && <span className="font-normal">(not UTF-8; base64)</span>}
        </h3>
        {body === null ? (
          <p className="text-sm text-slate-700">
            {detail.outcome === 'duplicate'
              ? 'A duplicate: its events were stored with an earlier delivery, so the body is not kept again.'
              : 'Rejected deliveries keep headers only.'}
          </p>
        ) : (
          <pre
            className="max-h-[32rem] overflow-auto rounded-md bg-slate-950 p-3 text-xs text-slate-50"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
            tabIndex={0}
          >
            {body}
          </pre>
        )}
      </section>
    </div>
  );
}
