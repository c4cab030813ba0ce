/** `/<WABA_ID>/subscribed_apps`: the app's subscription to a WABA and its WABA-level override. */
import 'server-only';
import { collectNestedEdge } from '../paging';
import type { GraphRequester } from '../request';
import { type SubscribedApp, subscribedAppSchema, subscribedAppsResponse } from '../schemas';
import type { OverrideInput } from './phone-numbers';
import { expectSuccess, segment } from './shared';

const path = (wabaId: string) => `/${segment(wabaId)}/subscribed_apps`;

/** Every app subscribed to the WABA, each with its own override when it has one. */
export async function listSubscribedApps(http: GraphRequester, wabaId: string): Promise<SubscribedApp[]> {
  const edge = await http.request({ method: 'GET', path: path(wabaId), schema: subscribedAppsResponse });
  return collectNestedEdge(http, edge, subscribedAppSchema);
}

/** Subscribes the token's app. Graph also removes this app's WABA override when called without a body. */
export async function subscribeApp(http: GraphRequester, wabaId: string): Promise<void> {
  await expectSuccess(http, { method: 'POST', path: path(wabaId) });
}

/** Subscribes (if needed) and sets this app's WABA override. Graph verifies the URL live before answering. */
export async function setWabaOverride(
  http: GraphRequester,
  wabaId: string,
  input: OverrideInput,
): Promise<void> {
  await expectSuccess(http, {
    method: 'POST',
    path: path(wabaId),
    json: { override_callback_uri: input.overrideCallbackUri, verify_token: input.verifyToken },
    secrets: [input.verifyToken],
  });
}

/**
 * Clears this app's WABA override. Graph has no "clear" call for it: re-subscribing without a body replaces
 * the subscription with a plain one (docs/graph-facts.md §2), which removes the override while keeping delivery on.
 * Unlike unsubscribing, no webhook is lost in between.
 */
export async function clearWabaOverride(http: GraphRequester, wabaId: string): Promise<void> {
  await subscribeApp(http, wabaId);
}

/** Unsubscribes the token's app: every webhook of this WABA to this app stops at once. */
export async function unsubscribeApp(http: GraphRequester, wabaId: string): Promise<void> {
  await expectSuccess(http, { method: 'DELETE', path: path(wabaId) });
}
