import { CircleCheck, CircleMinus, CircleX, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { CheckStatus, Verdict } from '@/lib/doctor/types';
import { VERDICT_LABELS } from '@/lib/doctor/verdict';

const STATUS = {
  pass: { label: 'Pass', Icon: CircleCheck, className: 'text-emerald-700' },
  warn: { label: 'Warning', Icon: TriangleAlert, className: 'text-amber-700' },
  fail: { label: 'Fail', Icon: CircleX, className: 'text-red-700' },
  skip: { label: 'Skipped', Icon: CircleMinus, className: 'text-slate-600' },
} as const;

/** A check's status as an icon with a text label (colour is never the only signal). */
export function CheckStatusIcon({ status }: { status: CheckStatus }) {
  const { label, Icon, className } = STATUS[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 text-xs font-semibold ${className}`}>
      <Icon aria-hidden="true" className="size-4" />
      {label}
    </span>
  );
}

const VERDICT_VARIANT = { delivers: 'success', at_risk: 'warning', does_not_deliver: 'danger' } as const;

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <Badge variant={VERDICT_VARIANT[verdict]} data-verdict={verdict}>
      {VERDICT_LABELS[verdict]}
    </Badge>
  );
}
