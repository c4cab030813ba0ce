/** *Test callback*: the preflight on its own, recorded in the change log as `callback.test`. */
import 'server-only';
import { recordChange } from '@/lib/db/change-log';
import { type Actor, type RoutingContext, SYSTEM_ACTOR } from './context';
import { type PreflightInput, preflightCallback } from './preflight';
import { type OverrideReceiver, requestedToken } from './requested';
import type { PreflightResult } from './types';
import { checkVerifyToken } from './validation';

export async function testCallback(
  ctx: RoutingContext,
  input: PreflightInput & { receiver?: OverrideReceiver | null },
  actor?: Actor,
): Promise<PreflightResult> {
  const tokenProblem = checkVerifyToken(input.verifyToken);
  // The URL is checked inside the preflight; a bad token would only make the receiver refuse.
  const result: PreflightResult = tokenProblem
    ? {
        ok: false,
        url: input.url,
        httpStatus: null,
        durationMs: 0,
        challengeEchoed: false,
        reason: 'invalid_token',
        explanation: tokenProblem,
      }
    : await preflightCallback(ctx, input, actor);
  await recordChange(
    {
      actor: actor ?? SYSTEM_ACTOR,
      action: 'callback.test',
      targetType: 'receiver',
      targetId: input.url,
      requested: { url: input.url, ...requestedToken(input) },
      after: {
        ok: result.ok,
        httpStatus: result.httpStatus,
        durationMs: result.durationMs,
        reason: result.reason,
      },
      outcome: result.ok ? 'success' : 'failure',
      message: result.ok ? null : result.explanation,
    },
    ctx.db,
  );
  return result;
}
