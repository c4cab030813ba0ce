'use client';

import { useQuery } from '@tanstack/react-query';
import { QueryProvider } from '@/components/common/query-provider';
import { CallbackUrl } from '@/components/routing/callback-url';
import { wabaDetailOptions } from '@/lib/query/wabas';
import type { Tier } from '@/lib/routing/types';
import { subscribeDestinations, subscribeSentence } from './subscription-consequences';

const VIA: Record<Tier, string> = {
  phone_number: 'at their phone number override',
  whatsapp_business_account: 'at the WABA override',
  application: 'at the app callback URL',
};

/**
 * What subscribing this app to a WABA sets off, for the confirmation: how many numbers start receiving
 * messages webhooks and at which URL, by tier. Reads the WABA (GET /api/wabas/<id>) when the dialog opens, through
 * the tab's query cache.
 */
export function SubscribePreview(props: { wabaId: string; wabaLabel: string }) {
  return (
    <QueryProvider>
      <Preview {...props} />
    </QueryProvider>
  );
}

function Preview({ wabaId, wabaLabel }: { wabaId: string; wabaLabel: string }) {
  const { data: waba, error, isPending } = useQuery(wabaDetailOptions(wabaId));
  if (isPending) return <p>Reading the numbers of WABA {wabaLabel}…</p>;
  if (error || !waba) {
    return (
      <p>
        Could not read the numbers of WABA {wabaLabel}: every one of them starts receiving messages webhooks
        here at once, at its phone number override or the app callback URL.
      </p>
    );
  }
  const destinations = subscribeDestinations(waba.numbers);
  return (
    <div className="space-y-2" data-testid="subscribe-preview">
      <p>{subscribeSentence(wabaLabel, destinations)}</p>
      {destinations.length > 0 && (
        <ul className="space-y-1 pl-1">
          {destinations.map((d) => (
            <li key={`${d.tier ?? 'none'} ${d.url ?? ''}`} data-testid="subscribe-destination">
              <span className="font-medium tabular-nums">
                {d.count} number{d.count === 1 ? '' : 's'}
              </span>{' '}
              {d.tier === null ? (
                'receive nothing: no phone number override and no app callback URL is set'
              ) : (
                <>
                  {VIA[d.tier]}
                  <CallbackUrl url={d.url} className="block" />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
