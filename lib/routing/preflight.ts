/**
 * Preflight: the verification GET Meta will send when an override is saved, performed first by us, so a
 * receiver that would fail is caught with an explanation instead of Graph's terse error 2200. Every check is
 * recorded in `callback_checks` (the overview flags overrides whose URL last failed).
 */
import 'server-only';
import { randomInt } from 'node:crypto';
import { safeGet } from '@/lib/net/safe-fetch';
import { recordCallbackCheck } from './callback-checks';
import type { Actor, RoutingContext } from './context';
import { explainFailure, judgeAnswer } from './preflight-explain';
import type { PreflightResult } from './types';
import { checkOverrideCallbackUri } from './validation';

/** More than any challenge plus its quotes; a bigger answer is wrong anyway. */
export const PREFLIGHT_MAX_BODY_BYTES = 4_096;

export interface PreflightInput {
  url: string;
  verifyToken: string;
}

/** A challenge like Meta's: a random run of digits. */
export function newChallenge(): string {
  return String(randomInt(1_000_000_000, 2_000_000_000));
}

/** The URL Meta calls: the hub parameters appended to whatever query the callback URL already has. */
export function verificationUrl(url: string, verifyToken: string, challenge: string): string {
  const hub = `hub.mode=subscribe&hub.verify_token=${encodeURIComponent(verifyToken)}&hub.challenge=${challenge}`;
  if (!url.includes('?')) return `${url}?${hub}`;
  return url.endsWith('?') || url.endsWith('&') ? `${url}${hub}` : `${url}&${hub}`;
}

async function check(ctx: RoutingContext, input: PreflightInput): Promise<PreflightResult> {
  const base = { url: input.url, httpStatus: null, durationMs: 0, challengeEchoed: false };
  const invalid = checkOverrideCallbackUri(input.url, ctx.allowLoopbackCallbacks);
  if (invalid) return { ...base, ok: false, reason: 'invalid_url', explanation: invalid };

  const challenge = newChallenge();
  const res = await safeGet(verificationUrl(input.url, input.verifyToken, challenge), {
    allowLoopback: ctx.allowLoopbackCallbacks,
    timeoutMs: ctx.preflightTimeoutMs,
    maxBodyBytes: PREFLIGHT_MAX_BODY_BYTES,
    headers: { 'user-agent': 'Switchboard-Preflight/1.0' },
  });
  if (!res.ok) {
    return {
      ...base,
      durationMs: res.durationMs,
      ok: false,
      reason: res.reason,
      explanation: explainFailure(res, ctx.preflightTimeoutMs),
    };
  }
  const { reason, explanation } = judgeAnswer(res, challenge, input.verifyToken);
  return {
    url: input.url,
    ok: reason === null,
    httpStatus: res.status,
    durationMs: res.durationMs,
    challengeEchoed: reason === null,
    reason,
    explanation,
  };
}

/** Runs the check and records its outcome. Never throws for a bad receiver; the result says what failed. */
export async function preflightCallback(
  ctx: RoutingContext,
  input: PreflightInput,
  actor?: Actor,
): Promise<PreflightResult> {
  const result = await check(ctx, input);
  await recordCallbackCheck(ctx.db, {
    url: input.url,
    ok: result.ok,
    httpStatus: result.httpStatus,
    durationMs: result.durationMs,
    reason: result.reason,
    checkedBy: actor?.email ?? null,
  });
  return result;
}
