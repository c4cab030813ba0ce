import Link from 'next/link';
import { OtherAppsCell } from '@/components/apps/apps-on-waba';
import { CallbackUrl } from '@/components/routing/callback-url';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import type { AppSummary } from '@/lib/apps/types';
import type { WabaSummary } from '@/lib/routing/types';
import { OwnershipBadge } from './ownership-badge';
import { SubscribedBadge } from './subscribed-badge';

/** One page of WABAs: who owns each, how many numbers, and whether (and where) this app receives them. */
export function WabaTable({
  items,
  caption,
  apps = [],
}: {
  items: WabaSummary[];
  caption: string;
  apps?: AppSummary[];
}) {
  // With several configured apps, one more column: the others' subscriptions and WABA overrides.
  const multiApp = apps.length > 1;
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>WABA id</TableHead>
          <TableHead>Owner business</TableHead>
          <TableHead className="text-right">Numbers</TableHead>
          <TableHead>This app</TableHead>
          <TableHead>WABA override</TableHead>
          {multiApp && <TableHead>Other configured apps</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((waba) => (
          <TableRow key={waba.wabaId} data-waba-id={waba.wabaId}>
            <TableCell className="font-medium">
              <Link
                href={`/wabas/${waba.wabaId}`}
                className="text-blue-800 underline-offset-4 hover:underline"
              >
                {waba.name ?? `WABA ${waba.wabaId}`}
              </Link>
            </TableCell>
            <TableCell className="font-mono text-xs">{waba.wabaId}</TableCell>
            <TableCell>
              <OwnershipBadge ownership={waba.ownership} ownerName={waba.ownerBusinessName} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{waba.numberCount}</TableCell>
            <TableCell>
              <SubscribedBadge subscribed={waba.subscribed} />
            </TableCell>
            <TableCell>
              <CallbackUrl url={waba.wabaOverride} empty="None" />
            </TableCell>
            {multiApp && (
              <TableCell>
                <OtherAppsCell waba={waba} apps={apps} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
