import { Badge } from '@/components/ui/badge';
import type { DeliveryListItem } from '@/lib/receivers/types';

const REJECTIONS: Record<NonNullable<DeliveryListItem['rejectReason']>, string> = {
  bad_signature: 'Rejected · bad signature',
  missing_signature: 'Rejected · no signature',
  too_large: 'Rejected · over 3 MB',
  client_certificate: 'Rejected · no valid client certificate',
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
  if (item.rejectReason === 'too_large' || item.rejectReason === 'client_certificate')
    return <span className="text-slate-700">Not checked</span>;
  return <span className="font-medium text-red-800">Invalid</span>;
}

const CLIENT_CERT_LABELS = {
  valid: 'Valid',
  invalid: 'Invalid',
  absent: 'None',
} as const;

/** Whether a valid client certificate (mTLS) came with the delivery; older rows did not record it. */
export function ClientCertCell({ item }: { item: Pick<DeliveryListItem, 'clientCert'> }) {
  if (!item.clientCert) return <span className="text-slate-700">Not recorded</span>;
  const label = CLIENT_CERT_LABELS[item.clientCert];
  return item.clientCert === 'invalid' ? (
    <span className="font-medium text-red-800">{label}</span>
  ) : (
    <span>{label}</span>
  );
}
