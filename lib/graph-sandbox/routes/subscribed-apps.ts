import { notSubscribedForOverride, unknownObject } from '../errors';
import { stringParam } from '../request';
import { checkOverrideUrl, checkVerifyToken } from '../url-rules';
import { verifyCallback } from '../verification';
import type { GraphCall } from './types';

function wabaOf(call: GraphCall) {
  if (call.node.kind !== 'waba') throw unknownObject(call.request.segments[0] ?? '', call.request.method);
  return call.node.waba;
}

/**
 * `POST /<WABA_ID>/subscribed_apps`. Without `override_callback_uri` it subscribes the token's app and
 * removes that app's WABA override (Meta's documented way to delete it). With one, the app must already
 * be subscribed (the stricter reading of docs/graph-facts.md §2), and the URL is live-verified before it is stored.
 */
export async function subscribeApp(call: GraphCall): Promise<{ success: true }> {
  const waba = wabaOf(call);
  const { state, strictHttps, verificationTimeoutMs } = call.ctx;
  const appId = call.auth.appId;
  const uri = stringParam(call.request.params, 'override_callback_uri');
  if (!uri) {
    state.subscribe(appId, waba.id, {});
    return { success: true };
  }
  const url = checkOverrideUrl('override_callback_uri', uri, strictHttps);
  const verifyToken = checkVerifyToken(call.request.params.verify_token);
  if (!state.subscription(appId, waba.id)) throw notSubscribedForOverride();
  await verifyCallback(url, verifyToken, verificationTimeoutMs, call.ctx.serverCas);
  state.subscribe(appId, waba.id, { overrideCallbackUri: url, verifyToken });
  return { success: true };
}

/** `DELETE /<WABA_ID>/subscribed_apps`: every delivery for this WABA to this app stops; phone overrides remain. */
export function unsubscribeApp(call: GraphCall): { success: true } {
  const waba = wabaOf(call);
  call.ctx.state.unsubscribe(call.auth.appId, waba.id);
  return { success: true };
}
