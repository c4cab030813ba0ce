import type { AppRouteView } from '@/lib/routing/types';

/**
 * Next to a routing form: which app's route it changes and what stays as it is for the others, e.g.
 * "Changes Switchboard Demo's route only. Acme Helpdesk still receives at https://…". `apps` is every
 * configured app's route as the page read it (empty with one app).
 */
export function OthersStay({
  apps,
  actingAppId,
  actingLabel,
}: {
  apps: readonly AppRouteView[];
  actingAppId: string;
  actingLabel: string;
}) {
  const others = apps.filter((app) => app.appId !== actingAppId);
  return (
    <p className="text-sm text-slate-700" data-testid="others-stay">
      Changes {actingLabel}'s route only.{' '}
      {others.map((app) =>
        app.resolution?.url
          ? `${app.appLabel} still receives at ${app.resolution.url}. `
          : `${app.appLabel} still receives nothing for this number. `,
      )}
    </p>
  );
}
