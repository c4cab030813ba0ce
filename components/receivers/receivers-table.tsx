import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';
import { Timestamp } from '@/components/common/timestamp';
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
import type { ReceiverSummary } from '@/lib/receivers/types';

export function ReceiversTable({ receivers }: { receivers: ReceiverSummary[] }) {
  if (receivers.length === 0) {
    return (
      <EmptyState title="No receivers yet">
        An admin can add one above, then use its URL as a phone number, WABA or app callback.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableCaption>Managed webhook receivers</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Receiver</TableHead>
          <TableHead>Callback URL</TableHead>
          <TableHead>Verify token</TableHead>
          <TableHead className="text-right">Stored</TableHead>
          <TableHead className="text-right">Duplicates</TableHead>
          <TableHead className="text-right">Rejected</TableHead>
          <TableHead>Last delivery</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {receivers.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <Link
                href={`/receivers/${r.id}`}
                className="font-medium text-blue-800 underline underline-offset-2"
              >
                {r.name}
              </Link>
              {r.previousSecretValidUntil && (
                <p className="text-xs text-amber-900">Secret rotation in grace period</p>
              )}
            </TableCell>
            <TableCell>
              <CallbackUrl url={r.url} />
            </TableCell>
            <TableCell className="font-mono text-xs">{r.verifyTokenMasked}</TableCell>
            <TableCell className="text-right tabular-nums">{r.counts.stored}</TableCell>
            <TableCell className="text-right tabular-nums">{r.counts.duplicate}</TableCell>
            <TableCell className="text-right tabular-nums">{r.counts.rejected}</TableCell>
            <TableCell>{r.lastDeliveryAt ? <Timestamp iso={r.lastDeliveryAt} /> : 'None yet'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
