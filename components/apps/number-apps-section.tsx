import Link from 'next/link';
import { GraphErrorAlert } from '@/components/common/graph-error-alert';
import { Section } from '@/components/common/section';
import { TierBadge } from '@/components/routing/tier-badge';
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
import type { ReadResult } from '@/lib/query/read-result';
import { tierUrl } from '@/lib/routing/tiers';
import type { AppRouteView, NumberAppsView, WebhookConfiguration } from '@/lib/routing/types';

function TierCell({ tiers, tier }: { tiers: WebhookConfiguration | null; tier: keyof WebhookConfiguration }) {
  const url = tiers ? tierUrl(tiers, tier) : null;
  return (
    <TableCell className="break-all font-mono text-xs">
      {url ?? <span className="text-slate-600">—</span>}
    </TableCell>
  );
}

/**
 * Where every app's copy of this number's messages goes: each configured app's three tiers as its own token
 * reads them, the winner and the effective URL, and the apps subscribed to the WABA that Switchboard has no
 * token for. The link on each row picks the app the forms below change.
 */
export function NumberAppsSection({
  phoneNumberId,
  actingAppId,
  read,
}: {
  phoneNumberId: string;
  actingAppId: string;
  /** The page's read of every app's route: a failure shows in this section's place, not instead of the page. */
  read: ReadResult<NumberAppsView | null>;
}) {
  if (!read.ok) return <GraphErrorAlert error={read.failure} title="Could not read every app's route" />;
  const data = read.data;
  if (!data) return null;
  return (
    <Section
      id="apps"
      title="Every app's route"
      description="Meta resolves each app's copy separately, by that app's own three tiers."
    >
      <p className="mb-3 text-sm font-medium text-slate-900" data-testid="number-apps-summary">
        {data.summary}
      </p>
      <Table>
        <TableCaption>Each app's tiers for this number, the winner and the effective URL</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>App</TableHead>
            <TableHead>Subscribed</TableHead>
            <TableHead>Phone override</TableHead>
            <TableHead>WABA override</TableHead>
            <TableHead>App callback</TableHead>
            <TableHead>Winner</TableHead>
            <TableHead>Effective URL</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.apps.map((app) => (
            <AppRow
              key={app.appId}
              app={app}
              phoneNumberId={phoneNumberId}
              acting={app.appId === actingAppId}
            />
          ))}
          {data.unconfigured.map((app) => (
            <TableRow key={app.appId} data-app-id={app.appId}>
              <TableCell>
                {app.name ?? app.appId} <Badge variant="neutral">not configured</Badge>
              </TableCell>
              <TableCell>Yes</TableCell>
              <TableCell className="text-xs text-slate-700">
                Phone override not visible without this app's token
              </TableCell>
              <TableCell className="break-all font-mono text-xs">{app.wabaOverride ?? '—'}</TableCell>
              <TableCell className="text-xs text-slate-700">Not visible</TableCell>
              <TableCell colSpan={2} className="text-xs text-slate-700">
                {app.wabaOverride
                  ? `WABA override ${app.wabaOverride}, unless a phone override of its own wins`
                  : 'Not visible without this app\u2019s token'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

function AppRow({
  app,
  phoneNumberId,
  acting,
}: {
  app: AppRouteView;
  phoneNumberId: string;
  acting: boolean;
}) {
  const href = `/numbers/${encodeURIComponent(phoneNumberId)}${app.isDefault ? '' : `?app=${encodeURIComponent(app.appId)}`}`;
  return (
    <TableRow data-app-id={app.appId} aria-current={acting ? 'true' : undefined}>
      <TableCell>
        <span className="font-medium">{app.appLabel}</span>{' '}
        {app.isDefault && <Badge variant="neutral">default</Badge>}
        <div className="text-xs">
          {acting ? (
            <span className="text-slate-700">Forms below change this app's route</span>
          ) : (
            <Link href={href} className="text-blue-800 underline underline-offset-2">
              Manage {app.appLabel}'s route
            </Link>
          )}
        </div>
      </TableCell>
      <TableCell>{app.subscribed ? 'Yes' : 'No'}</TableCell>
      {app.error ? (
        <TableCell colSpan={5} className="text-sm text-red-900">
          Could not read this app's route: {app.error.message}
        </TableCell>
      ) : (
        <>
          <TierCell tiers={app.tiers} tier="phone_number" />
          <TierCell tiers={app.tiers} tier="whatsapp_business_account" />
          <TierCell tiers={app.tiers} tier="application" />
          <TableCell>
            <TierBadge tier={app.resolution?.winner ?? null} />
          </TableCell>
          <TableCell className="break-all font-mono text-xs">{app.resolution?.url ?? '—'}</TableCell>
        </>
      )}
    </TableRow>
  );
}
