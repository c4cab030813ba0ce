/**
 * The typed Graph client: one requester (request.ts) plus one method per Graph call Switchboard makes.
 * The methods live in endpoints/*; this file only binds them to a configured requester.
 */
import 'server-only';
import type { z } from 'zod';
import {
  type AppSubscriptionInput,
  type DebugTokenInfo,
  debugToken,
  deleteAppSubscription,
  getAppSubscriptions,
  setAppSubscription,
} from './endpoints/app-subscriptions';
import { type BatchEntry, batch } from './endpoints/batch';
import {
  clearPhoneOverride,
  getPhoneNumber,
  getPhoneNumbers,
  getWebhookConfiguration,
  type ListPhoneNumbersOptions,
  listAllPhoneNumbers,
  listPhoneNumbers,
  type OverrideInput,
  setPhoneOverride,
} from './endpoints/phone-numbers';
import {
  clearWabaOverride,
  listSubscribedApps,
  setWabaOverride,
  subscribeApp,
  unsubscribeApp,
} from './endpoints/subscribed-apps';
import { getWaba, type ListWabasOptions, listAllWabas, listWabas, type Ownership } from './endpoints/wabas';
import { collectNestedEdge, fetchNextPage, type Page } from './paging';
import { createGraphRequester, type RequesterOptions } from './request';
import type {
  AppSubscription,
  BatchOperation,
  PhoneNumber,
  SubscribedApp,
  Waba,
  WebhookConfiguration,
} from './schemas';
import type { GraphBase } from './urls';
import type { UsageSnapshot } from './usage';

export type GraphClientOptions = RequesterOptions;

export interface GraphClient {
  /** The origin and version it talks to: for building batch operations from `paging.next` URLs. */
  readonly base: GraphBase;
  listWabas(businessId: string, ownership: Ownership, opts?: ListWabasOptions): Promise<Page<Waba>>;
  listAllWabas(
    businessId: string,
    ownership: Ownership,
    opts?: { fields?: string; pageSize?: number },
  ): Promise<Waba[]>;
  getWaba(wabaId: string, fields?: string): Promise<Waba>;
  listPhoneNumbers(wabaId: string, opts?: ListPhoneNumbersOptions): Promise<Page<PhoneNumber>>;
  listAllPhoneNumbers(wabaId: string, opts?: { fields?: string; pageSize?: number }): Promise<PhoneNumber[]>;
  getPhoneNumber(phoneNumberId: string, fields?: string): Promise<PhoneNumber>;
  /** Several numbers by id in one multi-id read per 50 ids, keyed by id. */
  getPhoneNumbers(phoneNumberIds: readonly string[], fields?: string): Promise<Map<string, PhoneNumber>>;
  getWebhookConfiguration(phoneNumberId: string): Promise<WebhookConfiguration>;
  setPhoneOverride(phoneNumberId: string, input: OverrideInput): Promise<void>;
  clearPhoneOverride(phoneNumberId: string): Promise<void>;
  listSubscribedApps(wabaId: string): Promise<SubscribedApp[]>;
  subscribeApp(wabaId: string): Promise<void>;
  setWabaOverride(wabaId: string, input: OverrideInput): Promise<void>;
  clearWabaOverride(wabaId: string): Promise<void>;
  unsubscribeApp(wabaId: string): Promise<void>;
  getAppSubscriptions(appId: string, appAccessToken: string): Promise<AppSubscription[]>;
  setAppSubscription(appId: string, appAccessToken: string, input: AppSubscriptionInput): Promise<void>;
  deleteAppSubscription(appId: string, appAccessToken: string): Promise<void>;
  debugToken(inputToken: string, appAccessToken: string): Promise<DebugTokenInfo>;
  batch(ops: readonly BatchOperation[]): Promise<Array<BatchEntry | null>>;
  /** The page a `paging.next` URL points at (only URLs on the configured Graph origin and version). */
  fetchNextPage<S extends z.ZodType>(nextUrl: string, item: S): Promise<Page<z.output<S>>>;
  /** Every item of a nested edge from field expansion, following its `paging.next`. */
  collectNestedEdge<S extends z.ZodType>(
    edge: { data: Array<z.output<S>>; paging?: { next?: string } } | undefined,
    item: S,
  ): Promise<Array<z.output<S>>>;
  /** Usage headers of the most recent response that had them. */
  lastUsage(): UsageSnapshot | null;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const http = createGraphRequester(options);
  return {
    base: { baseUrl: options.baseUrl, version: options.version },
    listWabas: (businessId, ownership, opts) => listWabas(http, businessId, ownership, opts),
    listAllWabas: (businessId, ownership, opts) => listAllWabas(http, businessId, ownership, opts),
    getWaba: (wabaId, fields) => getWaba(http, wabaId, fields),
    listPhoneNumbers: (wabaId, opts) => listPhoneNumbers(http, wabaId, opts),
    listAllPhoneNumbers: (wabaId, opts) => listAllPhoneNumbers(http, wabaId, opts),
    getPhoneNumber: (phoneNumberId, fields) => getPhoneNumber(http, phoneNumberId, fields),
    getPhoneNumbers: (phoneNumberIds, fields) => getPhoneNumbers(http, phoneNumberIds, fields),
    getWebhookConfiguration: (phoneNumberId) => getWebhookConfiguration(http, phoneNumberId),
    setPhoneOverride: (phoneNumberId, input) => setPhoneOverride(http, phoneNumberId, input),
    clearPhoneOverride: (phoneNumberId) => clearPhoneOverride(http, phoneNumberId),
    listSubscribedApps: (wabaId) => listSubscribedApps(http, wabaId),
    subscribeApp: (wabaId) => subscribeApp(http, wabaId),
    setWabaOverride: (wabaId, input) => setWabaOverride(http, wabaId, input),
    clearWabaOverride: (wabaId) => clearWabaOverride(http, wabaId),
    unsubscribeApp: (wabaId) => unsubscribeApp(http, wabaId),
    getAppSubscriptions: (appId, appAccessToken) => getAppSubscriptions(http, appId, appAccessToken),
    setAppSubscription: (appId, appAccessToken, input) =>
      setAppSubscription(http, appId, appAccessToken, input),
    deleteAppSubscription: (appId, appAccessToken) => deleteAppSubscription(http, appId, appAccessToken),
    debugToken: (inputToken, appAccessToken) => debugToken(http, inputToken, appAccessToken),
    batch: (ops) => batch(http, ops),
    fetchNextPage: (nextUrl, item) => fetchNextPage(http, nextUrl, item),
    collectNestedEdge: (edge, item) => collectNestedEdge(http, edge, item),
    lastUsage: () => http.lastUsage(),
  };
}
