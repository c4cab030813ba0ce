import Link from 'next/link';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { Timestamp } from '@/components/common/timestamp';
import { CallbackUrl } from '@/components/routing/callback-url';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { Overview } from '@/lib/routing/types';

const linkClass = 'text-blue-800 underline underline-offset-2 hover:text-blue-950';

/**
 * Only what needs someone's attention: silent WABAs, overrides that failed their check, Graph errors.
 * `drift`: the audit's drift alert is shown next to these, so "Nothing needs attention" must not be.
 */
export function OverviewWarnings({ overview, drift }: { overview: Overview; drift: boolean }) {
  const { unsubscribedWabas, failingOverrides, errors } = overview;
  if (unsubscribedWabas.length === 0 && failingOverrides.length === 0 && errors.length === 0) {
    if (drift) return null;
    return (
      <Alert variant="success">
        <AlertTitle>Nothing needs attention</AlertTitle>
        <AlertDescription>
          <p>
            This app is subscribed to every WABA, no override in use failed its last callback check, and Graph
            answered every call.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="space-y-3">
      {errors.map((error, index) => (
        // Failures have no id of their own; the list is rebuilt on every load.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <GraphErrorAlert key={index} error={error} title="Part of the fleet could not be read" />
      ))}
      {unsubscribedWabas.length > 0 && (
        <Alert variant="warning" data-testid="warning-unsubscribed">
          <AlertTitle>
            {unsubscribedWabas.length} WABA{unsubscribedWabas.length === 1 ? ' is' : 's are'} not subscribed
            to this app: {unsubscribedWabas.length === 1 ? 'its' : 'their'} numbers receive nothing here
          </AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-5">
              {unsubscribedWabas.map((waba) => (
                <li key={waba.wabaId}>
                  <Link href={`/wabas/${waba.wabaId}`} className={linkClass}>
                    {waba.name ?? `WABA ${waba.wabaId}`}
                  </Link>{' '}
                  ({waba.numberCount} number{waba.numberCount === 1 ? '' : 's'})
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      {failingOverrides.length > 0 && (
        <Alert variant="warning" data-testid="warning-failing-overrides">
          <AlertTitle>Overrides whose URL failed its last callback check</AlertTitle>
          <AlertDescription>
            <ul className="space-y-1">
              {failingOverrides.map((o) => (
                <li key={`${o.wabaId}:${o.phoneNumberId ?? ''}`}>
                  <Link
                    href={o.phoneNumberId ? `/numbers/${o.phoneNumberId}` : `/wabas/${o.wabaId}`}
                    className={linkClass}
                  >
                    {o.phoneNumberId ? `Number ${o.phoneNumberId}` : `WABA ${o.wabaId}`}
                  </Link>
                  {': '}
                  <CallbackUrl url={o.url} /> — checked <Timestamp iso={o.checkedAt} />
                  {o.reason && ` (${o.reason.replaceAll('_', ' ')})`}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
