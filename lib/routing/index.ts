/** The routing services: what pages (server components) and server actions call. Server-only. */
import 'server-only';

export { describeGraphError } from '@/lib/graph/describe-error';
export { type Actor, type RoutingContext, SYSTEM_ACTOR } from './context';
export { FleetUnavailableError } from './errors';
export { invalidateFleet, readFleet } from './fleet';
export { FLEET_CACHE_TTL_MS, FleetCache } from './fleet-cache';
export { getNumber } from './get-number';
export { getOverview } from './get-overview';
export { getWaba } from './get-waba';
export { type ListWabasInput, listWabas } from './list-wabas';
export { getNumberApps, readNumberApps } from './number-apps';
export {
  type ClearPhoneOverrideRequest,
  clearPhoneOverride,
  type PhoneWriteOptions,
  type SetPhoneOverrideRequest,
  setPhoneOverride,
} from './phone-override';
export { type PreflightInput, preflightCallback } from './preflight';
export { testCallback } from './test-callback';
export {
  type ClearWabaOverrideRequest,
  clearWabaOverride,
  type SetWabaOverrideRequest,
  setWabaOverride,
} from './waba-override';
export { subscribeApp, unsubscribeApp, type WabaSubscriptionRequest } from './waba-subscription';
