import { type BatchResult, batchOperationSchema, MAX_BATCH_OPERATIONS } from '@/lib/graph/schemas';
import type { GraphResponse } from '../dispatch';
import { type GraphApiError, invalidParameter } from '../errors';
import type { GraphRequest } from '../request';
import { jsonParam } from '../request';

export interface BatchInput {
  params: Record<string, unknown>;
  origin: string;
  version: string;
  /** The outer call's token, used by operations that carry none of their own. */
  token: string | undefined;
  /** The outer call's proof, which goes with the outer token. */
  appsecretProof: string | undefined;
}

/**
 * `POST /` with `batch=[…]`: every operation goes through the same dispatcher (so it is authenticated,
 * budgeted, fault-injected and logged on its own) one after the other; replies keep request order.
 */
export async function runBatch(
  input: BatchInput,
  dispatch: (request: GraphRequest) => Promise<GraphResponse>,
): Promise<BatchResult[]> {
  const operations = jsonParam(input.params.batch, 'batch');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidParameter('The parameter batch must be a non-empty JSON array');
  }
  if (operations.length > MAX_BATCH_OPERATIONS) {
    throw invalidParameter(
      `Too many requests in batch message. Maximum batch size is ${MAX_BATCH_OPERATIONS}`,
    );
  }
  const results: BatchResult[] = [];
  for (const raw of operations) results.push(await runOperation(raw, input, dispatch));
  return results;
}

async function runOperation(
  raw: unknown,
  input: BatchInput,
  dispatch: (request: GraphRequest) => Promise<GraphResponse>,
): Promise<BatchResult> {
  const normalised =
    typeof raw === 'object' && raw !== null && 'method' in raw && typeof raw.method === 'string'
      ? { ...raw, method: raw.method.toUpperCase(), body: bodyText(raw) }
      : raw;
  const parsed = batchOperationSchema.safeParse(normalised);
  if (!parsed.success) {
    const error: GraphApiError = invalidParameter(
      'Each batch operation needs a method (GET, POST or DELETE) and a relative_url',
    );
    return { code: error.status, headers: [], body: JSON.stringify(error.body()) };
  }
  const op = parsed.data;
  const relative = op.relative_url.replace(/^\/+/, '');
  const path = /^v\d+\.\d+(\/|$|\?)/.test(relative) ? relative : `${input.version}/${relative}`;
  const body = op.body ?? '';
  const response = await dispatch({
    method: op.method,
    url: new URL(`/${path}`, input.origin),
    rawBody: body,
    contentType: body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded',
    authorization: input.token ? `Bearer ${input.token}` : undefined,
    batch: true,
    appsecretProof: input.token ? input.appsecretProof : undefined,
  });
  return {
    code: response.status,
    headers: Object.entries(response.headers).map(([name, value]) => ({ name, value })),
    body: JSON.stringify(response.body),
  };
}

/** Operation bodies are form strings on Graph; a JSON-bodied batch may send them as objects. */
function bodyText(raw: object): string | undefined {
  const body = 'body' in raw ? raw.body : undefined;
  if (body === undefined || body === null) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}
