import { Badge } from '@/components/ui/badge';
import type { DeliveryListItem } from '@/lib/receivers/types';

const REJECTIONS: Record<NonNullable<DeliveryListItem['rejectReason']>, string> = {
  bad_signature: 'Rejected · bad signature',
  missing_signature: 'Rejected · no signature',
  too_large: 'Rejected · over 3 MB',
};

/** Stored / duplicate / rejected (with why), in words; colour only reinforces it. */
export function OutcomeBadge({ item }: { item: Pick<DeliveryListItem, 'outcome' | 'rejectReason'> }) {
  if (item.outcome === 'stored') return <Badge variant="success">Stored</Badge>;
  if (item.outcome === 'duplicate') return <Badge variant="neutral">Duplicate</Badge>;
  return <Badge variant="danger">{item.rejectReason ? REJECTIONS[item.rejectReason] : 'Rejected'}</Badge>;
}

/** Whether the signature verified, and with which secret during a rotation. */
export function SignatureCell({ item }: { item: Pick<DeliveryListItem, 'signatureKey' | 'rejectReason'> }) {
  if (item.signatureKey === 'current') return <span>Valid</span>;
  if (item.signatureKey === 'previous') return <span>Valid (previous secret)</span>;
  if (item.rejectReason === 'too_large') return <span className="text-slate-700">Not checked</span>;
  return <span className="font-medium text-red-800">Invalid</span>;
}
