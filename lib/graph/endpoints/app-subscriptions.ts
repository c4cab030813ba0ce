/**
 * The application tier: `/<APP_ID>/subscriptions`, called with an app access token (`APP_ID|APP_SECRET`),
 * and `/debug_token`, which needs one too.
 */
import 'server-only';
import type { z } from 'zod';
import type { GraphRequester } from '../request';
import { type AppSubscription, appSubscriptionsResponse, debugTokenResponse } from '../schemas';
import { expectSuccess, segment } from './shared';

/** The only object Switchboard manages; other objects (page, user…) are left alone. */
export const WABA_OBJECT = 'whatsapp_business_account';

export interface AppSubscriptionInput {
  callbackUrl: string;
  verifyToken: string;
  fields: readonly string[];
}

export type DebugTokenInfo = z.output<typeof debugTokenResponse>['data'];

export async function getAppSubscriptions(
  http: GraphRequester,
  appId: string,
  appAccessToken: string,
): Promise<AppSubscription[]> {
  const reply = await http.request({
    method: 'GET',
    path: `/${segment(appId)}/subscriptions`,
    accessToken: appAccessToken,
    schema: appSubscriptionsResponse,
  });
  return reply.data;
}

/** Sets the app callback for WABAs. Graph verifies the URL live before answering. */
export async function setAppSubscription(
  http: GraphRequester,
  appId: string,
  appAccessToken: string,
  input: AppSubscriptionInput,
): Promise<void> {
  await expectSuccess(http, {
    method: 'POST',
    path: `/${segment(appId)}/subscriptions`,
    accessToken: appAccessToken,
    form: {
      object: WABA_OBJECT,
      callback_url: input.callbackUrl,
      verify_token: input.verifyToken,
      fields: input.fields.join(','),
    },
    secrets: [input.verifyToken],
  });
}

/** Removes the app's whole WABA subscription: every WABA stops delivering to this app. */
export async function deleteAppSubscription(http: GraphRequester, appId: string, appAccessToken: string) {
  await expectSuccess(http, {
    method: 'DELETE',
    path: `/${segment(appId)}/subscriptions`,
    query: { object: WABA_OBJECT },
    accessToken: appAccessToken,
  });
}

/** What Graph knows about a token (its app, validity, scopes). */
export async function debugToken(
  http: GraphRequester,
  inputToken: string,
  appAccessToken: string,
): Promise<DebugTokenInfo> {
  const reply = await http.request({
    method: 'GET',
    path: '/debug_token',
    query: { input_token: inputToken },
    accessToken: appAccessToken,
    secrets: [inputToken],
    schema: debugTokenResponse,
  });
  return reply.data;
}
