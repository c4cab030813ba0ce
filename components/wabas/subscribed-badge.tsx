import { Ban, Check } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

export function SubscribedBadge({ subscribed }: { subscribed: boolean }) {
  return subscribed ? (
    <Badge variant="success">
      <Check aria-hidden="true" />
      Subscribed
    </Badge>
  ) : (
    <Badge variant="danger">
      <Ban aria-hidden="true" />
      Not subscribed
    </Badge>
  );
}
