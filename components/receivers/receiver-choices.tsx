'use client';

import Link from 'next/link';
import { createContext, type ReactNode, useContext } from 'react';
import type { ReceiverChoice } from '@/lib/receivers/picker';

export interface ReceiverChoices {
  /** The receivers the signed-in person may point an override at: ids, names and public URLs only. */
  receivers: ReceiverChoice[];
  /** Admins manage receivers (and may open their inspector); everyone else is told to ask one. */
  canManage: boolean;
}

const NONE: ReceiverChoices = { receivers: [], canManage: false };
const ReceiverChoicesContext = createContext<ReceiverChoices>(NONE);

/**
 * Given once by a page (number, WABA) to everything under it: the override form's picker and the labels that
 * recognise a receiver's URL wherever a tier's URL is shown.
 */
export function ReceiverChoicesProvider({
  value,
  children,
}: {
  value: ReceiverChoices;
  children: ReactNode;
}) {
  return <ReceiverChoicesContext value={value}>{children}</ReceiverChoicesContext>;
}

export function useReceiverChoices(): ReceiverChoices {
  return useContext(ReceiverChoicesContext);
}

/** "Managed receiver <name>" when a callback URL is one of ours; nothing otherwise (or without a provider). */
export function ReceiverLabel({ url }: { url: string | null | undefined }) {
  const { receivers, canManage } = useReceiverChoices();
  const receiver = url ? receivers.find((r) => r.url === url) : undefined;
  if (!receiver) return null;
  return (
    <span className="text-sm text-slate-800" data-testid="receiver-label">
      Managed receiver{' '}
      {canManage ? (
        <Link href={`/receivers/${receiver.id}`} className="text-blue-800 underline underline-offset-2">
          {receiver.name}
        </Link>
      ) : (
        <span className="font-medium">{receiver.name}</span>
      )}
    </span>
  );
}
