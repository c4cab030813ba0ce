/**
 * The application tier (tier 3): the app's callback URL and fields for `whatsapp_business_account`, managed
 * through `/<APP_ID>/subscriptions` with the app access token `APP_ID|APP_SECRET`. Changes go through the same
 * write flow as overrides (preflight, Graph write, read-back, one change-log row). The token never leaves here.
 */
import 'server-only';
import { describeGraphError } from '@/lib/graph/describe-error';
import { WABA_OBJECT } from '@/lib/graph/endpoints/app-subscriptions';
import { appSubscriptionValue, NO_APP_SECRET_MESSAGE } from './app-subscription-value';
import type { Actor, RoutingContext } from './context';
import { maskSecret } from './mask';
import type { AppSubscriptionView, AppTierRead, ServiceOutcome } from './types';
import { deleteAppSubscriptionInputSchema, setAppSubscriptionInputSchema, toFieldErrors } from './validation';
import { performWrite, type StateRead } from './write-flow';

/** A routing context plus the app access token; null when META_APP_SECRET is not configured. */
export interface AppTierContext extends RoutingContext {
  appAccessToken: string | null;
}

export { appSubscriptionValue, NO_APP_SECRET_MESSAGE };

export interface SetAppSubscriptionRequest {
  callbackUrl: string;
  verifyToken: string;
  fields: readonly string[];
  /** `appSubscriptionValue` of the subscription the form was loaded with ('' or null: none). */
  expected: string | null;
}

export interface DeleteAppSubscriptionRequest {
  /** The app id as the person typed it: must equal the configured app id. */
  confirmAppId: string;
  expected: string | null;
}

async function readSubscription(ctx: AppTierContext, token: string): Promise<AppSubscriptionView | null> {
  const entries = await ctx.graph.getAppSubscriptions(ctx.appId, token);
  const entry = entries.find((e) => e.object === WABA_OBJECT);
  if (!entry) return null;
  return {
    appId: ctx.appId,
    callbackUrl: entry.callback_url ?? null,
    fields: entry.fields.map((f) => f.name).sort(),
    active: entry.active,
  };
}

async function readState(ctx: AppTierContext, token: string): Promise<StateRead<AppSubscriptionView | null>> {
  const view = await readSubscription(ctx, token);
  return { value: appSubscriptionValue(view), view, log: view };
}

/** The application tier as Graph reports it now; never throws for a Graph failure. */
export async function getAppTier(ctx: AppTierContext): Promise<AppTierRead> {
  if (!ctx.appAccessToken) return { kind: 'no_secret', appId: ctx.appId };
  try {
    const subscription = await readSubscription(ctx, ctx.appAccessToken);
    return { kind: 'ok', appId: ctx.appId, subscription, readAt: new Date().toISOString() };
  } catch (error) {
    return {
      kind: 'error',
      appId: ctx.appId,
      error: describeGraphError(error, 'Reading the app subscription'),
    };
  }
}

export async function setAppSubscription(
  ctx: AppTierContext,
  input: SetAppSubscriptionRequest,
  actor?: Actor,
): Promise<ServiceOutcome<AppSubscriptionView | null>> {
  const parsed = setAppSubscriptionInputSchema(ctx.allowLoopbackCallbacks).safeParse(input);
  const fields = parsed.data?.fields ?? [...input.fields];
  const want: AppSubscriptionView = {
    appId: ctx.appId,
    callbackUrl: input.callbackUrl,
    fields,
    active: true,
  };
  return performWrite(ctx, actor, {
    action: 'app_subscription.set',
    targetType: 'application',
    targetId: ctx.appId,
    requested: { callbackUrl: input.callbackUrl, fields, verifyToken: maskSecret(input.verifyToken) },
    invalid: parsed.success ? null : toFieldErrors(parsed.error),
    expected: parsed.data?.expected ?? null,
    locate: async () => ctx.appAccessToken,
    notFoundMessage: NO_APP_SECRET_MESSAGE,
    read: (token) => readState(ctx, token),
    preflight: { url: input.callbackUrl, verifyToken: input.verifyToken },
    write: (token) =>
      ctx.graph.setAppSubscription(ctx.appId, token, {
        callbackUrl: input.callbackUrl,
        verifyToken: input.verifyToken,
        fields,
      }),
    want: appSubscriptionValue(want),
  });
}

/** Removes the app's whole WABA subscription: every WABA stops delivering webhooks to this app. */
export async function deleteAppSubscription(
  ctx: AppTierContext,
  input: DeleteAppSubscriptionRequest,
  actor?: Actor,
): Promise<ServiceOutcome<AppSubscriptionView | null>> {
  const parsed = deleteAppSubscriptionInputSchema.safeParse(input);
  const invalid = parsed.success
    ? parsed.data.confirmAppId === ctx.appId
      ? null
      : { confirmAppId: [`Type the app id ${ctx.appId} exactly to confirm.`] }
    : toFieldErrors(parsed.error);
  return performWrite(ctx, actor, {
    action: 'app_subscription.delete',
    targetType: 'application',
    targetId: ctx.appId,
    requested: { callbackUrl: null },
    invalid,
    expected: parsed.data?.expected ?? null,
    locate: async () => ctx.appAccessToken,
    notFoundMessage: NO_APP_SECRET_MESSAGE,
    read: (token) => readState(ctx, token),
    refuseWhen: (current) => (current.value === null ? 'This app has no WABA subscription to delete.' : null),
    write: (token) => ctx.graph.deleteAppSubscription(ctx.appId, token),
    want: null,
  });
}
