/**
 * The one mapping from a failure to what the console says (docs/graph-facts.md §6). Each sentence says what happened
 * and what to do, and ends with the code and fbtrace_id support needs. Only the Graph client's redacted text
 * is ever quoted, so no token can appear.
 */
import 'server-only';
import { isGraphError, isTransientCode, RATE_LIMIT_CODES } from '@/lib/graph/errors';
import { FleetUnavailableError } from './errors';
import type { GraphFailureView } from './types';

/** The `(#100) Before override the current callback uri, your app must be subscribed…` family. */
const NOT_SUBSCRIBED = /before override|must be subscribed/i;

function waitPhrase(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return 'Wait a few minutes before trying again.';
  if (seconds < 90) return `Try again in about ${Math.ceil(seconds)} seconds.`;
  return `Try again in about ${Math.ceil(seconds / 60)} minutes.`;
}

function sentenceFor(
  code: number | null,
  graphText: string,
  detectText: string,
  httpStatus: number | null,
  retryAfter: number | null,
) {
  if (code === 190) {
    return "Graph rejected Switchboard's access token: it has expired or been revoked. An admin must issue a new system-user token (GRAPH_ACCESS_TOKEN).";
  }
  if (code === 10 || (code !== null && code >= 200 && code <= 299)) {
    return "The app's token lacks a permission for this (usually whatsapp_business_management on this WABA). An admin can grant it in Meta Business Settings.";
  }
  if (code === 100 && NOT_SUBSCRIBED.test(detectText)) {
    return 'This app is not subscribed to the WABA, and Meta only accepts overrides from subscribed apps. Subscribe the app to the WABA first, then set the override.';
  }
  if (code === 100) {
    if (/does not exist|unsupported get request|cannot be loaded/i.test(detectText)) {
      return 'Graph does not know this id, or this app is not allowed to see it.';
    }
    return `Graph refused the request as invalid: ${graphText}`;
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
  const firstFleetFailure = error instanceof FleetUnavailableError ? error.failures[0] : undefined;
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
  const graphText = error.userMessage ?? error.graphMessage();
  const detectText = `${error.graphMessage()} ${error.userMessage ?? ''}`;
  const sentence = sentenceFor(error.code, graphText, detectText, error.httpStatus, error.retryAfterSeconds);
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
