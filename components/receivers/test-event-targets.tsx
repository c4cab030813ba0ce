import Link from 'next/link';
import { CallbackUrl } from '@/components/routing/callback-url';
import { Badge } from '@/components/ui/badge';
import type { TestEventApp, TestEventTarget } from '@/lib/receivers/test-event';
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

const REFUSAL_REASONS: Record<string, string> = {
  bad_signature:
    "its signature did not verify with the receiver's app secret (each app signs its copy with its own secret)",
  missing_signature: 'it carried no signature',
  too_large: 'it was too large',
  client_certificate: 'no valid client certificate came with it (the receiver requires mTLS)',
};

/** Whether a copy sent to a managed receiver is stored there, in words. */
function Arrival({ target }: { target: TestEventTarget }) {
  const { receiver, arrival } = target;
  if (!receiver || !arrival) return null;
  const link = (
    <Link href={`/receivers/${receiver.id}`} className="text-blue-800 underline underline-offset-2">
      {receiver.name}
    </Link>
  );
  if (arrival.kind === 'stored') return <p data-arrival="stored">Arrived at the managed receiver {link}.</p>;
  if (arrival.kind === 'refused') {
    const why = arrival.reason ? (REFUSAL_REASONS[arrival.reason] ?? arrival.reason) : null;
    return (
      <p data-arrival="refused" className="text-red-900">
        Reached the managed receiver {link}, which refused it{why ? `: ${why}` : ''}.
      </p>
    );
  }
  return <p data-arrival="not_yet">Not stored by the managed receiver {link} yet.</p>;
}

/**
 * Every app's copy: one line per subscribed app (where its copy went, by which tier, whether it arrived), then
 * the configured apps that got none because they are not subscribed to the number's WABA.
 */
export function TestEventTargets({
  targets,
  withoutCopy = [],
}: {
  targets: TestEventTarget[];
  withoutCopy?: TestEventApp[];
}) {
  return (
    <div className="space-y-3">
      {targets.length === 0 ? (
        <p className="text-sm text-slate-700">
          No app is subscribed to this number's WABA, so nothing was sent.
        </p>
      ) : (
        <ul className="space-y-3" data-testid="test-event-targets">
          {targets.map((target) => (
            <li
              key={target.appId}
              className="space-y-1 rounded-md border border-slate-200 p-3 text-sm"
              data-app-id={target.appId}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{target.appLabel}</span>
                {!target.configured && (
                  <span className="text-slate-700">(not configured in Switchboard)</span>
                )}
                <Outcome target={target} />
                <RoutedTier tier={target.tier} />
              </div>
              <CallbackUrl url={target.url} empty="No URL" />
              {target.reason && (
                <p className="text-slate-700">{SKIP_REASONS[target.reason] ?? target.reason}</p>
              )}
              <Arrival target={target} />
            </li>
          ))}
        </ul>
      )}
      {withoutCopy.length > 0 && (
        <ul className="space-y-1 text-sm text-slate-800" data-testid="test-event-without-copy">
          {withoutCopy.map((app) => (
            <li key={app.id} data-app-id={app.id}>
              <span className="font-medium">{app.label}</span>: no copy. It is not subscribed to this number's
              WABA, so Meta sends it nothing.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
