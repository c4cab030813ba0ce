import { EmptyState } from '@/components/common/empty-state';
import { CallbackUrl } from '@/components/routing/callback-url';
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
import type { SubscribedAppView } from '@/lib/routing/types';

/**
 * Every app subscribed to the WABA as `GET subscribed_apps` reports it, this app and others: another app's
 * WABA override only affects that app's deliveries, but it explains why a receiver still gets traffic.
 */
export function SubscribedAppsTable({ apps, wabaLabel }: { apps: SubscribedAppView[]; wabaLabel: string }) {
  if (apps.length === 0) {
    return (
      <EmptyState title="No app is subscribed to this WABA">
        Meta delivers no webhooks for {wabaLabel} to anyone until an app subscribes.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableCaption>Apps subscribed to {wabaLabel}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>App</TableHead>
          <TableHead>App id</TableHead>
          <TableHead>WABA override</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {apps.map((app) => (
          <TableRow key={app.appId} data-app-id={app.appId}>
            <TableCell>
              <span className="font-medium">{app.name ?? 'Unnamed app'}</span>
              {app.isThisApp && (
                <Badge variant="info" className="ml-2">
                  This app
                </Badge>
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">{app.appId}</TableCell>
            <TableCell>
              <CallbackUrl url={app.overrideCallbackUri} empty="None: uses its app callback" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
