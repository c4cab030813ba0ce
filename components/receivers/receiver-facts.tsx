import type { ReactNode } from 'react';
import { Timestamp } from '@/components/common/timestamp';
import { CallbackUrl } from '@/components/routing/callback-url';
import type { ReceiverSummary } from '@/lib/receivers/types';

/** What an operator needs to point an override at this receiver, and its rotation state. */
export function ReceiverFacts({
  receiver,
  retentionDays,
}: {
  receiver: ReceiverSummary;
  retentionDays?: number;
}) {
  const rows: Array<[string, ReactNode]> = [
    ['Callback URL', <CallbackUrl key="url" url={receiver.url} />],
    [
      'Verify token',
      <span key="token" className="font-mono text-xs">
        {receiver.verifyTokenMasked}
      </span>,
    ],
    [
      'Created',
      <span key="created">
        <Timestamp iso={receiver.createdAt} /> by {receiver.createdBy}
      </span>,
    ],
    [
      'App secret',
      receiver.previousSecretValidUntil ? (
        <span key="secret" className="text-amber-900">
          Rotated; the previous secret still verifies until{' '}
          <Timestamp iso={receiver.previousSecretValidUntil} />
        </span>
      ) : receiver.secretRotatedAt ? (
        <span key="secret">
          Last rotated <Timestamp iso={receiver.secretRotatedAt} />
        </span>
      ) : (
        <span key="secret">Set at creation</span>
      ),
    ],
    [
      'mTLS',
      <span key="mtls">
        {receiver.requireMtls
          ? 'Required: deliveries without a valid client certificate are refused'
          : 'Not required'}
      </span>,
    ],
    [
      'Deliveries',
      <span key="counts" data-testid="delivery-counts">
        {receiver.counts.stored} stored · {receiver.counts.duplicate} duplicates · {receiver.counts.rejected}{' '}
        rejected
        {receiver.counts.rejected > receiver.rejectedKept && ` (the latest ${receiver.rejectedKept} kept)`}
        {retentionDays !== undefined && (
          <span className="block text-slate-700">Deliveries are kept {retentionDays} days.</span>
        )}
      </span>,
    ],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
