/**
 * The one mapping from a failure to what the console says (docs/graph-facts.md §6). Each sentence says what happened
 * and what to do, and ends with the code and fbtrace_id support needs. Only the Graph client's redacted text
 * is ever quoted, so no token can appear.
 */
import 'server-only';
import { isGraphError, isTransientCode, RATE_LIMIT_CODES } from './errors';

/** A Graph failure as the UI shows it: a sentence plus the identifiers support needs. */
export interface GraphFailureView {
  code: number | null;
  subcode: number | null;
  fbtraceId: string | null;
  /** User-facing sentence; never contains a token. */
  message: string;
  /** The `(#100) Before override…` case: offer the Subscribe action. */
  suggestSubscribe: boolean;
  /** Rate limits: seconds until a retry is worthwhile, when known. */
  retryAfterSeconds: number | null;
  /** What was being done when it failed, e.g. "Listing client WABAs of business 123", when not obvious. */
  context?: string;
}

/**
 * A read that needed several Graph calls and lost some of them, carrying the failures already described.
 * Services subclass it (lib/routing's FleetUnavailableError) so this module need not know them.
 */
export class IncompleteReadError extends Error {
  constructor(
    message: string,
    readonly failures: GraphFailureView[],
  ) {
    super(message);
  }
}

/** The `(#100) Before override the current callback uri, your app must be subscribed…` family. */
const NOT_SUBSCRIBED = /before override|must be subscribed/i;

function waitPhrase(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'Wait a few minutes before trying again.';
  if (seconds < 90) return `Try again in about ${Math.ceil(seconds)} seconds.`;
  return `Try again in about ${Math.ceil(seconds / 60)} minutes.`;
}

/** Where a system user goes for a new token; every 190 variant ends with it. */
const NEW_TOKEN =
  'Generate a new system-user token in Business Settings → System users and set it as GRAPH_ACCESS_TOKEN.';

/** The listings that read a configured business: `/<BUSINESS_ID>/{owned,client}_whatsapp_business_accounts`. */
const BUSINESS_LISTING = /^\/(\d+)\/(?:owned|client)_whatsapp_business_accounts$/;

/** A write on a number node itself: only the phone override (`POST /<PHONE_NUMBER_ID>`). */
const NODE_PATH = /^\/\d+$/;

const UNKNOWN_OBJECT = /does not exist|unsupported (?:get|post|delete) request|cannot be loaded/i;

interface Described {
  code: number | null;
  subcode: number | null;
  method: string;
  path: string;
  graphText: string;
  detectText: string;
  httpStatus: number | null;
  retryAfter: number | null;
}

/** The 190 family: Graph says which of expired / revoked / not a token in its subcode and wording. */
function tokenSentence({ subcode, detectText }: Described): string {
  const expiredOn = /Session has expired on ([^.]+)\./i.exec(detectText)?.[1];
  if (subcode === 463 || expiredOn) {
    return `Switchboard's access token (GRAPH_ACCESS_TOKEN) expired${expiredOn ? ` on ${expiredOn}` : ''}. ${NEW_TOKEN}`;
  }
  if (
    subcode === 460 ||
    subcode === 458 ||
    /invalidated|not authorized application|has been revoked/i.test(detectText)
  ) {
    return `Switchboard's access token (GRAPH_ACCESS_TOKEN) has been revoked (a password change, or the app was removed). ${NEW_TOKEN}`;
  }
  if (/cannot parse access token/i.test(detectText)) {
    return `GRAPH_ACCESS_TOKEN is not an access token Graph recognises. ${NEW_TOKEN}`;
  }
  return `Graph rejected Switchboard's access token: it has expired or been revoked. ${NEW_TOKEN}`;
}

