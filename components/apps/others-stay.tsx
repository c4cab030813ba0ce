'use client';

import { useQuery } from '@tanstack/react-query';
import { numberAppsOptions } from '@/lib/query/numbers';
import { useActingApp } from './acting-app';

/**
 * Next to a routing form: which app's route it changes and what stays as it is for the others, e.g.
 * "Changes Switchboard Demo's route only. Acme Helpdesk still receives at https://…".
 */
export function OthersStay({ phoneNumberId, actingLabel }: { phoneNumberId: string; actingLabel: string }) {
  const { appId } = useActingApp();
  const { data } = useQuery(numberAppsOptions(phoneNumberId));
  const apps = data?.apps ?? [];
  const acting = apps.find((app) => (appId ? app.appId === appId : app.isDefault));
  const others = apps.filter((app) => app !== acting);
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
