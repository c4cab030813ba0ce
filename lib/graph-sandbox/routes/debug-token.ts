import type { SandboxContext } from '../context';
import { invalidParameter } from '../errors';
import { EXPIRED_TOKEN_AT } from '../fixtures/apps';
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
  if (info.rejected) {
    // Graph still describes a token it recognises but refuses: is_valid false, with why.
    const expired = info.rejected === 'expired';
    return {
      data: {
        app_id: app.id,
        type: info.type,
        application: app.name,
        expires_at: expired ? Math.floor(EXPIRED_TOKEN_AT.getTime() / 1000) : 0,
        is_valid: false,
        scopes: SCOPES,
        error: {
          code: 190,
          subcode: expired ? 463 : 460,
          message: expired
            ? 'Error validating access token: Session has expired.'
            : 'Error validating access token: The session has been invalidated.',
        },
      },
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
