import type { ReactNode } from 'react';
import { cn } from '#cn';
import { ReceiverLabel } from '@/components/receivers/receiver-choices';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { tierUrl } from '@/lib/routing/tiers';
import type { NumberRoute, Tier } from '@/lib/routing/types';
import { CallbackUrl } from './callback-url';
import { WinsMarker } from './wins-marker';

const STEPS: { tier: Tier; title: string; where: string }[] = [
  { tier: 'phone_number', title: 'Phone number override', where: 'Set on this number, for this app.' },
  {
    tier: 'whatsapp_business_account',
    title: 'WABA override',
    where: "Set on this app's subscription to the number's WABA.",
  },
  {
    tier: 'application',
    title: 'Application callback URL',
    where: 'Set in the App Dashboard for the whole app.',
  },
];

interface TierLadderProps {
  route: Pick<NumberRoute, 'tiers' | 'subscribed' | 'resolution'>;
  wabaLabel: string;
  /** Offered when the app is not subscribed (e.g. the Subscribe button), if the viewer may use it. */
  subscribeAction?: ReactNode;
}

function stepNote(tier: Tier, winner: Tier | null, isSet: boolean): string {
  if (!isSet) return tier === 'application' ? 'No application callback is configured.' : 'Not set: skipped.';
  if (winner === tier) return 'Meta sends this number’s messages webhooks here.';
  if (winner === null) return 'Set, but nothing is delivered while the app is not subscribed.';
  return 'Set, but a higher tier wins.';
}

/** The three tiers in Meta's order (phone number → WABA → application), with the winner and the reason. */
export function TierLadder({ route, wabaLabel, subscribeAction }: TierLadderProps) {
  const winner = route.resolution.winner;
  return (
    <div className="space-y-3">
      {!route.subscribed && (
        <Alert variant="destructive">
          <AlertTitle>No delivery</AlertTitle>
          <AlertDescription>
            <p>
              This app is not subscribed to {wabaLabel}, so Meta sends none of this number’s webhooks to it,
              whatever the tiers below say.
            </p>
            {subscribeAction}
          </AlertDescription>
        </Alert>
      )}
      <ol aria-label="Callback tiers, highest priority first" className="space-y-2">
        {STEPS.map((step, index) => {
          const url = tierUrl(route.tiers, step.tier);
          const wins = winner === step.tier;
          return (
            <li
              key={step.tier}
              data-tier={step.tier}
              data-wins={wins ? 'true' : undefined}
              className={cn(
                // Whole border lists per state: this client component's cn joins, it does not merge.
                'rounded-md bg-white p-3',
                wins ? 'border-2 border-emerald-700' : 'border border-slate-200',
              )}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-semibold text-slate-900">
                  {index + 1}. {step.title}
                </span>
                {wins && <WinsMarker />}
              </div>
              <p className="text-xs text-slate-700">{step.where}</p>
              <p className="mt-1 flex flex-wrap items-baseline gap-x-2">
                <CallbackUrl url={url} />
                <ReceiverLabel url={url} />
              </p>
              <p className="mt-1 text-sm text-slate-800">{stepNote(step.tier, winner, Boolean(url))}</p>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-900" data-testid="resolution-reason">
        <span className="font-semibold">Why: </span>
        {route.resolution.reason}
      </p>
    </div>
  );
}
