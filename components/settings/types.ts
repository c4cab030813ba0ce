import type { ActionResult } from '@/lib/auth/safe-action';
import type { AppSubscriptionView, WriteOutcome } from '@/lib/routing/types';
import type { WebhookField } from '@/lib/routing/validation';

/** What the application-tier actions return: the tier as Graph reports it after the write (null: none). */
export type AppTierResult = ActionResult<WriteOutcome<AppSubscriptionView | null>>;

export type SetAppSubscriptionAction = (input: {
  callbackUrl: string;
  verifyToken: string;
  fields: WebhookField[];
  expected: string;
}) => Promise<AppTierResult>;

export type DeleteAppSubscriptionAction = (input: {
  confirmAppId: string;
  expected: string;
}) => Promise<AppTierResult>;
