import type { GraphErrorBody } from '@/lib/graph/schemas';
import { fbtraceId } from './ids';

export interface GraphApiErrorInit {
  code: number;
  /** Without the `(#code)` prefix; it is added unless `bare` (Graph writes 104, 190 and 100/33 without it). */
  message: string;
  bare?: boolean;
  /** `error_data.details`, where the Cloud API moves the detail of a parameter error. */
  details?: string;
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
    super(init.bare ? init.message : `(#${init.code}) ${init.message}`);
    this.code = init.code;
    this.status = init.status ?? statusFor(init.code);
    this.init = init;
  }

  body(): GraphErrorBody {
    const { code, subcode, type, isTransient, userTitle, userMessage, details } = this.init;
    return {
      error: {
        message: this.message,
        type: type ?? 'OAuthException',
        code,
        ...(subcode !== undefined && { error_subcode: subcode }),
        ...(userTitle && { error_user_title: userTitle }),
        ...(userMessage && { error_user_msg: userMessage }),
        ...(isTransient !== undefined && { is_transient: isTransient }),
        ...(details !== undefined && { error_data: { messaging_product: 'whatsapp', details } }),
        fbtrace_id: fbtraceId(),
      },
    };
  }
}

/** Graph answers most OAuthExceptions with 400; bad tokens with 401; permissions with 403; server trouble with 500. */
function statusFor(code: number): number {
  if (code === 190) return 401;
  if (code === 200) return 403;
  if (code === 1 || code === 2) return 500;
  return 400;
}

export const invalidParameter = (message: string, details?: string) =>
  new GraphApiError({ code: 100, message, ...(details !== undefined && { details }) });

export const unknownObject = (id: string, method: string) =>
  new GraphApiError({
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    bare: true,
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

export const unknownPath = (path: string) =>
  new GraphApiError({ code: 2500, message: `Unknown path components: ${path}` });

export const nonexistingField = (field: string, nodeType: string) =>
  invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);

export const invalidToken = () =>
  new GraphApiError({
    code: 190,
    bare: true,
    message: 'Invalid OAuth access token - Cannot parse access token',
  });

export const missingToken = () =>
  new GraphApiError({
    code: 104,
    bare: true,
    message: 'An access token is required to request this resource.',
  });

/** Graph's wording, with the dates in Pacific time as Graph writes them. */
export const expiredToken = (expiredAt: Date, now = new Date()) =>
  new GraphApiError({
    code: 190,
    subcode: 463,
    bare: true,
    message: `Error validating access token: Session has expired on ${pacific(expiredAt)}. The current time is ${pacific(now)}.`,
  });

export const revokedToken = () =>
  new GraphApiError({
    code: 190,
    subcode: 460,
    bare: true,
    message:
      'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  });

export const invalidAppsecretProof = () =>
  new GraphApiError({
    code: 100,
    type: 'GraphMethodException',
    bare: true,
    message: 'Invalid appsecret_proof provided in the API argument',
  });

export const appsecretProofRequired = () =>
  new GraphApiError({
    code: 100,
    type: 'GraphMethodException',
    bare: true,
    message: 'API calls from the server require an appsecret_proof argument',
  });

/** A write the token's app may not make on an asset shared with it for reading only. */
export const permissionsError = () => new GraphApiError({ code: 200, message: 'Permissions error' });

/** e.g. "Tuesday, 01-Jul-25 10:00:00 PDT", the form Graph's expiry message uses. */
function pacific(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'long',
      day: '2-digit',
      month: 'short',
      year: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

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
