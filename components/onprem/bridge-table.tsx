import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { BridgeNumber, BridgeStatus } from '@/lib/onprem/bridge';
import { CarryOverControl } from './carry-over-control';

const STATUS: Record<
  BridgeStatus,
  { text: string; variant: 'success' | 'warning' | 'info' | 'danger' | 'neutral' }
> = {
  ready: { text: 'On the Cloud API', variant: 'info' },
  carried: { text: 'Carried over', variant: 'success' },
  on_premises: { text: 'Still on On-Premises', variant: 'warning' },
  unknown: { text: 'Not found in Graph', variant: 'neutral' },
  read_failed: { text: 'Could not be read', variant: 'danger' },
};

/** The deployment's numbers as Graph reports them now, with the carry-over where it applies. */
export function BridgeTable({
  deploymentId,
  label,
  webhookUrl,
  numbers,
  canCarry,
}: {
  deploymentId: string;
  label: string;
  webhookUrl: string;
  numbers: BridgeNumber[];
  canCarry: boolean;
}) {
  return (
    <Table aria-label={`Numbers ${label} served`}>
      <TableHeader>
        <TableRow>
          <TableHead>Number</TableHead>
          <TableHead>Now</TableHead>
          <TableHead>Phone override (Cloud API)</TableHead>
          <TableHead>Carry over</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {numbers.map((n) => (
          <TableRow key={n.phoneNumberId} data-testid={`bridge-${n.phoneNumberId}`} data-status={n.status}>
            <TableCell>
              <Link href={`/numbers/${n.phoneNumberId}`} className="underline underline-offset-2">
                {n.displayPhoneNumber ?? n.phoneNumberId}
              </Link>
              <div className="font-mono text-xs text-slate-600">{n.phoneNumberId}</div>
            </TableCell>
            <TableCell>
              <Badge variant={STATUS[n.status].variant}>{STATUS[n.status].text}</Badge>
              {n.message && <p className="text-xs text-slate-600">{n.message}</p>}
            </TableCell>
            <TableCell className="font-mono text-xs break-all">{n.phoneOverride ?? '—'}</TableCell>
            <TableCell>
              {n.status === 'ready' && canCarry && webhookUrl !== '' ? (
                <CarryOverControl
                  deploymentId={deploymentId}
                  label={label}
                  webhookUrl={webhookUrl}
                  target={{
                    kind: 'number',
                    phoneNumberId: n.phoneNumberId,
                    display: n.displayPhoneNumber ?? n.phoneNumberId,
                    expected: n.phoneOverride,
                  }}
                />
              ) : n.status === 'on_premises' ? (
                <span className="text-sm">Migrate the number to the Cloud API first.</span>
              ) : (
                <span className="text-sm text-slate-600">—</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
