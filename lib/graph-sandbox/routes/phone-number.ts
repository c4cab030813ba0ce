import { invalidParameter, notSubscribedForOverride, unknownObject } from '../errors';
import { jsonParam } from '../request';
import { checkOverrideUrl, checkVerifyToken } from '../url-rules';
import { verifyCallback } from '../verification';
import type { GraphCall } from './types';

/**
 * `POST /<PHONE_NUMBER_ID>` with `webhook_configuration`: set this app's phone override (checked and
 * live-verified like Meta does) or clear it with `override_callback_uri: ""`. The field may arrive as an
 * object (JSON body) or as a JSON string (form body, as SDKs send it).
 */
export async function updatePhoneNumber(call: GraphCall): Promise<{ success: true }> {
  if (call.node.kind !== 'phone') throw unknownObject(call.request.segments[0] ?? '', 'post');
  const { phone, waba } = call.node;
  const config = jsonParam(call.request.params.webhook_configuration, 'webhook_configuration');
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw invalidParameter('The parameter webhook_configuration is required');
  }
  const { override_callback_uri: uri, verify_token: token } = config as Record<string, unknown>;
  const { state, strictHttps, verificationTimeoutMs } = call.ctx;
  const appId = call.auth.appId;
  if (uri === '') {
    state.clearPhoneOverride(appId, phone.id);
    return { success: true };
  }
  const url = checkOverrideUrl('override_callback_uri', uri, strictHttps);
  const verifyToken = checkVerifyToken(token);
  if (!state.subscription(appId, waba.id)) throw notSubscribedForOverride();
  await verifyCallback(url, verifyToken, verificationTimeoutMs, call.ctx.serverCas);
  state.setPhoneOverride(appId, phone.id, { overrideCallbackUri: url, verifyToken });
  return { success: true };
}
