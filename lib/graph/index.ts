/** Public surface of the Graph client for server code. */
import 'server-only';

export { createGraphClient, type GraphClient, type GraphClientOptions } from './client';
export type { AppSubscriptionInput, DebugTokenInfo } from './endpoints/app-subscriptions';
export type { BatchEntry, BatchOperation } from './endpoints/batch';
export type { ListPhoneNumbersOptions, OverrideInput } from './endpoints/phone-numbers';
export type { ListWabasOptions, Ownership } from './endpoints/wabas';
export { GraphError, isGraphError } from './errors';
export { fieldsFor, nestedEdge } from './fields';
export type { Page } from './paging';
export { redactSecrets } from './redact';
export type { UsageSnapshot } from './usage';
