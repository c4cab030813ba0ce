import type { SandboxContext } from '../context';
import { invalidParameter } from '../errors';
import { stringParam } from '../request';

const SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'];

/** `GET /debug_token?input_token=…`: what the sandbox knows about a token; never echoes the token itself. */
export function debugToken(ctx: SandboxContext, params: Record<string, unknown>) {
  const input = stringParam(params, 'input_token');
  if (!input) throw invalidParameter('The parameter input_token is required');
  const info = ctx.state.token(input);
  const app = info && ctx.state.apps.get(info.appId);
  if (!info || !app) {
    return {
      data: { is_valid: false, scopes: [], error: { code: 190, message: 'Invalid OAuth access token.' } },
    };
  }
  return {
    data: {
      app_id: app.id,
      type: info.type,
      application: app.name,
      data_access_expires_at: 0,
      expires_at: 0,
      is_valid: true,
      scopes: SCOPES,
    },
  };
}
