import type { GraphErrorBody } from '@/lib/graph/schemas';
import { fbtraceId } from './ids';

export interface GraphApiErrorInit {
  code: number;
  /** Without the `(#code)` prefix; it is added as Graph does. */
  message: string;
  status?: number;
  subcode?: number;
  type?: string;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
}

/** Thrown by handlers; the dispatcher turns it into Graph's error envelope. */
export class GraphApiError extends Error {
  readonly code: number;
  readonly status: number;
  readonly init: GraphApiErrorInit;

  constructor(init: GraphApiErrorInit) {
    super(`(#${init.code}) ${init.message}`);
    this.code = init.code;
    this.status = init.status ?? statusFor(init.code);
    this.init = init;
  }

  body(): GraphErrorBody {
    const { code, subcode, type, isTransient, userTitle, userMessage } = this.init;
    return {
      error: {
        message: this.message,
        type: type ?? 'OAuthException',
        code,
        ...(subcode !== undefined && { error_subcode: subcode }),
        ...(userTitle && { error_user_title: userTitle }),
        ...(userMessage && { error_user_msg: userMessage }),
        ...(isTransient !== undefined && { is_transient: isTransient }),
        fbtrace_id: fbtraceId(),
      },
    };
  }
}

/** Graph answers most OAuthExceptions with 400; bad tokens with 401; server-side trouble with 500. */
function statusFor(code: number): number {
  if (code === 190) return 401;
  if (code === 1 || code === 2) return 500;
  return 400;
}

export const invalidParameter = (message: string) => new GraphApiError({ code: 100, message });

export const unknownObject = (id: string, method: string) =>
  new GraphApiError({
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

export const unknownPath = (path: string) =>
  new GraphApiError({ code: 2500, message: `Unknown path components: ${path}` });

export const nonexistingField = (field: string, nodeType: string) =>
  invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);

export const invalidToken = (message = 'Invalid OAuth access token - Cannot parse access token') =>
  new GraphApiError({ code: 190, message });

export const missingToken = () =>
  new GraphApiError({ code: 190, message: 'An active access token must be used to query information.' });

export const notSubscribedForOverride = () =>
  invalidParameter(
    'Before override the current callback uri, your app must be subscribed to receive messages for WhatsApp Business Account',
  );

export const wabaRateLimited = (minutes: number) =>
  new GraphApiError({
    code: 80008,
    message: 'There have been too many calls to this WhatsApp Business account. Wait a bit and try again.',
    isTransient: true,
    userTitle: 'Too many calls',
    userMessage: `Try again in about ${minutes} minute(s).`,
  });
