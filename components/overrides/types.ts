import { can } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { Role } from '@/lib/db/schema';
import type { NumberRoute, PreflightResult, WabaSummary, WriteOutcome } from '@/lib/routing/types';

/** A routing server action as client components receive it (pages pass them down as props). */
export type WriteAction<I, T> = (input: I) => Promise<ActionResult<WriteOutcome<T>>>;

export type TestCallbackAction = (
  input: { overrideCallbackUri: string; verifyToken: string } | { target: 'receiver'; receiverId: string },
) => Promise<ActionResult<PreflightResult>>;

export interface WabaActions {
  setWabaOverride: WriteAction<FormData, WabaSummary>;
  clearWabaOverride: WriteAction<{ wabaId: string; expected: string | null }, WabaSummary>;
  subscribeApp: WriteAction<{ wabaId: string }, WabaSummary>;
  unsubscribeApp: WriteAction<{ wabaId: string }, WabaSummary>;
  testCallback: TestCallbackAction;
}

export interface NumberActions {
  setPhoneOverride: WriteAction<FormData, NumberRoute>;
  clearPhoneOverride: WriteAction<{ phoneNumberId: string; expected: string | null }, NumberRoute>;
  subscribeApp: WriteAction<{ wabaId: string }, WabaSummary>;
  testCallback: TestCallbackAction;
}

/** What the signed-in role may do, from the one permission table. Only hides buttons: actions re-check. */
export interface RoutingPermissions {
  overrideWrite: boolean;
  callbackTest: boolean;
  wabaSubscribe: boolean;
  wabaUnsubscribe: boolean;
}

export function routingPermissions(role: Role): RoutingPermissions {
  return {
    overrideWrite: can(role, 'override.write'),
    callbackTest: can(role, 'callback.test'),
    wabaSubscribe: can(role, 'waba.subscribe'),
    wabaUnsubscribe: can(role, 'waba.unsubscribe'),
  };
}
