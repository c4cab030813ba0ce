/** Phone numbers: the `/<WABA_ID>/phone_numbers` edge, the number node, and its webhook override. */
import 'server-only';
import { z } from 'zod';
import { fieldsFor } from '../fields';
import { collectAll, continueEdge, type Page, toPage } from '../paging';
import type { GraphRequester } from '../request';
import {
  type PhoneNumber,
  phoneNumberSchema,
  phoneNumbersResponse,
  type WebhookConfiguration,
  webhookConfigurationSchema,
} from '../schemas';
import { expectSuccess, segment } from './shared';

export interface ListPhoneNumbersOptions {
  fields?: string;
  limit?: number;
  after?: string;
  /** Adds `summary=total_count` so the page reports the total. */
  totalCount?: boolean;
}

export interface OverrideInput {
  overrideCallbackUri: string;
  verifyToken: string;
}

export async function listPhoneNumbers(
  http: GraphRequester,
  wabaId: string,
  opts: ListPhoneNumbersOptions = {},
): Promise<Page<PhoneNumber>> {
  const edge = await http.request({
    method: 'GET',
    path: `/${segment(wabaId)}/phone_numbers`,
    query: {
      fields: opts.fields ?? fieldsFor.phoneNumberList(),
      limit: opts.limit,
      after: opts.after,
      summary: opts.totalCount ? 'total_count' : undefined,
    },
    schema: phoneNumbersResponse,
  });
  return toPage(edge);
}

export async function listAllPhoneNumbers(
  http: GraphRequester,
  wabaId: string,
  opts: { fields?: string; pageSize?: number } = {},
): Promise<PhoneNumber[]> {
  const list = (after?: string) =>
    listPhoneNumbers(http, wabaId, { fields: opts.fields, limit: opts.pageSize, after });
  return collectAll(await list(), continueEdge(http, phoneNumberSchema, list));
}

export async function getPhoneNumber(
  http: GraphRequester,
  phoneNumberId: string,
  fields?: string,
): Promise<PhoneNumber> {
  return http.request({
    method: 'GET',
    path: `/${segment(phoneNumberId)}`,
    query: { fields: fields ?? fieldsFor.phoneNumberDetail() },
    schema: phoneNumberSchema,
  });
}

const webhookConfigurationReply = z.object({ webhook_configuration: webhookConfigurationSchema.optional() });

/** The three tiers as this app sees them; keys are absent for unset tiers (`{}` when Graph omits the field). */
export async function getWebhookConfiguration(
  http: GraphRequester,
  phoneNumberId: string,
): Promise<WebhookConfiguration> {
  const reply = await http.request({
    method: 'GET',
    path: `/${segment(phoneNumberId)}`,
    query: { fields: 'webhook_configuration' },
    schema: webhookConfigurationReply,
  });
  return reply.webhook_configuration ?? {};
}

/** Sets this app's override on the number. Graph verifies the URL live before answering. */
export async function setPhoneOverride(http: GraphRequester, phoneNumberId: string, input: OverrideInput) {
  await expectSuccess(http, {
    method: 'POST',
    path: `/${segment(phoneNumberId)}`,
    json: {
      webhook_configuration: {
        override_callback_uri: input.overrideCallbackUri,
        verify_token: input.verifyToken,
      },
    },
    secrets: [input.verifyToken],
  });
}

/** Clears this app's override on the number: Graph's convention is an empty `override_callback_uri`. */
export async function clearPhoneOverride(http: GraphRequester, phoneNumberId: string) {
  await expectSuccess(http, {
    method: 'POST',
    path: `/${segment(phoneNumberId)}`,
    json: { webhook_configuration: { override_callback_uri: '' } },
  });
}

/** Graph's cap on the ids of one multi-id read. */
export const MAX_IDS_PER_READ = 50;

/**
 * Several numbers in one call per 50 ids (`GET /?ids=a,b&fields=…`), keyed by id, instead of one call each.
 * One id Graph does not know (or this token may not see) fails its whole chunk, as on Graph.
 */
export async function getPhoneNumbers(
  http: GraphRequester,
  phoneNumberIds: readonly string[],
  fields?: string,
): Promise<Map<string, PhoneNumber>> {
  const ids = [...new Set(phoneNumberIds)].map(segment);
  const found = new Map<string, PhoneNumber>();
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_READ) {
    const chunk = ids.slice(start, start + MAX_IDS_PER_READ);
    const reply = await http.request({
      method: 'GET',
      path: '/',
      query: { ids: chunk.join(','), fields: fields ?? fieldsFor.phoneNumberDetail() },
      schema: z.record(z.string(), phoneNumberSchema),
    });
    for (const [id, number] of Object.entries(reply)) found.set(id, number);
  }
  return found;
}
