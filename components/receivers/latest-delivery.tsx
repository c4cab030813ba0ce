'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import { getJson } from '@/lib/query/get-json';
import { receiverKeys } from '@/lib/query/keys';
import type { LatestNumberDelivery } from '@/lib/receivers/types';
import { RoutedTier } from './routed-tier';

/** The last delivery any managed receiver stored for the number — live proof that events land (polled). */
export function LatestDelivery({ phoneNumberId }: { phoneNumberId: string }) {
  const query = useQuery({
    queryKey: receiverKeys.latestForNumber(phoneNumberId),
    queryFn: () => getJson<{ latest: LatestNumberDelivery | null }>(`/receivers/numbers/${phoneNumberId}`),
    refetchInterval: 3_000,
    staleTime: 0,
  });
  const latest = query.data?.latest;
  return (
    <div aria-live="polite" className="text-sm" data-testid="latest-delivery">
      {query.isPending && <p className="text-slate-700">Looking for deliveries…</p>}
      {query.isError && <p className="text-red-800">Could not read deliveries: {query.error.message}</p>}
      {query.data && !latest && (
        <p className="text-slate-700">No managed receiver has stored a delivery for this number yet.</p>
      )}
      {latest && (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span>
            Last delivery seen: <Timestamp iso={latest.receivedAt} />,{' '}
            <span className="font-mono text-xs">{latest.field}</span> at{' '}
            <Link
              href={`/receivers/${latest.receiverId}`}
              className="text-blue-800 underline underline-offset-2"
            >
              {latest.receiverName}
            </Link>
            , routed by
          </span>
          <RoutedTier tier={latest.routedTier} />
        </p>
      )}
    </div>
  );
}