function sentenceFor(d: Described): string {
  const { code, graphText, detectText, httpStatus, retryAfter } = d;
  if (code === 104) {
    return 'No access token is configured (GRAPH_ACCESS_TOKEN). Set it to a system-user token of the app from Business Settings → System users.';
  }
  if (code === 190) return tokenSentence(d);
  if (code === 200 && d.method === 'POST' && NODE_PATH.test(d.path)) {
    return "This app may read but not change this number's webhooks: the number's owner must grant the partner app full control of the WhatsApp account.";
  }
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return "The app's token lacks a permission for this (usually whatsapp_business_management on this WABA). An admin can grant it in Meta Business Settings.";
  }
  if (code === 100 && NOT_SUBSCRIBED.test(detectText)) {
    return 'This app is not subscribed to the WABA, and Meta only accepts overrides from subscribed apps. Subscribe the app to the WABA first, then set the override.';
  }
  if (code === 100 && /invalid appsecret_proof/i.test(detectText)) {
    return "Graph refused the appsecret_proof Switchboard sent: META_APP_SECRET is not this app's secret. Copy the app secret from the app's Basic settings.";
  }
  if (code === 100 && /require an appsecret_proof/i.test(detectText)) {
    return 'This app requires appsecret_proof on server calls ("Require App Secret"): set META_APP_SECRET to the app secret so Switchboard sends one.';
  }
  if (code === 100) {
    const business = BUSINESS_LISTING.exec(d.path)?.[1];
    if (business && UNKNOWN_OBJECT.test(detectText)) {
      return `This token's system user is not assigned to business ${business}: assign it in Business Settings → System users (or remove the business from META_BUSINESS_IDS).`;
    }
    if (UNKNOWN_OBJECT.test(detectText)) {
      return 'Graph does not know this id, or this app is not allowed to see it.';
    }
    return `Graph refused the request as invalid: ${graphText}`;
  }
  if (code === 803) {
    return 'Graph does not know one of these ids, or this app is not allowed to see it.';
  }
  if (code === 2200) {
    return `Meta could not verify the callback URL (${graphText}). It calls the URL with hub.mode, hub.verify_token and hub.challenge and needs HTTP 200 with exactly the challenge. Usual causes: a wrong path (404), a verify token the receiver does not accept (403), an auth wall or proxy (401), a redirect, an invalid TLS certificate, or a JSON-quoted challenge.`;
  }
  if (code !== null && RATE_LIMIT_CODES.has(code)) {
    const scope = code === 80007 || code === 80008 ? 'this WhatsApp Business Account' : 'this app';
    return `Graph's rate limit for ${scope} is reached. ${waitPhrase(retryAfter)}`;
  }
  // The client's transient codes that are not rate limits: 1, 2, 131000, 131016.
  if (code !== null && isTransientCode(code)) {
    return 'Graph had a temporary problem. Try again in a moment.';
  }
  if (code === 368 || code === 131031) {
    return 'Meta has restricted or locked this account, so it cannot be changed now. Check the account in WhatsApp Manager.';
  }
  if (code === null && httpStatus === null) {
    return /timeout/i.test(graphText)
      ? 'Graph did not answer in time. Nothing is known to have changed; try again.'
      : 'Graph could not be reached. Check the network connection to graph.facebook.com and try again.';
  }
  return `Graph reported an error: ${graphText}`;
}

/** Turns anything thrown by the Graph client (or a service) into the view the console shows. */
export function describeGraphError(error: unknown, context?: string): GraphFailureView {
  const base = context === undefined ? {} : { context };
  const firstFleetFailure = error instanceof IncompleteReadError ? error.failures[0] : undefined;
  if (firstFleetFailure) {
    return {
      ...firstFleetFailure,
      ...base,
      message: `Part of the fleet could not be read, so this could not be looked up. ${firstFleetFailure.message}`,
    };
  }
  if (!isGraphError(error)) {
    return {
      ...base,
      code: null,
      subcode: null,
      fbtraceId: null,
      message: 'Something went wrong while talking to Graph. Nothing is known to have changed; try again.',
      suggestSubscribe: false,
      retryAfterSeconds: null,
    };
  }
  // Graph's user-facing text reads better; its developer message is the one the patterns are known for.
  // `error_data.details` names the parameter when Graph's message only says "Invalid parameter".
  const shown = error.userMessage ?? error.graphMessage();
  const graphText = error.details && !shown.includes(error.details) ? `${shown}: ${error.details}` : shown;
  const detectText = `${error.graphMessage()} ${error.userMessage ?? ''}`;
  const sentence = sentenceFor({
    code: error.code,
    subcode: error.subcode,
    method: error.method,
    path: error.path,
    graphText,
    detectText,
    httpStatus: error.httpStatus,
    retryAfter: error.retryAfterSeconds,
  });
  const ids = [
    error.code === null
      ? null
      : `Graph error ${error.code}${error.subcode === null ? '' : `/${error.subcode}`}`,
    error.fbtraceId === null ? null : `fbtrace_id ${error.fbtraceId}`,
  ].filter((part) => part !== null);
  return {
    ...base,
    code: error.code,
    subcode: error.subcode,
    fbtraceId: error.fbtraceId,
    message: ids.length ? `${sentence} (${ids.join(', ')})` : sentence,
    suggestSubscribe: error.code === 100 && NOT_SUBSCRIBED.test(detectText),
    retryAfterSeconds: error.retryAfterSeconds,
  };
}
