'use client';

import { Fragment } from 'react';
import { cn } from '#cn';
import { Timestamp } from '@/components/common/timestamp';
import { Button } from '@/components/ui/button';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import type { DeliveryListItem } from '@/lib/receivers/types';
import { DeliveryDetail } from './delivery-detail';
import { ClientCertCell, OutcomeBadge, SignatureCell } from './outcome-badge';
import { RoutedTier } from './routed-tier';

interface DeliveryTableProps {
  receiverId: string;
  items: DeliveryListItem[];
  openId: string | null;
  onToggle: (id: string) => void;
  /** Deliveries that arrived since the previous refresh, briefly highlighted. */
  freshIds: ReadonlySet<string>;
}

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`);

export function DeliveryTable({ receiverId, items, openId, onToggle, freshIds }: DeliveryTableProps) {
  return (
    <Table>
      <TableCaption>Deliveries, newest first</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Received</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Signature</TableHead>
          <TableHead>Client certificate</TableHead>
          <TableHead>Field</TableHead>
          <TableHead>Phone number id</TableHead>
          <TableHead>Routed by</TableHead>
          <TableHead align="right">Events</TableHead>
          <TableHead align="right">Size</TableHead>
          <TableHead>
            <span className="sr-only">Details</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => {
          const open = openId === item.id;
          return (
            <Fragment key={item.id}>
              <TableRow className={cn(freshIds.has(item.id) && 'bg-emerald-50')} data-testid="delivery-row">
                <TableCell className="whitespace-nowrap">
                  <Timestamp iso={item.receivedAt} />
                </TableCell>
                <TableCell>
                  <OutcomeBadge item={item} />
                </TableCell>
                <TableCell>
                  <SignatureCell item={item} />
                </TableCell>
                <TableCell>
                  <ClientCertCell item={item} />
                </TableCell>
                <TableCell className="font-mono text-xs">{item.fields.join(', ') || '—'}</TableCell>
                <TableCell className="font-mono text-xs">{item.phoneNumberIds.join(', ') || '—'}</TableCell>
                <TableCell>
                  <RoutedTier tier={item.routedTier} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {item.outcome === 'rejected' ? '—' : `${item.newEventCount} new / ${item.eventCount}`}
                </TableCell>
                <TableCell className="text-right tabular-nums">{kb(item.bodyBytes)}</TableCell>
                <TableCell>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-expanded={open}
                    aria-controls={`delivery-${item.id}`}
                    onClick={() => onToggle(item.id)}
                  >
                    {open ? 'Hide' : 'View'}
                  </Button>
                </TableCell>
              </TableRow>
              {open && (
                <TableRow id={`delivery-${item.id}`} highlightOnHover={false}>
                  <TableCell colSpan={10}>
                    <DeliveryDetail receiverId={receiverId} deliveryId={item.id} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
