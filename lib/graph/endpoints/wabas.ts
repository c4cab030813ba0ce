/** WABAs: `/<BUSINESS_ID>/{owned,client}_whatsapp_business_accounts` and the WABA node. */
import 'server-only';
import { fieldsFor } from '../fields';
import { collectAll, continueEdge, type Page, toPage } from '../paging';
import type { GraphRequester } from '../request';
import { type Ownership, type Waba, wabaEdgeResponse, wabaSchema } from '../schemas';
import { segment } from './shared';

export type { Ownership };

export interface ListWabasOptions {
  fields?: string;
  limit?: number;
  after?: string;
}

export async function listWabas(
  http: GraphRequester,
  businessId: string,
  ownership: Ownership,
  opts: ListWabasOptions = {},
): Promise<Page<Waba>> {
  const edge = await http.request({
    method: 'GET',
    path: `/${segment(businessId)}/${ownership}_whatsapp_business_accounts`,
    query: { fields: opts.fields ?? fieldsFor.wabaList(), limit: opts.limit, after: opts.after },
    schema: wabaEdgeResponse,
  });
  return toPage(edge);
}

/** Every WABA of one kind, following the cursor until the last page. */
export async function listAllWabas(
  http: GraphRequester,
  businessId: string,
  ownership: Ownership,
  opts: { fields?: string; pageSize?: number } = {},
): Promise<Waba[]> {
  const list = (after?: string) =>
    listWabas(http, businessId, ownership, { fields: opts.fields, limit: opts.pageSize, after });
  return collectAll(await list(), continueEdge(http, wabaSchema, list));
}

export async function getWaba(http: GraphRequester, wabaId: string, fields?: string): Promise<Waba> {
  return http.request({
    method: 'GET',
    path: `/${segment(wabaId)}`,
    query: { fields: fields ?? fieldsFor.wabaList() },
    schema: wabaSchema,
  });
}
