import Link from 'next/link';
import { CallbackUrl } from '@/components/routing/callback-url';
import { Badge } from '@/components/ui/badge';
import type { TestEventTarget } from '@/lib/receivers/test-event';
import { RoutedTier } from './routed-tier';

const SKIP_REASONS: Record<string, string> = {
  field_not_subscribed: 'This app is not subscribed to the field at the app level, so Meta sends it nothing.',
  no_callback_url: 'No tier has a callback URL for this app.',
  not_loopback: 'Meta would send it here; the offline sandbox only delivers to local (loopback) URLs.',
};

function Outcome({ target }: { target: TestEventTarget }) {
  const attempts = target.attempts.length;
  const last = target.attempts.at(-1);
  const lastText = last ? (last.status ? `HTTP ${last.status}` : (last.error ?? 'no answer')) : '';
  switch (target.outcome) {
    case 'delivered':
      return <Badge variant="success">Delivered{attempts > 1 ? ` after ${attempts} attempts` : ''}</Badge>;
    case 'pending':
      return <Badge variant="warning">Retrying ({lastText})</Badge>;
    case 'failed':
      return (
        <Badge variant="danger">
          Failed after {attempts} attempts ({lastText})
        </Badge>
      );
    case 'skipped':
      return <Badge variant="neutral">Not delivered</Badge>;
  }
}

/** One line per subscribed app: where its copy of the event went and by which tier. */
export function TestEventTargets({ targets }: { targets: TestEventTarget[] }) {
  if (targets.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        No app is subscribed to this number's WABA, so nothing was sent.
      </p>
    );
  }
  return (
    <ul className="space-y-3" data-testid="test-event-targets">
      {targets.map((target) => (
        <li key={target.appId} className="space-y-1 rounded-md border border-slate-200 p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{target.appName}</span>
            <Outcome target={target} />
            <RoutedTier tier={target.tier} />
          </div>
          <CallbackUrl url={target.url} empty="No URL" />
          {target.reason && <p className="text-slate-700">{SKIP_REASONS[target.reason] ?? target.reason}</p>}
          {target.receiver && (
            <p>
              Arrived at the managed receiver{' '}
              <Link
                href={`/receivers/${target.receiver.id}`}
                className="text-blue-800 underline underline-offset-2"
              >
                {target.receiver.name}
              </Link>
              .
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
