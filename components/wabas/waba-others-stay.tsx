'use client';

import { useActingApp } from '@/components/apps/acting-app';

/**
 * For WABA-level writes: "Changes Acme Helpdesk's subscription only. Switchboard Demo stays subscribed (WABA
 * override https://…)." — from the `subscribed_apps` the page already read.
 */
export function WabaOthersStay({
  subscriptions,
}: {
  subscriptions: { appId: string; overrideCallbackUri: string | null }[];
}) {
  const { label, others = [] } = useActingApp();
  if (others.length === 0) return null;
  return (
    <p className="mt-2 text-sm text-slate-700" data-testid="others-stay">
      Changes {label}'s subscription and WABA override only.{' '}
      {others.map((app) => {
        const entry = subscriptions.find((sub) => sub.appId === app.id);
        if (!entry) return `${app.label} stays unsubscribed. `;
        return entry.overrideCallbackUri
          ? `${app.label} stays subscribed, with its WABA override ${entry.overrideCallbackUri}. `
          : `${app.label} stays subscribed, without a WABA override. `;
      })}
    </p>
  );
}
