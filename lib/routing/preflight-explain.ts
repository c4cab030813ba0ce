/**
 * Sentences for callback check outcomes: what went wrong and its usual causes. They may mention the status,
 * timing or body length, never the remote body itself (it could be anything, including someone's secrets).
 */
import type { SafeGetResult } from '@/lib/net/safe-fetch';
import type { PreflightReason } from './types';

type Answer = Extract<SafeGetResult, { ok: true }>;
type Failure = Extract<SafeGetResult, { ok: false }>;

export function explainOk(res: Answer): string {
  return `The receiver answered HTTP 200 with the exact challenge in ${res.durationMs} ms, as Meta's check requires.`;
}

export function explainFailure(res: Failure, timeoutMs: number): string {
  switch (res.reason) {
    case 'timeout':
      return `No answer within ${timeoutMs} ms. Check that the receiver is running and reachable from the internet, and that no firewall drops the request.`;
    case 'blocked_address':
      return `${res.detail} Switchboard only calls public addresses, and Meta cannot reach private ones either.`;
    case 'dns':
      return `${res.detail} Check the host name for typos and that it has a public DNS record.`;
    case 'tls':
      return `${res.detail} Meta needs a valid certificate from a public authority for this exact host name; self-signed, expired or mismatched certificates fail.`;
    case 'network':
      return `${res.detail} Check that the receiver is running and listening on this host and port.`;
    default:
      return res.detail;
  }
}

function explainStatus(status: number, verifyToken: string): string {
  if (status === 401) {
    return 'The receiver answered HTTP 401: an auth wall (basic auth, a single sign-on proxy or an API gateway) stands in front of it. Meta sends no credentials, so let the verification GET through.';
  }
  if (status === 403) {
    const plus = /[+ ]/.test(verifyToken)
      ? ' This token contains a "+" or a space: receivers that decode "+" as a space see a different token.'
      : '';
    return `The receiver answered HTTP 403, which usually means it did not accept the verify token. Check that it expects exactly this token.${plus}`;
  }
  if (status === 404) {
    return 'The receiver answered HTTP 404: the path is probably wrong (a typo, a route that does not exist, or a trailing slash too many or too few).';
  }
  if (status === 405) {
    return 'The receiver answered HTTP 405: it does not accept GET on this path. It must answer the verification GET, not only POSTed webhooks.';
  }
  if (status >= 500) {
    return `The receiver answered HTTP ${status}: it failed while handling the verification request. Check its logs.`;
  }
  return `The receiver answered HTTP ${status}; Meta needs HTTP 200 with the challenge as the whole body.`;
}

/** Judges an answer to the verification GET. */
export function judgeAnswer(
  res: Answer,
  challenge: string,
  verifyToken: string,
): { reason: PreflightReason | null; explanation: string } {
  if (res.status >= 300 && res.status < 400) {
    return {
      reason: 'redirect',
      explanation: `The URL answered HTTP ${res.status}, a redirect. Meta does not follow redirects: use the final URL (check https vs http and the trailing slash).`,
    };
  }
  if (res.status !== 200)
    return { reason: 'http_status', explanation: explainStatus(res.status, verifyToken) };
  if (res.bodyTruncated) {
    return {
      reason: 'body_too_large',
      explanation:
        'The receiver answered HTTP 200 with more than 4 KB, which cannot be the challenge. It must return only the hub.challenge value.',
    };
  }
  if (res.body === challenge) return { reason: null, explanation: explainOk(res) };
  if (res.body.trim() === `"${challenge}"`) {
    return {
      reason: 'json_quoted_challenge',
      explanation:
        'The receiver answered with the challenge in JSON quotes ("…"). Meta needs the bare value: send hub.challenge as plain text, not JSON-encoded.',
    };
  }
  let detail: string;
  if (res.body.length === 0) detail = 'an empty body';
  else if (res.body.trim() === challenge) detail = 'the challenge plus extra whitespace or a line break';
  else if (res.body.includes(challenge)) detail = 'the challenge wrapped in other content (HTML or JSON?)';
  else detail = `${res.body.length} characters that are not the challenge`;
  return {
    reason: 'challenge_mismatch',
    explanation: `The receiver answered HTTP 200 with ${detail}. It must return exactly the hub.challenge value as the whole body.`,
  };
}
