/**
 * "Read again" after an `unverified` write (Graph accepted it, the read-back failed): reads the target's
 * compared value once more, the same value the write flow compares, so the person sees what Graph reports now.
 * A read only: nothing is written and no change-log row is added.
 */
import 'server-only';
import { z } from 'zod';
import { describeGraphError } from '@/lib/graph/describe-error';
import { type AppTierContext, getAppTier } from './app-subscription';
import { appSubscriptionValue, NO_APP_SECRET_MESSAGE } from './app-subscription-value';
import { locateNumber, locateWaba } from './fleet';
import { readNumberDetail } from './get-number';
import { tierUrl } from './tiers';
import { type GraphFailureView, ROUTING_ACTIONS } from './types';
import { graphIdSchema } from './validation';
import { readWabaState } from './waba-state';

export const readAgainInputSchema = z.object({
  action: z.enum(ROUTING_ACTIONS),
  targetId: graphIdSchema,
});
export type ReadAgainInput = z.output<typeof readAgainInputSchema>;

export type ReadAgainResult =
  | { kind: 'read'; value: string | null; readAt: string }
  | { kind: 'not_found'; message: string }
  | { kind: 'graph_error'; error: GraphFailureView };

const NOT_FOUND = 'No longer part of the configured businesses’ WhatsApp accounts.';

async function currentValue(
  ctx: AppTierContext,
  { action, targetId }: ReadAgainInput,
): Promise<string | null | undefined> {
  if (action.startsWith('phone_override.')) {
    const placement = await locateNumber(ctx, targetId);
    if (!placement) return undefined;
    return tierUrl((await readNumberDetail(ctx, targetId, placement)).tiers, 'phone_number');
  }
  if (action.startsWith('waba')) {
    const placement = await locateWaba(ctx, targetId);
    if (!placement) return undefined;
    const { summary } = await readWabaState(ctx, placement);
    // Same compared values as waba-override.ts and waba-subscription.ts.
    if (action.startsWith('waba_override.')) return summary.wabaOverride;
    return summary.subscribed ? 'subscribed' : null;
  }
  throw new Error(`read again: no reader for ${action}`);
}

export async function readAgain(ctx: AppTierContext, input: ReadAgainInput): Promise<ReadAgainResult> {
  const readAt = new Date().toISOString();
  if (input.action.startsWith('app_subscription.')) {
    // getAppTier never throws: it answers a Graph failure, or no app secret, as a value.
    const tier = await getAppTier(ctx);
    if (tier.kind === 'ok') return { kind: 'read', value: appSubscriptionValue(tier.subscription), readAt };
    if (tier.kind === 'error') return { kind: 'graph_error', error: tier.error };
    return { kind: 'not_found', message: NO_APP_SECRET_MESSAGE };
  }
  try {
    // The write already invalidated the fleet cache; a fresh lookup also sees a target that moved since.
    const value = await currentValue(ctx, input);
    if (value === undefined) return { kind: 'not_found', message: NOT_FOUND };
    return { kind: 'read', value, readAt };
  } catch (error) {
    return { kind: 'graph_error', error: describeGraphError(error) };
  }
}
