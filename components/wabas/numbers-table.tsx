import Link from 'next/link';
import { cn } from '#cn';
import { EmptyState } from '@/components/common/empty-state';
import { CallbackUrl } from '@/components/routing/callback-url';
import { TierBadge } from '@/components/routing/tier-badge';
import { WinsMarker } from '@/components/routing/wins-marker';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { TIER_ORDER, tierUrl } from '@/lib/routing/tiers';
import type { NumberRoute } from '@/lib/routing/types';

const TIER_HEADINGS = ['Phone number override', 'WABA override', 'App callback'] as const;

/** Each number of one WABA with its three tiers side by side and the winner marked in words. */
export function NumbersTable({ numbers, wabaLabel }: { numbers: NumberRoute[]; wabaLabel: string }) {
  if (numbers.length === 0) {
    return (
      <EmptyState title="This WABA has no phone numbers">
        Numbers appear here once they are added to {wabaLabel} in WhatsApp Manager.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableCaption>Phone numbers of {wabaLabel} and where their messages webhooks go</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Number</TableHead>
          <TableHead>Verified name</TableHead>
          <TableHead>Quality</TableHead>
          {TIER_HEADINGS.map((heading) => (
            <TableHead key={heading}>{heading}</TableHead>
          ))}
          <TableHead>Delivers to</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {numbers.map((number) => (
          <TableRow
            key={number.phoneNumberId}
            data-phone-number-id={number.phoneNumberId}
            data-winner={number.resolution.winner ?? 'none'}
          >
            <TableCell className="whitespace-nowrap">
              <Link
                href={`/numbers/${number.phoneNumberId}`}
                className="font-medium text-blue-800 underline-offset-4 hover:underline"
              >
                {number.displayPhoneNumber ?? number.phoneNumberId}
              </Link>
              <div className="font-mono text-xs text-slate-700">{number.phoneNumberId}</div>
            </TableCell>
            <TableCell>{number.verifiedName ?? '—'}</TableCell>
            <TableCell>{number.qualityRating ?? '—'}</TableCell>
            {TIER_ORDER.map((tier) => {
              const wins = number.resolution.winner === tier;
              return (
                <TableCell key={tier} data-tier={tier} className={cn('min-w-40', wins && 'bg-emerald-50')}>
                  {wins && (
                    <div className="mb-1">
                      <WinsMarker />
                    </div>
                  )}
                  <CallbackUrl url={tierUrl(number.tiers, tier)} truncate />
                </TableCell>
              );
            })}
            <TableCell>
              <TierBadge tier={number.resolution.winner} />
              {!number.subscribed && <p className="mt-1 text-xs text-slate-800">App not subscribed</p>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
