import Link from 'next/link';
import { Section } from '@/components/common/section';
import { CallbackUrl } from '@/components/routing/callback-url';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { SubscribedBadge } from '@/components/wabas/subscribed-badge';
import { configuredAppsOnWaba, notSubscribedSentence } from '@/lib/apps/on-waba';
import type { AppSummary } from '@/lib/apps/types';
import type { WabaSummary } from '@/lib/routing/types';

/** The WABA page: each configured app's subscription and WABA override, and which app the forms change. */
export function AppsOnWabaSection({
  waba,
  apps,
  actingAppId,
}: {
  waba: WabaSummary;
  apps: AppSummary[];
  actingAppId: string;
}) {
  const standing = configuredAppsOnWaba(apps, waba.subscriptions);
  const missing = notSubscribedSentence(
    apps,
    waba.subscriptions.map((sub) => sub.appId),
  );
  return (
    <Section
      id="configured-apps"
      title="Configured apps on this WABA"
      description="Each app's subscription and WABA override; Meta routes each app's copy by its own tiers."
    >
      {missing && (
        <Alert variant="warning" className="mb-3" data-testid="apps-not-subscribed">
          <AlertTitle>{missing}</AlertTitle>
        </Alert>
      )}
      <Table>
        <TableCaption>Configured apps' subscriptions to this WABA</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>App</TableHead>
            <TableHead>Subscribed</TableHead>
            <TableHead>WABA override</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {standing.map((app) => (
            <TableRow
              key={app.appId}
              data-app-id={app.appId}
              aria-current={app.appId === actingAppId ? 'true' : undefined}
            >
              <TableCell>
                <span className="font-medium">{app.label}</span>{' '}
                {app.isDefault && <Badge variant="neutral">default</Badge>}
                <div className="text-xs">
                  {app.appId === actingAppId ? (
                    <span className="text-slate-700">Forms on this page change this app's route</span>
                  ) : (
                    <Link
                      href={`/wabas/${encodeURIComponent(waba.wabaId)}${app.isDefault ? '' : `?app=${encodeURIComponent(app.appId)}`}`}
                      className="text-blue-800 underline underline-offset-2"
                    >
                      Manage {app.label}'s subscription
                    </Link>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <SubscribedBadge subscribed={app.subscribed} />
              </TableCell>
              <TableCell>
                <CallbackUrl
                  url={app.wabaOverride}
                  empty={app.subscribed ? 'None: uses its app callback' : '—'}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/** The WABA list's cell: every other configured app's standing on the WABA, in a line each. */
export function OtherAppsCell({ waba, apps }: { waba: WabaSummary; apps: AppSummary[] }) {
  const others = configuredAppsOnWaba(
    apps.filter((app) => !app.isDefault),
    waba.subscriptions,
  );
  return (
    <ul className="space-y-1 text-xs">
      {others.map((app) => (
        <li key={app.appId} data-app-id={app.appId} data-subscribed={app.subscribed}>
          <span className="font-medium">{app.label}</span>:{' '}
          {app.subscribed
            ? app.wabaOverride
              ? `WABA override ${app.wabaOverride}`
              : 'subscribed, no WABA override'
            : 'not subscribed'}
        </li>
      ))}
    </ul>
  );
}
