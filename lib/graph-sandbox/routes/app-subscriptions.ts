import {
  APP_CALLBACK_ONLY_FIELDS,
  type AppSubscription,
  OVERRIDE_FOLLOWING_FIELDS,
} from '@/lib/graph/schemas';
import { GraphApiError, invalidParameter, unknownObject } from '../errors';
import { jsonParam, stringParam } from '../request';
import type { App } from '../types';
import { checkCallbackUrl, checkVerifyToken } from '../url-rules';
import { verifyCallback } from '../verification';
import type { GraphCall } from './types';

const OBJECT = 'whatsapp_business_account';
const KNOWN_FIELDS = new Set<string>([...OVERRIDE_FOLLOWING_FIELDS, ...APP_CALLBACK_ONLY_FIELDS]);

/** The application tier is managed with an app access token (`APP_ID|APP_SECRET`) of that same app. */
function appOf(call: GraphCall): App {
  if (call.node.kind !== 'app') throw unknownObject(call.request.segments[0] ?? '', call.request.method);
  if (call.auth.type !== 'APP') {
    throw new GraphApiError({ code: 15, message: 'This method must be called with an app access_token.' });
  }
  if (call.auth.appId !== call.node.app.id) throw unknownObject(call.node.app.id, call.request.method);
  return call.node.app;
}

/** `fields` arrives as `messages,calls`, as a JSON array string, or as a JSON array. */
function fieldList(value: unknown): string[] | undefined {
  const parsed = jsonParam(value, 'fields');
  if (parsed === undefined) return undefined;
  const list = Array.isArray(parsed) ? parsed.map(String) : String(parsed).split(',');
  const fields = list.map((f) => f.trim()).filter(Boolean);
  fields.forEach((field, i) => {
    if (!KNOWN_FIELDS.has(field))
      throw invalidParameter(
        `Param fields[${i}] must be one of {${[...KNOWN_FIELDS].join(', ')}} - got "${field}"`,
      );
  });
  return fields;
}

function checkObject(call: GraphCall, required: boolean): void {
  const object = stringParam(call.request.params, 'object');
  if (object === undefined && !required) return;
  if (object === undefined) throw invalidParameter('The parameter object is required');
  if (object !== OBJECT) throw invalidParameter(`Param object must be one of {${OBJECT}} - got "${object}"`);
}

export function listAppSubscriptions(call: GraphCall): { data: AppSubscription[] } {
  const app = appOf(call);
  if (!app.callbackUrl) return { data: [] };
  const version = call.render.version;
  return {
    data: [
      {
        object: OBJECT,
        callback_url: app.callbackUrl,
        active: true,
        fields: app.fields.map((name) => ({ name, version })),
      },
    ],
  };
}

/** `POST /<APP_ID>/subscriptions`: a new or changed callback URL is live-verified before it is stored. */
export async function setAppSubscription(call: GraphCall): Promise<{ success: true }> {
  const app = appOf(call);
  checkObject(call, true);
  const params = call.request.params;
  const fields = fieldList(params.fields);
  const callbackUrl = stringParam(params, 'callback_url');
  if (callbackUrl === undefined) {
    if (!app.callbackUrl) throw invalidParameter('The parameter callback_url is required');
    if (fields) app.fields = fields;
    return { success: true };
  }
  const url = checkCallbackUrl('callback_url', callbackUrl, { strictHttps: call.ctx.strictHttps });
  const verifyToken = checkVerifyToken(params.verify_token);
  if (!fields && !app.callbackUrl) throw invalidParameter('The parameter fields is required');
  await verifyCallback(url, verifyToken, call.ctx.verificationTimeoutMs, call.ctx.serverCas);
  app.callbackUrl = url;
  app.callbackVerifyToken = verifyToken;
  if (fields) app.fields = fields;
  return { success: true };
}

/** `DELETE /<APP_ID>/subscriptions`: named `fields` only, or the whole subscription (every WABA stops). */
export function deleteAppSubscription(call: GraphCall): { success: true } {
  const app = appOf(call);
  checkObject(call, false);
  const fields = fieldList(call.request.params.fields);
  if (fields) app.fields = app.fields.filter((f) => !fields.includes(f));
  if (!fields || app.fields.length === 0) {
    app.callbackUrl = undefined;
    app.callbackVerifyToken = undefined;
    app.fields = [];
  }
  return { success: true };
}
