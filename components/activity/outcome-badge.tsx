import { Badge } from '@/components/ui/badge';
import type { ChangeOutcome } from '@/lib/db/schema';

const VARIANT = {
  success: 'success',
  mismatch: 'warning',
  unverified: 'warning',
  failure: 'danger',
  refused: 'neutral',
} as const;
const LABEL: Record<ChangeOutcome, string> = {
  success: 'Success',
  mismatch: 'Mismatch',
  unverified: 'Applied, not verified',
  failure: 'Failed',
  refused: 'Refused',
};

export function OutcomeBadge({ outcome }: { outcome: ChangeOutcome }) {
  return (
    <Badge variant={VARIANT[outcome]} data-outcome={outcome}>
      {LABEL[outcome]}
    </Badge>
  );
}
