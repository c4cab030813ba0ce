/**
 * Graph batch requests: `POST /` with `batch=[…]`, at most 50 operations, one reply entry per operation in
 * order. Each entry's body is JSON inside a string; it is parsed here so callers see errors and data alike.
 */
import 'server-only';
import type { GraphRequester } from '../request';
import { type BatchOperation, batchOperationSchema, batchResponse, MAX_BATCH_OPERATIONS } from '../schemas';

export type { BatchOperation };

/** One operation's outcome; `body` is the parsed JSON (an error envelope when `code` is not 2xx). */
export interface BatchEntry {
  code: number;
  body: unknown;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Runs up to 50 operations in one HTTP call. A `null` entry means Graph timed that operation out. */
export async function batch(
  http: GraphRequester,
  ops: readonly BatchOperation[],
): Promise<Array<BatchEntry | null>> {
  if (ops.length > MAX_BATCH_OPERATIONS) {
    throw new RangeError(
      `A Graph batch holds at most ${MAX_BATCH_OPERATIONS} operations; got ${ops.length}.`,
    );
  }
  if (ops.length === 0) return [];
  const operations = ops.map((op) => batchOperationSchema.parse(op));
  const reply = await http.request({
    method: 'POST',
    path: '/',
    form: { batch: JSON.stringify(operations), include_headers: 'false' },
    schema: batchResponse,
  });
  return reply.map((entry) => (entry === null ? null : { code: entry.code, body: parseBody(entry.body) }));
}
